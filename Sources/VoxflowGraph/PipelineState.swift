import Foundation
import VoxflowKit

/// What the pipeline knows about utterances in flight, shared by its streaming threads under
/// one lock (control-rate data: a few operations per chunk, never on an audio device's thread).
final class PipelineState: @unchecked Sendable {
    private let condition = NSCondition()
    var sinkCount = 0

    private struct Entry {
        var submittedAt: UInt64
        var firstAudioAt: UInt64?
        var sinksDone = 0
        var audioFrames = 0
        var rate = 0
        var cancelled = false
        var failure: EndReason?
    }
    private var live: [UtteranceID: Entry] = [:]
    private var results: [UtteranceID: EndReason] = [:]

    func begin(_ id: UtteranceID) {
        condition.lock(); defer { condition.unlock() }
        live[id] = Entry(submittedAt: monotonicNanoseconds())
        results[id] = nil
    }

    /// False when `id` is not in flight or was cancelled already.
    func cancel(_ id: UtteranceID) -> Bool {
        condition.lock(); defer { condition.unlock() }
        guard var e = live[id], !e.cancelled else { return false }
        e.cancelled = true
        live[id] = e
        return true
    }

    func isCancelled(_ id: UtteranceID) -> Bool {
        condition.lock(); defer { condition.unlock() }
        return live[id]?.cancelled ?? false
    }

    /// True when chunks of `id` should no longer be handled (cancelled or failed).
    func isDropped(_ id: UtteranceID) -> Bool {
        condition.lock(); defer { condition.unlock() }
        guard let e = live[id] else { return false }
        return e.cancelled || e.failure != nil
    }

    func fail(_ id: UtteranceID, node: String, message: String) {
        condition.lock(); defer { condition.unlock() }
        guard var e = live[id], e.failure == nil else { return }
        e.failure = .failed(node: node, message: message)
        live[id] = e
    }

    /// The reason an `end` should carry downstream: a failure or cancellation overrides `given`.
    func endReason(_ id: UtteranceID, given: EndReason) -> EndReason {
        condition.lock(); defer { condition.unlock() }
        guard let e = live[id] else { return given }
        if let f = e.failure { return f }
        if e.cancelled { return .cancelled }
        return given
    }

    /// Records audio reaching a sink; returns true for the utterance's first audio.
    func audioArrived(_ id: UtteranceID, frames: Int, rate: Int) -> Bool {
        condition.lock(); defer { condition.unlock() }
        guard var e = live[id] else { return false }
        let first = e.firstAudioAt == nil
        if first { e.firstAudioAt = monotonicNanoseconds() }
        e.audioFrames += frames
        e.rate = rate
        live[id] = e
        return first
    }

    /// Records the end reaching one sink; when it has reached all, returns the final reason and stats.
    func sinkDone(_ id: UtteranceID, reason: EndReason) -> (EndReason, UtteranceStats)? {
        condition.lock(); defer { condition.unlock() }
        guard var e = live[id] else { return nil }
        e.sinksDone += 1
        live[id] = e
        guard e.sinksDone >= sinkCount else { return nil }
        let final = e.failure ?? (e.cancelled ? .cancelled : reason)
        let now = monotonicNanoseconds()
        let stats = UtteranceStats(timeToFirstAudio: e.firstAudioAt.map { $0 - e.submittedAt },
                                   totalTime: now - e.submittedAt, audioFrames: e.audioFrames, rate: e.rate,
                                   firstAudioAt: e.firstAudioAt)
        live[id] = nil
        results[id] = final
        condition.broadcast()
        return (final, stats)
    }

    func wait(_ id: UtteranceID) -> EndReason {
        condition.lock(); defer { condition.unlock() }
        while live[id] != nil { condition.wait() }
        return results[id] ?? .completed
    }

    func waitAll() {
        condition.lock(); defer { condition.unlock() }
        while !live.isEmpty { condition.wait() }
    }

    func inFlight() -> [UtteranceID] {
        condition.lock(); defer { condition.unlock() }
        return Array(live.keys)
    }

    func snapshotResults() -> [UtteranceID: EndReason] {
        condition.lock(); defer { condition.unlock() }
        return results
    }
}
