import Foundation
import VoxflowKit

/// Runs a validated `Graph`: utterances go in at the graph's text input and stream, chunk by
/// chunk, to its sinks.
///
/// ```
/// submit(u) ─▶ [norm] ─▶ [prosody] ─▶ [tts] ─▶ [voc] ─▶ [resample] ─▶ [sink]
///                 one chunk per sentence, then per phrase, all the way down
/// ```
///
/// Modes:
/// - `.offline`: every packet is handled depth-first on the caller's thread. The first phrase
///   reaches the sink before the second is synthesized, nothing waits in queues, and a run is
///   deterministic: the same input gives the same audio, marks and event order.
/// - `.threaded`: each node runs on its own thread, linked by bounded queues; a full queue blocks
///   its producer (backpressure), so memory does not grow with the length of the text.
///
/// Invariants: on every link an utterance is `begin`, chunks, `end`; after `cancel(id)` no
/// further chunk of `id` enters any node (one already being handled finishes), and `end(.cancelled)`
/// still flows so every node resets.
public final class Pipeline: @unchecked Sendable {
    public enum Mode: Sendable {
        case offline
        case threaded(queueCapacity: Int)
    }

    public let graph: Graph
    public let mode: Mode
    let observer: (@Sendable (GraphEvent) -> Void)?
    private(set) var runners: [NodeRunner] = []
    let state = PipelineState()
    private var threads: [Thread] = []
    private var finished = false

    public init(graph: Graph, mode: Mode = .offline, observer: (@Sendable (GraphEvent) -> Void)? = nil) {
        self.graph = graph
        self.mode = mode
        self.observer = observer
        let capacity: Int? = if case let .threaded(c) = mode { max(1, c) } else { nil }
        runners = graph.elements.enumerated().map { i, e in
            let linkedSinkPads = graph.links.filter { $0.to == i }.count + (graph.input.node == i ? 1 : 0)
            return NodeRunner(element: e, pipeline: self, linkedSinkPads: linkedSinkPads, queueCapacity: capacity)
        }
        for l in graph.links { runners[l.from].outputs[l.fromPad] = (runners[l.to], l.toPad) }
        state.sinkCount = graph.elements.filter(\.isSink).count
        if capacity != nil {
            for r in runners {
                let t = Thread { r.runLoop() }
                t.name = "voxflow:\(r.name)"
                t.stackSize = 1 << 20
                threads.append(t)
                t.start()
            }
        }
    }

    /// Control thread. Sends an utterance into the graph. Offline: returns when it has reached
    /// every sink. Threaded: returns once it is queued at the input (blocking while that queue is full).
    public func submit(_ u: Utterance) {
        state.begin(u.id)
        observer?(.utteranceStarted(u.id))
        let input = runners[graph.input.node], pad = graph.input.pad
        input.deliver(.begin(u), on: pad)
        input.deliver(.chunk(u.id, .text(TextChunk(text: u.text, index: 0))), on: pad)
        input.deliver(.end(u.id, .completed), on: pad)
    }

    /// Any thread. Stops utterance `id`: queued chunks are dropped and every node is told.
    public func cancel(_ id: UtteranceID) {
        guard state.cancel(id) else { return }
        for r in runners { r.node.cancel(id) }
    }

    /// Blocks until utterance `id` has ended at every sink; returns how it ended.
    @discardableResult
    public func wait(_ id: UtteranceID) -> EndReason { state.wait(id) }

    /// Blocks until every submitted utterance has ended.
    public func waitAll() { state.waitAll() }

    /// How each finished utterance ended.
    public var results: [UtteranceID: EndReason] { state.snapshotResults() }

    /// The largest number of packets any queue held at once (threaded mode).
    public var queueHighWater: Int { runners.map { $0.inbox?.highWater ?? 0 }.max() ?? 0 }

    /// Control thread. Waits for every utterance, stops the threads, then lets every node commit
    /// its output (a file sink renames its file into place). If a node fails to commit, the
    /// others are aborted and the error is thrown.
    public func finish() throws {
        guard !finished else { return }
        stopThreads()
        finished = true
        for (i, r) in runners.enumerated() {
            do { try r.node.finish() } catch {
                for other in runners[(i + 1)...] { other.node.abort() }
                throw PipelineError.finishFailed(node: r.name, message: "\(error)")
            }
        }
    }

    /// Control thread. Cancels what is in flight and discards every partial output.
    public func abort() {
        guard !finished else { return }
        for id in state.inFlight() { cancel(id) }
        stopThreads()
        finished = true
        for r in runners { r.node.abort() }
    }

    private func stopThreads() {
        state.waitAll()
        for r in runners { r.inbox?.close() }
        for r in runners where r.inbox != nil { r.exited.wait() }
        threads.removeAll()
    }

    deinit {
        if !finished { abort() }
    }
}

public enum PipelineError: Error, CustomStringConvertible {
    case finishFailed(node: String, message: String)
    public var description: String {
        switch self {
        case let .finishFailed(node, message): return "node '\(node)' could not finish: \(message)"
        }
    }
}
