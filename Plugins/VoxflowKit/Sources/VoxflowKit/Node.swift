/// One processing step of a graph, created by a `NodeFactory` with validated parameters.
///
/// Threads:
/// - *control thread*: where the graph is built, negotiated, finished or aborted;
/// - *streaming thread*: the one thread that calls `process` for this node, one packet at a
///   time, in link order. In offline mode it is the caller's thread; in threaded mode each node
///   has its own. A node never needs a lock for its own state.
/// No method here runs on an audio device's real-time thread; sinks that feed one (JACK) hand
/// samples over through a lock-free ring buffer written in C.
public protocol Node: AnyObject {
    /// Control thread, while the graph is built. The caps this instance accepts on a sink pad;
    /// narrower than the pad template when a parameter fixes them (a file sink's sample rate).
    func acceptedCaps(onSinkPad pad: String, template: Caps) -> Caps

    /// Control thread, while the graph is built. Given the negotiated caps of every linked sink
    /// pad, the fixed caps of every src pad. Throw `NodeError.negotiation` for a combination the
    /// node cannot handle; the graph reports it with the node's name.
    func negotiate(inputs: [String: Caps]) throws -> [String: Caps]

    /// Streaming thread. Handles one packet that arrived on sink pad `pad` and emits the chunks
    /// that follow from it through `context`; on `end`, it emits what it still holds (a
    /// resampler's delay line) before returning. Throwing fails the packet's utterance (the graph sends
    /// `end(.failed)` downstream); later utterances still flow.
    func process(_ packet: Packet, from pad: String, context: NodeContext) throws

    /// Control thread, after the last packet of the run has passed: commit outputs (rename a
    /// file into place). Throwing fails the run.
    func finish() throws

    /// Control thread, when the run failed or was interrupted: discard partial outputs.
    func abort()

    /// Any thread. Utterance `id` was cancelled; drop what is pending for it. Its packets stop
    /// reaching `process` (except `end(.cancelled)`), and `context.isCancelled(id)` turns true,
    /// which long renders should poll between chunks.
    func cancel(_ id: UtteranceID)

    /// Control thread, while audio flows. Changes a parameter declared `live`.
    func setParameter(_ name: String, _ value: ParameterValue) throws
}

extension NodeContext {
    /// Contexts that never block (a node's own capture of another node's output) have room always.
    public func canEmitWithoutWaiting(on pad: String) -> Bool { true }
}

extension Node {
    public func acceptedCaps(onSinkPad pad: String, template: Caps) -> Caps { template }
    public func finish() throws {}
    public func abort() {}
    public func cancel(_ id: UtteranceID) {}
    public func setParameter(_ name: String, _ value: ParameterValue) throws {
        throw NodeError.parameter(name: name, message: "is not a live parameter of this node")
    }
}

/// What the graph offers a node while it processes. Implemented by the host.
public protocol NodeContext: AnyObject {
    /// The node's name in its graph.
    var nodeName: String { get }

    /// Streaming thread. Sends a chunk of utterance `utterance` out of src pad `pad`. May block
    /// while the downstream queue is full (backpressure). Chunks of a cancelled utterance are
    /// dropped. Nodes emit only chunks: the graph forwards every `begin` before the node's first
    /// chunk and every `end` after the node has handled it.
    func emit(_ chunk: Chunk, of utterance: UtteranceID, on pad: String)

    /// Streaming thread. True when emitting one chunk on `pad` now would not wait for downstream
    /// (its queue has room). An engine that holds a lock other graphs share while it renders (flite's
    /// and espeak-ng's process-wide state, a shared neural model) emits only then, and keeps the rest
    /// until it has let go of the lock (`EngineEmitter`): a slow consumer never stalls other graphs.
    func canEmitWithoutWaiting(on pad: String) -> Bool

    /// Any thread. True once utterance `id` has been cancelled.
    func isCancelled(_ id: UtteranceID) -> Bool

    /// Streaming thread. Reports something to the graph's observers (CLI, Lua, server).
    func post(_ event: NodeEvent)
}

/// Events a node reports to whoever observes the graph.
public enum NodeEvent: Sendable {
    /// A sink put `frames` frames of utterance `utterance` out, starting at `outputFrame` of its
    /// own timeline (a file's frame index; a port's running frame count).
    case sinkWrote(utterance: UtteranceID, frames: Int, rate: Int, outputFrame: Int)
    /// A sink put a mark out, with positions in its own timeline.
    case sinkMark(utterance: UtteranceID, mark: Mark, rate: Int)
    /// Something the user should know; it names its utterance and phrase as fields when it concerns one.
    case warning(NodeWarning)
    /// A sink's figures, at the end of an utterance (nil: about the sink as a whole), e.g.
    /// frames played, underrun frames, xruns, seconds from the first chunk queued to its first frame played.
    case statistics(utterance: UtteranceID?, values: [String: Double])
}

/// Errors a node raises, with words for the user.
public enum NodeError: Error, Sendable, CustomStringConvertible {
    case parameter(name: String, message: String)
    case negotiation(String)
    case engine(String)
    case io(path: String, message: String)
    case unknownVoice(String, available: [String])

    public var description: String {
        switch self {
        case let .parameter(name, message): return "parameter '\(name)' \(message)"
        case let .negotiation(m): return m
        case let .engine(m): return m
        case let .io(path, message): return "\(path): \(message)"
        case let .unknownVoice(v, available):
            return "unknown voice '\(v)'; available: \(available.joined(separator: ", "))"
        }
    }
}

/// A warning a node posts, with the utterance and phrase it concerns as fields (callers never parse them out of the
/// text). A string literal makes one about nothing in particular: `context.post(.warning("…"))`.
public struct NodeWarning: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public var message: String
    public var utterance: UtteranceID?
    public var phrase: Int?

    public init(_ message: String, utterance: UtteranceID? = nil, phrase: Int? = nil) {
        self.message = message
        self.utterance = utterance
        self.phrase = phrase
    }

    public init(stringLiteral value: String) { self.init(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

    public var description: String { message }

    /// The message after where it happened: "utterance 3, phrase 2: …" (phrases counted from 0, as in `ProsodyChunk.index`).
    public var located: String {
        guard let utterance else { return message }
        return "utterance \(utterance)" + (phrase.map { ", phrase \($0)" } ?? "") + ": " + message
    }
}
