import Foundation
import VoxflowKit

/// How one synthesis went, for the `done` event, the response headers and the metrics.
struct SynthesisOutcome: Sendable {
    var frames = 0
    var rate: Int
    var marks = 0
    /// Nanoseconds from the request's arrival to its first audio, queueing included.
    var timeToFirstAudio: UInt64?
    var totalTime: UInt64 = 0
    var underruns = 0
    var end: EndReason = .completed
    var failure: SynthesisFailure?

    var audioSeconds: Double { Double(frames) / Double(max(rate, 1)) }
    var realTimeFactor: Double? { frames > 0 ? Double(totalTime) / 1e9 / audioSeconds : nil }
}

/// Why a synthesis did not complete; callers tell the cases apart by case, not by text.
enum SynthesisFailure: Error, Sendable, CustomStringConvertible {
    /// A node failed the utterance (its message).
    case failed(String)
    /// It ran past the server's --total-timeout and was stopped.
    case timedOut(limit: Double)

    var description: String {
        switch self {
        case let .failed(m): return m
        case let .timedOut(limit): return "took longer than the server's limit of \(String(format: "%g", limit)) s (--total-timeout); stopped"
        }
    }
}

/// Consumes a synthesis: encodes each chunk, hands out marks before the audio they start in,
/// writes the bytes (awaiting the client: backpressure), and counts what a client would have
/// heard as gaps. Stops after `totalTimeout` seconds with a failure naming the limit.
func drive(_ synthesis: Synthesis, encoder: AudioEncoder, received: UInt64, totalTimeout: Double,
           isolation: isolated (any Actor)? = #isolation,
           onTimeout: @escaping @Sendable () -> Void = {},
           onMark: (Mark, Int) async throws -> Void = { _, _ in },
           onProgress: (SynthesisOutcome) async throws -> Void = { _ in },
           write: ([UInt8]) async throws -> Void) async throws -> SynthesisOutcome {
    var outcome = SynthesisOutcome(rate: synthesis.rate)
    let timedOut = LiveValue<SynthesisFailure?>(nil)
    let watchdog = Task {
        try await Task.sleep(for: .seconds(totalTimeout))
        timedOut.set(.timedOut(limit: totalTimeout))
        synthesis.cancel()
        onTimeout()   // e.g. close the connection: a write stuck on a client that stopped reading returns then
    }
    defer { watchdog.cancel() }
    var firstSent: UInt64?
    var ended: EndReason?
    do {
        for await item in synthesis.outlet.items {
            switch item {
            case let .audio(chunk):
                if synthesis.outlet.isClosed { continue }   // cancelled: chunks already queued are not sent
                let now = monotonicNow()
                if outcome.timeToFirstAudio == nil { outcome.timeToFirstAudio = now - received }
                if let t0 = firstSent, Double(now - t0) / 1e9 > outcome.audioSeconds { outcome.underruns += 1 }
                for m in chunk.marks {
                    outcome.marks += 1
                    try await onMark(m, chunk.rate)
                }
                let bytes = try encoder.encode(chunk.samples)
                if !bytes.isEmpty { try await write(bytes) }
                firstSent = firstSent ?? now
                outcome.frames += chunk.samples.count / max(chunk.channels, 1)
                synthesis.outlet.consumed()
                try await onProgress(outcome)
            case let .ended(reason):
                ended = reason
            }
        }
    } catch {
        synthesis.cancel()
        synthesis.close()
        throw error
    }
    // No end item: the outlet was closed (cancel, timeout) or this task was cancelled (the client left). Either
    // way the pipeline must stop, or its sink would wait on the window forever.
    if ended == nil { synthesis.cancel() }
    outcome.end = ended ?? .cancelled
    if case .failed = outcome.end { outcome.failure = .failed(synthesis.failureMessage ?? "\(outcome.end)") }
    if let t = timedOut.value { outcome.failure = t }
    if outcome.end == .completed {
        let tail = try encoder.finish()
        if !tail.isEmpty { try await write(tail) }
    }
    outcome.totalTime = monotonicNow() - received
    synthesis.close()
    return outcome
}

func monotonicNow() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
