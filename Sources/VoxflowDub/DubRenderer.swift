import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit

/// Renders the lines missing from the cache through the preset's graph, whose `sink.file` writes
/// `CACHE/{tag}.flac` (one file per utterance, tag = the line's key). Each line is an utterance with
/// its controls (voice, duration = slot, fit policy); the pipeline is threaded, so the engine,
/// the vocoder, the resampler and the sink work on successive lines at once.
///
/// As each utterance completes, its file is already in place; the renderer then writes its
/// `DubTake` (what the fitting node reported) beside it. A failed line is recorded and the others
/// go on.
final class DubRenderer: @unchecked Sendable {
    struct Job {
        var key: String
        var text: String
        var voice: String
        var controls: Controls
        /// How many cues share this line (the progress bar counts cues).
        var weight = 1
    }

    struct Outcome {
        var takes: [String: DubTake] = [:]
        /// key → why it failed.
        var failures: [String: String] = [:]
        /// Warnings not tied to one line.
        var warnings: [String] = []
    }

    private let graph: Graph
    private let cache: DubCache
    private let progress: DubProgress?
    private let log: (@Sendable (String) -> Void)?
    private let lock = NSCondition()
    private var jobs: [UtteranceID: Job] = [:]
    private var frames: [UtteranceID: Int] = [:]
    private var statistics: [UtteranceID: [String: Double]] = [:]
    private var lineWarnings: [UtteranceID: [String]] = [:]
    /// Warnings a node gave, without naming an utterance, since it last reported figures for a
    /// line: they belong to its next line (a node handles lines one after another).
    private var pendingWarnings: [String: [String]] = [:]
    private var outcome = Outcome()
    private var ended = 0

    init(graph: Graph, cache: DubCache, progress: DubProgress?, log: (@Sendable (String) -> Void)?) {
        self.graph = graph
        self.cache = cache
        self.progress = progress
        self.log = log
    }

    func render(_ list: [Job], shouldStop: (@Sendable () -> Bool)?) throws -> Outcome {
        guard !list.isEmpty else { return Outcome() }
        let pipeline = Pipeline(graph: graph, mode: .threaded(queueCapacity: 4)) { [self] e in record(e) }
        for (i, job) in list.enumerated() {
            if shouldStop?() == true {
                pipeline.abort()
                throw DubError.stopped
            }
            let id = UtteranceID(i + 1)
            lock.lock()
            jobs[id] = job
            lock.unlock()
            pipeline.submit(Utterance(id: id, text: job.text, controls: job.controls))
        }
        lock.lock()
        while ended < list.count {
            lock.unlock()
            if shouldStop?() == true {
                pipeline.abort()
                throw DubError.stopped
            }
            lock.lock()
            _ = lock.wait(until: Date().addingTimeInterval(0.1))
        }
        lock.unlock()
        do { try pipeline.finish() } catch { throw DubError.render("\(error)") }
        lock.lock(); defer { lock.unlock() }
        for w in pendingWarnings.sorted(by: { $0.key < $1.key }).flatMap({ n, ws in ws.map { "\(n): \($0)" } })
            where !outcome.warnings.contains(w) {
            outcome.warnings.append(w)
        }
        return outcome
    }

    /// Streaming threads.
    private func record(_ e: GraphEvent) {
        switch e {
        case let .node(_, .sinkWrote(id, n, _, _)):
            lock.lock(); frames[id, default: 0] += n; lock.unlock()
        case let .node(node, .statistics(id?, values)):
            lock.lock()
            statistics[id, default: [:]].merge(values) { $1 }
            lineWarnings[id, default: []] += pendingWarnings.removeValue(forKey: node) ?? []
            lock.unlock()
        case let .node(node, .warning(w)):
            lock.lock()
            if let id = w.utterance {
                lineWarnings[id, default: []].append(w.phrase.map { "phrase \($0): " + w.message } ?? w.message)
            } else {
                pendingWarnings[node, default: []].append(w.message)
            }
            lock.unlock()
        case let .utteranceEnded(id, reason, _):
            finished(id, reason)
        default: break
        }
    }

    private func finished(_ id: UtteranceID, _ reason: EndReason) {
        lock.lock()
        guard let job = jobs[id] else { lock.unlock(); return }
        let stats = statistics.removeValue(forKey: id) ?? [:]
        let warnings = lineWarnings.removeValue(forKey: id) ?? []
        let written = frames.removeValue(forKey: id) ?? 0
        lock.unlock()
        var failure: String?
        switch reason {
        case .completed:
            let info = AudioFileInfo.read(cache.audioPath(job.key))
            let take = DubTake(frames: info?.frames ?? written, rate: info?.rate ?? 0, channels: info?.channels ?? 1,
                               natural: stats["natural_seconds"], ratio: stats["ratio"], statistics: stats, warnings: warnings, text: job.text, voice: job.voice)
            if info == nil {
                failure = "\(cache.audioPath(job.key)): the rendered file is missing or unreadable"
            } else {
                do { try cache.store(take, key: job.key) } catch { failure = "\(error)" }
            }
            lock.lock(); if failure == nil { outcome.takes[job.key] = take }; lock.unlock()
            if failure == nil {
                let fit = take.natural.map { String(format: "natural %.2f s → ", $0) } ?? ""
                log?(String(format: "rendered \"%@\" (%@): %@%.2f s", Self.short(job.text), job.voice, fit, take.seconds))
            }
        case let .failed(node, message): failure = "\(node): \(message)"
        case .cancelled: failure = "cancelled"
        }
        lock.lock()
        if let failure { outcome.failures[job.key] = failure }
        ended += 1
        lock.broadcast()
        lock.unlock()
        progress?.advance(by: job.weight)
    }

    static func short(_ text: String) -> String { text.count > 40 ? String(text.prefix(39)) + "…" : text }
}
