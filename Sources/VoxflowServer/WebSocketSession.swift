import Foundation
import HummingbirdWebSocket
import NIOCore
import VoxflowKit

/// One `/ws/tts` connection. The client sends JSON text messages:
///
///     {"type": "synthesize", "id": "a1", "text": "Hello.", "voice": "VOICE", "format": "pcm", ...}
///     {"type": "cancel", "id": "a1"}        (no id: everything running or waiting; a running request
///                                            is confirmed by a "cancelled" event, after which none of its audio comes)
///     {"type": "flush"}                       (answered with "flushed" once every earlier request is done)
///
/// and receives JSON events (`started`, `mark`, `progress`, `cancelled`, `done`, `error`, `flushed`) with binary
/// messages of audio between a request's `started` and `done`. Requests are spoken one after another,
/// in the order sent; reading goes on meanwhile, so a `cancel` takes effect at the next chunk.
actor WebSocketSession {
    enum Work: Sendable {
        case speak(id: String, SpeechRequest)
        case flush
    }

    private let state: ServerState
    private let outbound: WebSocketOutboundWriter
    private let queue: AsyncStream<Work>
    private let queueInput: AsyncStream<Work>.Continuation
    private var pending = 0
    /// Ids waiting in the queue (a count: a client may reuse an id), and the one taken from it and
    /// not yet done (waiting for a synthesis slot, or speaking).
    private var queuedIDs: [String: Int] = [:]
    private var busyID: String?
    private var current: (id: String, synthesis: Synthesis)?
    private var cancelled: Set<String> = []
    private var cancelAllBefore = 0
    private var sequence = 0
    private var lastActivity = monotonicNow()
    private var autoID = 0

    init(state: ServerState, outbound: WebSocketOutboundWriter) {
        self.state = state
        self.outbound = outbound
        (queue, queueInput) = AsyncStream.makeStream(of: Work.self)
    }

    /// Runs the connection until the client leaves, idles out, or the server shuts down.
    func run(inbound: WebSocketInboundStream) async throws {
        let key = ObjectIdentifier(self)
        state.sessions.add(key, self)
        defer { state.sessions.remove(key) }
        try await serve(inbound: inbound)
    }

    /// The server is stopping: what is running is cancelled, and the client is told so (an
    /// `error` event naming the request, then close code 1001, "going away").
    func shutDown() async {
        let running = current?.id
        cancel(nil)
        await sendError(running, APIError(.serviceUnavailable, "the server is shutting down; request cancelled", retryAfter: 5))
        let outbound = self.outbound
        try? await inOrder { try await outbound.close(.goingAway, reason: "server shutting down") }
    }

    private func serve(inbound: WebSocketInboundStream) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.work() }
            group.addTask { try await self.watchIdle() }
            do {
                for try await message in inbound.messages(maxSize: state.limits.maxMessageBytes) {
                    await handle(message)
                }
            } catch {
                state.logger.info("ws: connection closed: \(error)")
            }
            stop()
            group.cancelAll()
        }
    }

    /// The client left: what runs stops, and what is queued is skipped (an AsyncStream still hands
    /// out what it holds after `finish`).
    private func stop() {
        cancel(nil)
        queueInput.finish()
    }

    // MARK: reading

    private func handle(_ message: WebSocketMessage) async {
        lastActivity = monotonicNow()
        guard case let .text(text) = message else {
            return await sendError(nil, APIError(.badRequest, "send requests as JSON text messages, not binary"))
        }
        let fields: JSONFields
        do {
            fields = try JSONFields(data: Data(text.utf8), allowed: SpeechRequest.fields.union(["type", "id"]))
        } catch { return await sendError(nil, error) }
        let id: String?
        switch fields.values["id"] {
        case let s as String: id = s
        case let n as NSNumber: id = n.stringValue
        case nil, is NSNull: id = nil
        default: return await sendError(nil, APIError.badField("id", "must be a string or a number"))
        }
        let type: String
        do { type = try fields.choice("type", ["synthesize", "cancel", "flush"]) ?? "synthesize" } catch {
            return await sendError(id, error)
        }
        switch type {
        case "cancel":
            // The running request stops before its next chunk; "cancelled" confirms it: no audio of it follows.
            if let id, id != busyID, queuedIDs[id] == nil {
                return await sendError(id, APIError.badField("id", "no request '\(id)' is running or waiting on this connection"))
            }
            if let running = cancel(id) { await send(["event": "cancelled", "id": running]) }
        case "flush": queueInput.yield(.flush)
        default: await enqueue(id: id, fields: fields)
        }
    }

    private func enqueue(id: String?, fields: JSONFields) async {
        let id = id ?? { autoID += 1; return "r\(autoID)" }()
        do {
            let request = try SpeechRequest(fields: fields, limits: state.limits, defaultFormat: .pcm)
            try state.synthesizer.checkVoice(request)
            if request.format != .pcm && request.format != .wav {
                throw APIError.badField("format", "the WebSocket sends pcm or wav; \(request.format.rawValue) is for HTTP")
            }
            guard pending < state.limits.maxPendingPerConnection else {
                throw APIError(.tooManyRequests, "\(pending) requests are already waiting on this connection (the most is \(state.limits.maxPendingPerConnection)); wait for some to finish")
            }
            pending += 1
            queuedIDs[id, default: 0] += 1
            queueInput.yield(.speak(id: id, request))
        } catch {
            state.metrics.request(endpoint: "ws", status: Int((error as? APIError)?.status.code ?? 400))
            await sendError(id, error)
        }
    }

    /// Cancels request `id` (nil: all); returns the id of the running request it stopped, if any.
    @discardableResult
    private func cancel(_ id: String?) -> String? {
        let running = current?.id
        if let id {
            if running == id { current?.synthesis.cancel(); return id }
            cancelled.insert(id)   // queued, or waiting for a slot: skipped or stopped when it gets there
            return nil
        }
        current?.synthesis.cancel()
        cancelAllBefore = sequence + pending + 1
        return running
    }

    // MARK: speaking

    private func work() async throws {
        for await item in queue {
            switch item {
            case .flush:
                await send(["event": "flushed"])
            case let .speak(id, request):
                pending -= 1
                sequence += 1
                queuedIDs[id] = (queuedIDs[id] ?? 1) > 1 ? queuedIDs[id]! - 1 : nil
                busyID = id
                defer { busyID = nil }
                if cancelled.remove(id) != nil || sequence < cancelAllBefore {
                    await send(["event": "done", "id": id, "cancelled": true, "audio_seconds": 0])
                    continue
                }
                await speak(id: id, request)
            }
            lastActivity = monotonicNow()
        }
    }

    private func speak(id: String, _ request: SpeechRequest) async {
        let received = monotonicNow()
        do {
            try await state.withSlot {
                let synthesis = try state.synthesizer.start(request)
                current = (id, synthesis)
                defer { current = nil }
                // Cancelled while it waited for a synthesis slot (it was no longer queued, not yet running).
                if cancelled.remove(id) != nil || sequence < cancelAllBefore { synthesis.cancel() }
                let encoder = try Encoders.make(request.format, sampleFormat: request.sampleFormat, rate: synthesis.rate,
                                                channels: synthesis.channels, streaming: true)
                await send(["event": "started", "id": id, "format": request.format.rawValue, "sample_format": request.sampleFormat.rawValue,
                            "sample_rate": synthesis.rate, "channels": synthesis.channels])
                let outcome = try await drive(synthesis, encoder: encoder, received: received, totalTimeout: state.limits.totalTimeout,
                    onMark: { m, rate in
                        await self.send(["event": "mark", "id": id, "kind": m.kind.rawValue, "text": m.text,
                                         "time": Double(m.start) / Double(rate), "end": Double(m.end) / Double(rate), "sample": m.start])
                    },
                    onProgress: { o in
                        await self.send(["event": "progress", "id": id, "audio_seconds": o.audioSeconds])
                    },
                    write: { bytes in
                        let outbound = self.outbound
                        try await self.inOrder { try await outbound.writeBinaryMessage(ByteBuffer(bytes: bytes)) }
                    })
                state.record(outcome, endpoint: "ws")
                if let f = outcome.failure, outcome.end != .cancelled || { if case .timedOut = f { return true } else { return false } }() {
                    state.metrics.request(endpoint: "ws", status: 500)
                    await sendError(id, APIError(.internalServerError, "synthesis failed: \(f)"))
                } else {
                    state.metrics.request(endpoint: "ws", status: 200)
                }
                var done: [String: Any] = ["event": "done", "id": id, "cancelled": outcome.end == .cancelled,
                                           "audio_seconds": outcome.audioSeconds, "marks": outcome.marks,
                                           "total_ms": Double(outcome.totalTime) / 1e6, "underruns": outcome.underruns]
                if let t = outcome.timeToFirstAudio { done["time_to_first_audio_ms"] = Double(t) / 1e6 }
                if let r = outcome.realTimeFactor { done["real_time_factor"] = r }
                await send(done)
            }
        } catch {
            state.metrics.request(endpoint: "ws", status: Int((error as? APIError)?.status.code ?? 500))
            await sendError(id, error)
        }
    }

    // MARK: idle

    private func watchIdle() async throws {
        let limit = state.limits.idleTimeout
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(250))
            if busyID == nil, pending == 0, Double(monotonicNow() - lastActivity) / 1e9 > limit {
                let outbound = self.outbound
                try? await inOrder { try await outbound.close(.normalClosure, reason: "idle for \(Int(limit)) s") }
                return
            }
        }
    }

    // MARK: writing

    /// The last write queued. Writes leave the actor to run (the writer is not isolated to it), so
    /// two tasks of this session — the reader answering a `cancel`, the speaker sending audio — could
    /// otherwise pass each other; chained here, frames go out in the order the actor asked for them.
    private var lastWrite: Task<Void, Never>?

    private func inOrder(_ write: @escaping @Sendable () async throws -> Void) async throws {
        let previous = lastWrite
        let this = Task { await previous?.value; try await write() }
        lastWrite = Task { _ = try? await this.value }
        try await this.value
    }

    private func send(_ event: [String: Any]) async {
        guard let data = try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        let outbound = self.outbound, text = String(decoding: data, as: UTF8.self)
        try? await inOrder { try await outbound.write(.text(text)) }
    }

    private func sendError(_ id: String?, _ error: Error) async {
        let e = error as? APIError ?? APIError(.internalServerError, "\(error)")
        var event: [String: Any] = ["event": "error", "error": e.json]
        if let id { event["id"] = id }
        await send(event)
    }
}
