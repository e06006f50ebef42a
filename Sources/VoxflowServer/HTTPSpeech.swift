import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension ServerState {
    /// Speaks `request` as an HTTP response: streamed (chunked, the first bytes leaving with the
    /// first phrase) or complete (with Content-Length), in the asked-for format.
    func respond(_ request: SpeechRequest, endpoint: String, received: UInt64) async throws -> Response {
        try synthesizer.checkVoice(request)
        var headers: HTTPFields = [.contentType: request.format.contentType]
        if request.format == .pcm {
            headers[HTTPField.Name("X-Audio-Format")!] = "\(request.sampleFormat.rawValue); rate=\(request.sampleRate); channels=\(request.channels)"
        }
        if request.stream {
            return try await respondStreaming(request, headers: headers, endpoint: endpoint, received: received)
        }
        return try await withSlot {
            let synthesis = try synthesizer.start(request)
            let encoder = try Encoders.make(request.format, sampleFormat: request.sampleFormat, rate: synthesis.rate,
                                            channels: synthesis.channels, streaming: false)
            var bytes = [UInt8]()
            let outcome = try await drive(synthesis, encoder: encoder, received: received, totalTimeout: limits.totalTimeout) { bytes += $0 }
            record(outcome, endpoint: endpoint)
            if let f = outcome.failure {
                throw APIError(.internalServerError, "synthesis failed: \(f)")
            }
            headers[HTTPField.Name("X-Audio-Seconds")!] = String(format: "%.3f", outcome.audioSeconds)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// The slot is taken before the response starts (so a full server still answers 503), and
    /// given back when the body has been written or the client went away.
    private func respondStreaming(_ request: SpeechRequest, headers: HTTPFields, endpoint: String, received: UInt64) async throws -> Response {
        metrics.queuedRequests.increment()
        do { try await slots.acquire() } catch {
            metrics.queuedRequests.decrement()
            throw error
        }
        metrics.queuedRequests.decrement()
        let synthesis: Synthesis
        let encoder: AudioEncoder
        do {
            synthesis = try synthesizer.start(request)
            encoder = try Encoders.make(request.format, sampleFormat: request.sampleFormat, rate: synthesis.rate,
                                        channels: synthesis.channels, streaming: true)
        } catch {
            await slots.release()
            throw error
        }
        metrics.activeStreams.increment()
        let box = UncheckedBox((synthesis, encoder))
        let timeout = limits.totalTimeout
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let (synthesis, encoder) = box.value
            defer {
                self.metrics.activeStreams.decrement()
                Task { await self.slots.release() }
            }
            let outcome = try await drive(synthesis, encoder: encoder, received: received, totalTimeout: timeout) { bytes in
                try await writer.write(ByteBuffer(bytes: bytes))
            }
            self.record(outcome, endpoint: endpoint)
            if let f = outcome.failure { self.logger.error("\(endpoint): stream ended early: \(f)") }
            try await writer.finish(nil)
        })
    }
}

/// Carries a non-Sendable value into a response body closure that runs exactly once.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
