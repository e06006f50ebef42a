import Foundation
import NIOCore
import VoxflowKit

/// One Wyoming connection.
///
/// ```
/// describe                                      → info
/// synthesize {text, voice{name|language, speaker}, text_format}
///                                               → audio-start, audio-chunk…, audio-stop
/// synthesize-start, synthesize-chunk…, [synthesize], synthesize-stop
///                                               → per sentence: audio-start, audio-chunk…, audio-stop; then synthesize-stopped
/// anything wrong                                → error {text, code}
/// ```
///
/// The first `audio-chunk` leaves with the first phrase. In a stream, each sentence is spoken as
/// soon as its end arrives (`SentenceStream`); the `synthesize` Home Assistant also sends inside a
/// stream, for servers that cannot stream, is ignored there. Reading goes on while a request is
/// spoken, so a client that leaves stops its synthesis at the next chunk. Every request runs
/// through the HTTP server's path: `SpeechRequest` checks, a synthesis slot, `Synthesizer`, `drive`.
actor WyomingSession {
    enum Work: Sendable {
        case speak(SpeechRequest, start: Bool, stop: Bool)
        /// A stream whose text ended with its last sentence: close the audio.
        case audioStop
        case stopped
    }

    private let state: ServerState
    private let outbound: NIOAsyncChannelOutboundWriter<WyomingEvent>
    private let channel: any Channel
    private let queue: AsyncStream<Work>
    private let queueInput: AsyncStream<Work>.Continuation
    private var current: Synthesis?
    private var busy = false
    private var pending = 0
    private var lastActivity = monotonicNow()
    /// Milliseconds of audio sent since the last audio-start (a stream's sentences share one timeline).
    private var sentMs = 0.0
    /// Set between synthesize-start and synthesize-stop.
    private var stream: (template: SpeechRequest, sentences: SentenceStream, started: Bool)?

    init(state: ServerState, channel: any Channel, outbound: NIOAsyncChannelOutboundWriter<WyomingEvent>) {
        self.state = state
        self.channel = channel
        self.outbound = outbound
        (queue, queueInput) = AsyncStream.makeStream(of: Work.self)
    }

    func run(inbound: NIOAsyncChannelInboundStream<WyomingEvent>) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.work() }
            group.addTask { await self.watchIdle() }
            do {
                for try await event in inbound { await handle(event) }
            } catch {
                await sendError("\(error)", code: "bad-event")
                state.logger.info("wyoming: connection closed: \(error)")
            }
            stop()
            group.cancelAll()
        }
    }

    /// The client left (or the server stops): what runs stops, what is queued is skipped.
    func stop() {
        current?.cancel()
        queueInput.finish()
    }

    // MARK: reading

    private func handle(_ event: WyomingEvent) async {
        lastActivity = monotonicNow()
        do {
            switch event.type {
            case "describe":
                try await outbound.write(WyomingInfo.event(voxflow: state.synthesizer.voxflow))
            case "synthesize":
                if stream != nil { return }   // Home Assistant's copy of a streamed text, for servers that cannot stream
                guard let text = event.data["text"] as? String else { throw APIError.badField("text", "is required") }
                enqueue(try request(text: text, data: event.data), start: true, stop: true)
            case "synthesize-start":
                stream = (try request(text: nil, data: event.data), SentenceStream(), false)
            case "synthesize-chunk":
                guard var s = stream else { throw APIError.badField("synthesize-chunk", "came without a synthesize-start") }
                guard let text = event.data["text"] as? String else { throw APIError.badField("text", "is required") }
                let sentences = s.sentences.add(text)
                if s.sentences.pendingCount > state.limits.maxTextLength {
                    stream = nil
                    throw APIError.badField("text", "no sentence ended within \(state.limits.maxTextLength) characters (--max-text)")
                }
                for sentence in sentences {
                    enqueue(try checked(s.template, text: sentence), start: !s.started, stop: false)
                    s.started = true
                }
                stream = s
            case "synthesize-stop":
                guard var s = stream else { throw APIError.badField("synthesize-stop", "came without a synthesize-start") }
                stream = nil
                if let rest = s.sentences.rest() {
                    enqueue(try checked(s.template, text: rest), start: !s.started, stop: true)
                    s.started = true
                } else if s.started {
                    queueInput.yield(.audioStop)
                    pending += 1
                }
                queueInput.yield(.stopped)
                pending += 1
            case "ping":
                try await outbound.write(WyomingEvent("pong", event.data))
            default:
                break   // Wyoming servers drop events they do not handle (select-program, audio-* …)
            }
        } catch {
            state.metrics.request(endpoint: "wyoming", status: Int((error as? APIError)?.status.code ?? 400))
            await sendError(error)
        }
    }

    /// A request from an event's data: voice by name (checked) or by language (the best voice the
    /// engines declare for it), SSML when `text_format` says so, 16-bit PCM at the voice's own rate.
    /// `text` nil: the template of a stream, whose sentences come later.
    private func request(text: String?, data: [String: Any]) throws(APIError) -> SpeechRequest {
        var r = SpeechRequest(text: text ?? "")
        r.format = .pcm
        r.sampleFormat = .s16le
        r.markup = (data["text_format"] as? String) == "ssml"
        let vf = state.synthesizer.voxflow
        let voice = data["voice"] as? [String: Any] ?? [:]
        if let language = voice["language"] as? String, !language.isEmpty {
            r.language = language
            if voice["name"] == nil {
                guard let best = vf.voiceDirectory.best(forLanguage: language) else {
                    throw APIError.badField("voice", "no voice speaks '\(language)'; describe lists the voices and their languages")
                }
                r.voice = best.voice.name
            }
        }
        if let name = voice["name"] as? String { r.voice = name }
        try state.synthesizer.checkVoice(r)
        if let speaker = voice["speaker"] as? String, !speaker.isEmpty, speaker != "0" {
            throw APIError.badField("speaker", "choosing a speaker is not supported over Wyoming yet; leave it out for the voice's first speaker")
        }
        let entry = r.voice.flatMap { v in vf.voiceDirectory.all.first { $0.voice.name == v } }
            ?? vf.voiceDirectory.best(forLanguage: r.language == "auto" ? "en" : r.language)
        r.sampleRate = entry?.voice.sampleRate ?? 22_050
        if text != nil { try r.check(limits: state.limits) }
        return r
    }

    private func checked(_ template: SpeechRequest, text: String) throws(APIError) -> SpeechRequest {
        var r = template
        r.text = text
        try r.check(limits: state.limits)
        return r
    }

    private func enqueue(_ r: SpeechRequest, start: Bool, stop: Bool) {
        pending += 1
        queueInput.yield(.speak(r, start: start, stop: stop))
    }

    // MARK: speaking

    private func work() async {
        for await item in queue {
            pending -= 1
            busy = true
            switch item {
            case .stopped:
                await send(WyomingEvent("synthesize-stopped"))
            case .audioStop:
                await send(WyomingEvent("audio-stop", ["timestamp": Int(sentMs)]))
            case let .speak(r, start, stop):
                await speak(r, start: start, stop: stop)
            }
            busy = false
            lastActivity = monotonicNow()
        }
    }

    private func speak(_ r: SpeechRequest, start: Bool, stop: Bool) async {
        let received = monotonicNow()
        do {
            try await state.withSlot {
                let synthesis = try state.synthesizer.start(r)
                current = synthesis
                defer { current = nil }
                let format: [String: Any] = ["rate": synthesis.rate, "width": 2, "channels": synthesis.channels]
                if start {
                    sentMs = 0
                    try await outbound.write(WyomingEvent("audio-start", format.merging(["timestamp": 0]) { a, _ in a }))
                }
                let outcome = try await drive(synthesis, encoder: RawPCMEncoder(sampleFormat: .s16le), received: received,
                                              totalTimeout: state.limits.totalTimeout, onTimeout: { [channel] in channel.close(promise: nil) }) { bytes in
                    var data = format
                    data["timestamp"] = Int(self.sentMs)
                    self.sentMs += Double(bytes.count / 2 / max(synthesis.channels, 1)) * 1000 / Double(synthesis.rate)
                    try await self.outbound.write(WyomingEvent("audio-chunk", data, payload: bytes))
                }
                state.record(outcome, endpoint: "wyoming")
                if let f = outcome.failure {
                    state.metrics.request(endpoint: "wyoming", status: 500)
                    await sendError("synthesis failed: \(f)", code: "synthesis-failed")
                    return
                }
                state.metrics.request(endpoint: "wyoming", status: 200)
                if stop { try await outbound.write(WyomingEvent("audio-stop", ["timestamp": Int(sentMs)])) }
            }
        } catch {
            state.metrics.request(endpoint: "wyoming", status: Int((error as? APIError)?.status.code ?? 500))
            await sendError(error)
        }
    }

    // MARK: idle

    private func watchIdle() async {
        let limit = state.limits.idleTimeout
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(250))
            if !busy, pending == 0, Double(monotonicNow() - lastActivity) / 1e9 > limit {
                state.logger.info("wyoming: closing a connection idle for \(Int(limit)) s")
                channel.close(promise: nil)
                return
            }
        }
    }

    // MARK: writing

    private func send(_ e: WyomingEvent) async {
        try? await outbound.write(e)
    }

    private func sendError(_ error: Error) async {
        if let e = error as? APIError {
            await sendError(e.message, code: e.field.map { "bad-\($0)" } ?? (e.status.code == 503 ? "busy" : "error-\(e.status.code)"))
        } else {
            await sendError("\(error)", code: "error")
        }
    }

    private func sendError(_ text: String, code: String) async {
        await send(WyomingEvent("error", ["text": text, "code": code]))
    }
}
