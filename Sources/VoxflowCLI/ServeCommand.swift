import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import VoxflowApp
import VoxflowServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve speech over HTTP and WebSocket, with a web page to try it (Ctrl-C stops, finishing what is in flight).",
        discussion: """
        Endpoints (docs/server.md has every field and event):
          GET  /                     a page: type, pick a voice and an emotion, hear it as it streams
          POST /api/tts/synthesize   {"text": "Hello.", "voice": "VOICE", "format": "wav", "stream": true}
          POST /v1/audio/speech      OpenAI's speech API: {"model": "tts-1", "input": "Hello.", "voice": "alloy"}
          GET  /api/voices, /health, /metrics (Prometheus)
          GET  /ws/tts               WebSocket: JSON requests, JSON events and binary PCM

        Binds 127.0.0.1; binding any other address needs --token-file, and clients then send \
        'Authorization: Bearer <token>' (the page and the WebSocket take ?token=). Clients never \
        send scripts: every request runs the say preset's graph (--preset to use your own copy).

        Examples:
          voxflow serve
          curl -s localhost:7860/api/tts/synthesize -d '{"text":"Hello there."}' -o hello.wav
          voxflow serve --host 0.0.0.0 --port 8080 --token-file ~/.config/voxflow/token
        """)

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port, printed at start).")
    var port = 7860

    @Option(help: "A copy of presets/say.lua with your own graph (it must end in sink.stream named 'out' when streaming).")
    var preset: String?

    @Option(name: .customLong("token-file"), help: "A file holding the token clients must send (required off loopback).")
    var tokenFile: String?

    @Option(name: .customLong("max-text"), help: "Longest text of one request, in characters.")
    var maxText = ServerLimits().maxTextLength

    @Option(name: .customLong("max-concurrent"), help: "Syntheses running at once (default: 2 per core).")
    var maxConcurrent = ServerLimits().maxConcurrent

    @Option(name: .customLong("max-queue"), help: "Requests that may wait for a synthesis; more get 503 with Retry-After.")
    var maxQueue = ServerLimits().maxQueued

    @Option(name: .customLong("queue-timeout"), help: "Seconds a request may wait for a synthesis before it gets 503.")
    var queueTimeout = ServerLimits().queueTimeout

    @Option(name: .customLong("idle-timeout"), help: "Seconds before an idle connection (HTTP keep-alive, WebSocket) is closed.")
    var idleTimeout = ServerLimits().idleTimeout

    @Option(name: .customLong("total-timeout"), help: "Seconds one synthesis may take before it is stopped.")
    var totalTimeout = ServerLimits().totalTimeout

    @Option(name: .customLong("max-message"), help: "Largest request body or WebSocket message, in bytes.")
    var maxMessage = ServerLimits().maxMessageBytes

    @Option(help: ArgumentHelp("Also serve the Wyoming protocol (Home Assistant) on [HOST:]PORT (10200 by convention).", valueName: "[HOST:]PORT"))
    var wyoming: String?

    @Option(name: .customLong("wyoming-allow"), help: ArgumentHelp("Wyoming clients served off loopback (comma-separated addresses or IPv4 networks); required with a non-loopback --wyoming.", valueName: "ADDRESSES"))
    var wyomingAllow: String?

    @Flag(name: .customLong("wyoming-zeroconf"), help: "Announce the Wyoming server as _wyoming._tcp (needs avahi-publish).")
    var wyomingZeroconf = false

    @Option(help: ArgumentHelp("Keep finished syntheses in this folder and serve repeated requests from it (a phrase cache).", valueName: "DIR"))
    var cache: String?

    @Option(name: .customLong("cache-size"), help: "The most the phrase cache holds, in megabytes (least recently used entries go first).")
    var cacheSize = 256.0

    @Flag(name: .customLong("no-http"), help: "Serve only Wyoming (with --wyoming), no HTTP.")
    var noHTTP = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print every request.")
    var verbose = false

    func run() async throws {
        Log.setup(quiet: quiet, verbose: verbose)
        var config = ServerConfiguration()
        config.host = host
        config.port = port
        config.preset = preset
        config.limits.maxTextLength = maxText
        config.limits.maxConcurrent = maxConcurrent
        config.limits.maxQueued = maxQueue
        config.limits.queueTimeout = queueTimeout
        config.limits.idleTimeout = idleTimeout
        config.limits.totalTimeout = totalTimeout
        config.limits.maxMessageBytes = maxMessage
        if let cache {
            guard cacheSize > 0 else { throw Console.fail("--cache-size must be positive") }
            do { try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true) } catch {
                throw Console.fail("--cache \(cache): cannot create the folder: \(error.localizedDescription)")
            }
            config.cacheDirectory = cache
            config.cacheMaxBytes = Int(cacheSize * 1_048_576)
        }
        guard maxText > 0, maxConcurrent > 0, maxQueue >= 0, queueTimeout > 0, idleTimeout > 0, totalTimeout > 0, maxMessage >= 1024 else {
            throw Console.fail("limits must be positive (--max-message at least 1024 bytes)")
        }
        do {
            if let f = tokenFile { config.token = try ServerError.readToken(f) }
            try config.validate()
        } catch { throw Console.fail("\(error)") }
        var wyomingConfig: WyomingConfiguration?
        do {
            if let w = wyoming {
                var c = try WyomingConfiguration(address: w)
                c.allow = (wyomingAllow ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                c.zeroconf = wyomingZeroconf
                try c.validate()
                wyomingConfig = c
            } else if noHTTP { throw Console.fail("--no-http leaves nothing to serve: give --wyoming [HOST:]PORT") }
        } catch { throw Console.fail("\(error)") }

        let voxflow = Voxflow()
        for r in voxflow.plugins.refused { Console.warn("plugin refused: \(r)") }
        var logger = Logger(label: "voxflow.server")
        logger.logLevel = quiet ? .error : verbose ? .debug : .warning
        let state = ServerState(configuration: config, voxflow: voxflow, logger: logger)
        do { try state.synthesizer.check() } catch { throw Console.fail("\(error)") }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let app = buildApplication(state) { port in
            Console.info("serving on http://\(shownHost):\(port)/ (web page), WebSocket ws://\(shownHost):\(port)/ws/tts; Ctrl-C stops")
        }
        // Shut down in reverse order: first tell WebSocket clients (SessionCloser), then let the
        // HTTP server finish the requests in flight and stop.
        var list: [ServiceGroupConfiguration.ServiceConfiguration] = noHTTP ? [] : [.init(service: app), .init(service: SessionCloser(state: state))]
        if let wyomingConfig {
            let h = wyomingConfig.host.contains(":") ? "[\(wyomingConfig.host)]" : wyomingConfig.host
            list.append(.init(service: WyomingServer(state: state, configuration: wyomingConfig) { port in
                Console.info("wyoming on tcp://\(h):\(port) (Home Assistant: add the Wyoming integration with this host and port)")
            }))
        }
        let services = ServiceGroup(configuration: .init(
            services: list,
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do { try await services.run() } catch { throw Console.fail(config.explain(error)) }
        Console.info("stopped")
    }
}
