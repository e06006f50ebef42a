import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import VoxflowApp

/// Builds the server: one function shared by `voxflow serve` and the tests.
///
/// ```
/// GET  /                      the web page (text box, voice and emotion pickers, live word highlighting)
/// POST /api/tts/synthesize    {text, voice, rate, pitch, emotion, intensity, duration, format, sample_rate, stream}
/// POST /v1/audio/speech       OpenAI's speech endpoint
/// GET  /api/voices            every engine's voices (+ OpenAI aliases)
/// GET  /health                plugins, engines, JACK, load
/// GET  /metrics               Prometheus text format
/// GET  /api/models, POST /api/models/unload, /api/models/reload   neural models held loaded
/// GET  /ws/tts                WebSocket: JSON requests in, JSON events and binary audio out
/// ```
public func buildApplication(_ state: ServerState,
                             onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let config = state.configuration
    let router = Router(context: ServerRequestContext.self)
    router.middlewares.add(JSONErrors())
    if let token = config.token { router.middlewares.add(BearerAuth(token: token)) }
    addRoutes(to: router, state: state)
    router.ws("/ws/tts") { _, _ in
        .upgrade()
    } onUpgrade: { inbound, outbound, _ in
        let session = WebSocketSession(state: state, outbound: outbound)
        try await session.run(inbound: inbound)
    }
    let idle = TimeAmount.milliseconds(Int64(config.limits.idleTimeout * 1000))
    return Application(
        router: router,
        server: .http1WebSocketUpgrade(
            webSocketRouter: router,
            configuration: .init(http1: .init(idleTimeout: idle),
                                 ws: .init(maxFrameSize: config.limits.maxMessageBytes, closeTimeout: .seconds(5)))),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "voxflow"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? config.port) },
        logger: state.logger)
}

private func addRoutes(to router: Router<ServerRequestContext>, state: ServerState) {
    router.get("/") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: WebPage.html)))
    }
    router.post("/api/tts/synthesize") { request, context in
        let received = monotonicNow()
        return try await state.counting("synthesize") {
            let f = try JSONFields(data: try await state.body(of: request, context: context), allowed: SpeechRequest.fields)
            return try await state.respond(try SpeechRequest(fields: f, limits: state.limits), endpoint: "synthesize", received: received,
                                           channel: context.channel, ifNoneMatch: request.headers[.ifNoneMatch])
        }
    }
    router.post("/v1/audio/speech") { request, context in
        let received = monotonicNow()
        return try await state.counting("openai") {
            let f = try JSONFields(data: try await state.body(of: request, context: context), allowed: OpenAISpeech.fields)
            return try await state.respond(try OpenAISpeech.request(f, limits: state.limits, aliases: state.voiceAliases), endpoint: "openai", received: received,
                                           channel: context.channel, ifNoneMatch: request.headers[.ifNoneMatch])
        }
    }
    router.get("/api/voices") { request, _ in
        try await state.counting("voices") { try state.json(state.voices(request)) }
    }
    router.get("/health") { _, _ in
        try await state.counting("health") { try state.json(await state.health()) }
    }
    state.addModelRoutes(to: router)
    router.get("/metrics") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: state.metrics.text())))
    }
}

extension ServerState {
    /// Counts the request by its outcome in the metrics.
    func counting(_ endpoint: String, _ body: () async throws -> Response) async throws -> Response {
        do {
            let r = try await body()
            metrics.request(endpoint: endpoint, status: Int(r.status.code))
            return r
        } catch let e as APIError {
            metrics.request(endpoint: endpoint, status: Int(e.status.code))
            throw e
        } catch let e as HTTPError {
            metrics.request(endpoint: endpoint, status: Int(e.status.code))
            throw APIError(e.status, e.body ?? "\(e.status)")
        }
    }

    /// The request's body, refused with 413 past the message limit; `allowEmpty`: an empty body reads as `{}`.
    func body(of request: Request, context: some RequestContext, allowEmpty: Bool = false) async throws -> Data {
        do {
            var buffer = try await request.body.collect(upTo: limits.maxMessageBytes)
            if allowEmpty && buffer.readableBytes == 0 { return Data("{}".utf8) }
            return Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the request body is larger than \(limits.maxMessageBytes) bytes (--max-message)")
        }
    }

    func json(_ object: Any) throws -> Response {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `GET /api/voices[?language=zh][&engine=NODE.TYPE]`.
    func voices(_ request: Request) -> [String: Any] {
        let language = request.uri.queryParameters["language"].map(String.init)
        let engine = request.uri.queryParameters["engine"].map(String.init)
        let best = synthesizer.voxflow.voiceDirectory.best(forLanguage: language ?? "en")?.voice.name
        let list = synthesizer.voxflow.voices().filter { e, v in
            (engine == nil || e == engine || e == "acoustic." + engine!) && (language == nil || v.language.hasPrefix(language!))
        }
        return [
            "voices": list.map { e, v in
                var entry: [String: Any] = ["name": v.name, "engine": e, "language": v.language, "sample_rate": v.sampleRate,
                                            "gender": v.gender, "summary": v.summary, "default": v.name == best,
                                            "quality": v.quality.rawValue, "features": v.features.names]
                if let n = synthesizer.voxflow.speakers(engine: e, voice: v.name) { entry["speakers"] = n }
                return entry
            },
            "aliases": voiceAliases,
        ]
    }

    /// `GET /health`: what is loaded and what is running.
    func health() async -> [String: Any] {
        let vf = synthesizer.voxflow
        let (active, queued) = await slots.counts
        let engines = vf.plugins.allFactories.filter { $0.type.traits.contains(.engine) }
        return [
            "status": "ok",
            "uptime_seconds": Date().timeIntervalSince(startedAt),
            "plugins": vf.plugins.plugins.map { ["name": $0.name, "version": $0.version, "node_types": $0.nodeTypes] as [String: Any] },
            "refused_plugins": vf.plugins.refused.map(\.description),
            "engines": engines.map { ["node": $0.type.name, "voices": $0.voices().count] as [String: Any] },
            "jack": JackProbe.state(),
            "active_syntheses": active,
            "queued_requests": queued,
            "limits": ["max_concurrent": limits.maxConcurrent, "max_queued": limits.maxQueued, "max_text": limits.maxTextLength,
                       "max_message_bytes": limits.maxMessageBytes, "idle_timeout_s": limits.idleTimeout, "total_timeout_s": limits.totalTimeout],
        ]
    }
}
