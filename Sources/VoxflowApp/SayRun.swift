import Foundation
import VoxflowGraph
import VoxflowKit

/// Speaks utterances through the default graph into a file, collecting what a user wants to
/// know afterwards: lengths, time to first audio, marks, warnings and failures.
public final class SayRun: @unchecked Sendable {
    public let pipeline: Pipeline
    private let collector = ReportCollector()
    private var nextID: UtteranceID = 1
    private let rate: Int

    public init(voxflow: Voxflow, graph spec: GraphSpec, mode: Pipeline.Mode = .offline,
                onEvent: (@Sendable (GraphEvent) -> Void)? = nil) throws(GraphValidationError) {
        let graph = try voxflow.build(spec)
        rate = graph.elements.first { $0.isSink }?.sinkCaps.values.first?.rate.fixedValue ?? 0
        let collector = self.collector
        pipeline = Pipeline(graph: graph, mode: mode) { event in
            collector.record(event)
            onEvent?(event)
        }
    }

    /// Speaks one utterance (offline: returns when it is written).
    @discardableResult
    public func say(_ text: String, controls: Controls = Controls()) -> UtteranceID {
        let id = nextID
        nextID += 1
        collector.submitted(id, text: text)
        pipeline.submit(Utterance(id: id, text: text, controls: controls))
        return id
    }

    /// Waits for everything, then commits the output file. Fails (and leaves no file) when any
    /// utterance failed.
    public func finish() throws -> SayReport {
        pipeline.waitAll()
        let report = collector.report(rate: rate)
        if let f = report.failures.first {
            pipeline.abort()
            throw SayError.utteranceFailed(f)
        }
        try pipeline.finish()
        return report
    }

    public func abort() { pipeline.abort() }
}

public enum SayError: Error, CustomStringConvertible {
    case utteranceFailed(String)
    public var description: String {
        switch self {
        case let .utteranceFailed(m): return "\(m); no output was written"
        }
    }
}

/// Per-utterance results of a run.
public struct SayReport: Sendable {
    public struct Utterance: Sendable {
        public var id: UtteranceID
        public var text: String
        public var frames: Int
        public var timeToFirstAudio: UInt64?
        public var totalTime: UInt64
        public var firstAudioAt: UInt64?
        public var marks: [Mark]
        /// What the sink reported at the end of the utterance (JACK: frames played, underruns, xruns…).
        public var sinkStatistics: [String: Double] = [:]
    }
    public var utterances: [Utterance]
    public var rate: Int
    public var warnings: [String]
    public var failures: [String]

    public var totalFrames: Int { utterances.reduce(0) { $0 + $1.frames } }
    public var seconds: Double { Double(totalFrames) / Double(max(rate, 1)) }
    /// Marks in the output file's timeline.
    public var marks: [Mark] { utterances.flatMap(\.marks) }
}

final class ReportCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var order: [UtteranceID] = []
    private var entries: [UtteranceID: SayReport.Utterance] = [:]
    private var warnings: [String] = []
    private var failures: [String] = []

    func submitted(_ id: UtteranceID, text: String) {
        lock.lock(); defer { lock.unlock() }
        order.append(id)
        entries[id] = SayReport.Utterance(id: id, text: text, frames: 0, timeToFirstAudio: nil, totalTime: 0, firstAudioAt: nil, marks: [])
    }

    func record(_ event: GraphEvent) {
        lock.lock(); defer { lock.unlock() }
        switch event {
        case let .node(_, .sinkWrote(id, frames, _, _)): entries[id]?.frames += frames
        case let .node(_, .sinkMark(id, mark, _)): entries[id]?.marks.append(mark)
        case let .node(_, .statistics(id?, values)): entries[id]?.sinkStatistics.merge(values) { $1 }
        case let .node(node, .warning(w)): if !warnings.contains("\(node): \(w.located)") { warnings.append("\(node): \(w.located)") }
        case let .failed(node, id, message):
            failures.append("utterance \(id) failed in node '\(node)': \(message)")
        case let .utteranceEnded(id, _, stats):
            entries[id]?.timeToFirstAudio = stats.timeToFirstAudio
            entries[id]?.totalTime = stats.totalTime
            entries[id]?.firstAudioAt = stats.firstAudioAt
        default: break
        }
    }

    func report(rate: Int) -> SayReport {
        lock.lock(); defer { lock.unlock() }
        return SayReport(utterances: order.compactMap { entries[$0] }, rate: rate, warnings: warnings, failures: failures)
    }
}
