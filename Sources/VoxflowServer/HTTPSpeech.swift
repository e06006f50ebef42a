import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension ServerState {
    /// Speaks `request` as an HTTP response: streamed (chunked, the first bytes leaving with the
    /// first phrase) or complete (with Content-Length), in the asked-for format. `channel`: the
    /// connection, closed when the synthesis outlives `--total-timeout`.
    func respond(_ request: SpeechRequest, endpoint: String, received: UInt64, channel: any Channel,
                 ifNoneMatch: String? = nil) async throws -> Response {
        try synthesizer.checkVoice(request)
        var headers: HTTPFields = [.contentType: request.format.contentType]
        // With the phrase cache, equal requests get equal audio: its key (with the encoding) is the ETag.
        if let key = try synthesizer.cacheKey(request) {
            let etag = "\"\(key.prefix(40))-\(request.format.rawValue)-\(request.sampleFormat.rawValue)\""
            headers[.eTag] = etag
            if let given = ifNoneMatch, given == "*" || given.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
                return Response(status: .notModified, headers: [.eTag: etag])
            }
        }
        if request.format == .pcm {
            headers[HTTPField.Name("X-Audio-Format")!] = "\(request.sampleFormat.rawValue); rate=\(request.sampleRate); channels=\(request.channels)"
        }
        if request.stream {
            return try await respondStreaming(request, headers: headers, endpoint: endpoint, received: received, channel: channel)
        }
        return try await withSlot {
            // The encoder first: a format libsndfile refuses fails before any pipeline starts.
            let encoder = try Encoders.make(request.format, sampleFormat: request.sampleFormat, rate: request.sampleRate,
                                            channels: request.channels, streaming: false)
            let synthesis = try synthesizer.start(request)
            var bytes = [UInt8]()
            let cap = limits.maxCompleteBytes
            let tooLong = FailureNote()
            let outcome = try await drive(synthesis, encoder: encoder, received: received, totalTimeout: limits.totalTimeout) {
                bytes += $0
                if bytes.count > cap {
                    tooLong.set("the audio is longer than a complete response may be (\(cap / 1_000_000) MB); ask for \"stream\": true")
                    synthesis.cancel()
                }
            }
            record(outcome, endpoint: endpoint)
            if let m = tooLong.get() { throw APIError(.contentTooLarge, m, field: "stream") }
            if let f = outcome.failure { throw APIError(.internalServerError, "synthesis failed: \(f)") }
            headers[HTTPField.Name("X-Audio-Seconds")!] = String(format: "%.3f", outcome.audioSeconds)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// The slot is taken before the response starts (so a full server still answers 503). The
    /// `StreamLease` gives it back when the body has been written, when the client went away, or —
    /// if Hummingbird never runs the body (the client left while the request was queued) — when the
    /// response is dropped.
    private func respondStreaming(_ request: SpeechRequest, headers: HTTPFields, endpoint: String, received: UInt64,
                                  channel: any Channel) async throws -> Response {
        let encoder = try Encoders.make(request.format, sampleFormat: request.sampleFormat, rate: request.sampleRate,
                                        channels: request.channels, streaming: true)
        try await acquireSlot()
        let synthesis: Synthesis
        do { synthesis = try synthesizer.start(request) } catch {
            await slots.release()
            throw error
        }
        let lease = StreamLease(state: self, synthesis: synthesis, encoder: encoder)
        let timeout = limits.totalTimeout
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer { lease.end() }
            let outcome = try await drive(lease.synthesis, encoder: lease.encoder, received: received, totalTimeout: timeout,
                                          onTimeout: { channel.close(promise: nil) }) { bytes in
                try await writer.write(ByteBuffer(bytes: bytes))
            }
            self.record(outcome, endpoint: endpoint)
            if let f = outcome.failure { self.logger.error("\(endpoint): stream ended early: \(f)") }
            try await writer.finish(nil)
        })
    }
}

/// A streamed response's synthesis slot and pipeline, released exactly once: when the body ends,
/// or when the response is dropped without its body ever running.
final class StreamLease: @unchecked Sendable {
    let synthesis: Synthesis
    let encoder: AudioEncoder
    private let state: ServerState
    private let once = Once()

    init(state: ServerState, synthesis: Synthesis, encoder: AudioEncoder) {
        self.state = state
        self.synthesis = synthesis
        self.encoder = encoder
        state.metrics.activeStreams.increment()
    }

    func end() {
        guard once.claim() else { return }
        synthesis.cancel()   // no-op once the utterance has ended
        synthesis.close()
        state.metrics.activeStreams.decrement()
        let slots = state.slots
        Task { await slots.release() }
    }

    deinit { end() }
}
