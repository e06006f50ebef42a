import Foundation
import Logging
import VoxflowApp

/// What every route shares: the synthesizer, admission control, metrics and the configuration.
public final class ServerState: Sendable {
    public let configuration: ServerConfiguration
    public let synthesizer: Synthesizer
    let slots: SynthesisSlots
    let metrics = ServerMetrics()
    let sessions = OpenSessions()
    let logger: Logger
    let startedAt = Date()
    /// OpenAI's voice names → this server's voices (made once, from the voices the engines declare).
    let voiceAliases: [String: String]

    public init(configuration: ServerConfiguration, voxflow: Voxflow, logger: Logger) {
        self.configuration = configuration
        synthesizer = Synthesizer(voxflow: voxflow, preset: configuration.preset, limits: configuration.limits)
        slots = SynthesisSlots(limits: configuration.limits)
        self.logger = logger
        voiceAliases = OpenAISpeech.voiceAliases(voxflow.voiceDirectory)
        if let dir = configuration.cacheDirectory {
            synthesizer.cache = PhraseCache(directory: dir, maxBytes: configuration.cacheMaxBytes, voxflow: voxflow,
                                            registry: metrics.registry, logger: logger)
        }
    }

    var limits: ServerLimits { configuration.limits }

    /// Waits for a synthesis slot, counted as queued meanwhile; 503 past the queue's limits.
    func acquireSlot() async throws {
        metrics.queuedRequests.increment()
        defer { metrics.queuedRequests.decrement() }
        try await slots.acquire()
    }

    /// Waits for a synthesis slot (503 past the queue's limits), runs `body`, frees the slot.
    func withSlot<T>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T) async throws -> T {
        try await acquireSlot()
        metrics.activeStreams.increment()
        defer {
            metrics.activeStreams.decrement()
            Task { await slots.release() }
        }
        return try await body()
    }

    /// Records a finished synthesis in the metrics and the log.
    func record(_ o: SynthesisOutcome, endpoint: String) {
        if let t = o.timeToFirstAudio { metrics.timeToFirstAudio.record(Double(t) / 1e9) }
        if o.end == .completed, let r = o.realTimeFactor { metrics.realTimeFactor.record(r) }
        if o.end == .cancelled { metrics.cancelled.increment() }
        if o.underruns > 0 { metrics.underruns.increment(by: Int64(o.underruns)) }
        metrics.audioSeconds.increment(by: o.audioSeconds)
        logger.debug("\(endpoint): \(String(format: "%.2f", o.audioSeconds)) s of audio, \(o.end)\(o.timeToFirstAudio.map { String(format: ", first audio %.0f ms", Double($0) / 1e6) } ?? "")")
    }
}
