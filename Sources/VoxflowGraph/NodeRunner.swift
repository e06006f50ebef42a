import Foundation
import VoxflowKit

/// Drives one node: hands it packets in order, forwards `begin` and `end`, drops the chunks of
/// cancelled or failed utterances, and routes what it emits to the linked nodes. It is the
/// node's `NodeContext`.
final class NodeRunner: NodeContext, @unchecked Sendable {
    let name: String
    let node: Node
    let isSink: Bool
    /// src pad → the runner and sink pad it is linked to.
    var outputs: [String: (runner: NodeRunner, pad: String)] = [:]
    unowned let pipeline: Pipeline
    let inbox: BoundedQueue<(String, Packet)>?
    let exited = DispatchSemaphore(value: 0)
    private let linkedSinkPads: Int
    /// Streaming-thread state: how many sink pads have delivered `begin` / `end` per utterance.
    private var begun: [UtteranceID: Int] = [:]
    private var ended: [UtteranceID: Int] = [:]

    init(element: Graph.Element, pipeline: Pipeline, linkedSinkPads: Int, queueCapacity: Int?) {
        name = element.name
        node = element.node
        isSink = element.isSink
        self.pipeline = pipeline
        self.linkedSinkPads = max(1, linkedSinkPads)
        inbox = queueCapacity.map { BoundedQueue(capacity: $0) }
        srcPads = Set(element.type.srcPads.map(\.name))
    }

    /// The node type's declared src pads: emitting on any other is an error, not a silent drop.
    private let srcPads: Set<String>
    /// Set by `emit` on an undeclared pad; the packet being processed then fails with it.
    private var emitError: String?

    var nodeName: String { name }

    /// Upstream's thread. Offline: handles the packet now. Threaded: queues it (may block).
    func deliver(_ packet: Packet, on pad: String) {
        if let inbox { inbox.put((pad, packet)) } else { handle(packet, from: pad) }
    }

    func runLoop() {
        while let (pad, packet) = inbox!.take() { handle(packet, from: pad) }
        exited.signal()
    }

    /// This node's streaming thread.
    func handle(_ packet: Packet, from pad: String) {
        let id = packet.utterance
        let state = pipeline.state
        switch packet.body {
        case .begin:
            let n = (begun[id] ?? 0) + 1
            begun[id] = n
            run(packet, pad)
            if n == 1 { for (runner, p) in outputs.values { runner.deliver(packet, on: p) } }
        case let .chunk(chunk):
            if state.isDropped(id) { return }
            if isSink {
                var frames = 0, rate = 0
                if case let .audio(a) = chunk { frames = a.frameCount; rate = a.rate }
                if chunk.kind == .audio { _ = state.audioArrived(id, frames: frames, rate: rate) }
                pipeline.observer?(.sinkReceived(node: name, utterance: id, kind: chunk.kind, frames: frames))
            }
            run(packet, pad)
        case let .end(given):
            let n = (ended[id] ?? 0) + 1
            ended[id] = n
            guard n >= linkedSinkPads else {
                return
            }
            begun[id] = nil
            ended[id] = nil
            let reason = state.endReason(id, given: given)
            run(.end(id, reason), pad)
            let final = state.endReason(id, given: reason)
            for (runner, p) in outputs.values { runner.deliver(.end(id, final), on: p) }
            if isSink, let (r, stats) = state.sinkDone(id, reason: final) {
                pipeline.observer?(.utteranceEnded(id, r, stats))
            }
        }
    }

    private func run(_ packet: Packet, _ pad: String) {
        do {
            try node.process(packet, from: pad, context: self)
            if let e = emitError {
                emitError = nil
                throw GraphRuntimeError.undeclaredPad(e)
            }
        } catch {
            pipeline.state.fail(packet.utterance, node: name, message: "\(error)")
            pipeline.observer?(.failed(node: name, utterance: packet.utterance, message: "\(error)"))
        }
    }

    // MARK: NodeContext

    func emit(_ chunk: Chunk, of utterance: UtteranceID, on pad: String) {
        if pipeline.state.isDropped(utterance) { return }
        var frames = 0
        switch chunk {
        case let .audio(a): frames = a.frameCount
        case let .acoustic(a): frames = a.frameCount
        default: break
        }
        guard srcPads.contains(pad) else {
            emitError = emitError ?? "emitted on pad '\(pad)', which is not a src pad of this node (its src pads: \(srcPads.sorted().joined(separator: ", ")))"
            return
        }
        pipeline.observer?(.emitted(node: name, pad: pad, utterance: utterance, kind: chunk.kind, frames: frames))
        guard let (runner, p) = outputs[pad] else { return }
        runner.deliver(.chunk(utterance, chunk), on: p)
    }

    /// When the downstream node has this link as its only input, only this thread puts into its
    /// queue, so room seen here is still there at `emit`; with other inputs it may not be, so the
    /// answer is no. Offline, emitting runs downstream on this thread and never waits.
    func canEmitWithoutWaiting(on pad: String) -> Bool {
        guard let (runner, _) = outputs[pad], let inbox = runner.inbox else { return true }
        return runner.linkedSinkPads == 1 && inbox.hasRoom
    }

    func isCancelled(_ id: UtteranceID) -> Bool { pipeline.state.isCancelled(id) }

    func post(_ event: NodeEvent) { pipeline.observer?(.node(name, event)) }
}

/// A node broke its contract while audio flowed.
enum GraphRuntimeError: Error, CustomStringConvertible {
    case undeclaredPad(String)
    var description: String {
        switch self {
        case let .undeclaredPad(m): return m
        }
    }
}
