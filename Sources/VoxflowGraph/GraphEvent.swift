import VoxflowKit

/// What a running graph reports to its observer (the CLI, a Lua script, the server, tests).
/// Delivered on the streaming thread where it happened; offline runs deliver them in a
/// deterministic order.
public enum GraphEvent: Sendable {
    case utteranceStarted(UtteranceID)
    /// A node emitted a chunk.
    case emitted(node: String, pad: String, utterance: UtteranceID, kind: MediaKind, frames: Int)
    /// A chunk reached a sink (before the sink handles it).
    case sinkReceived(node: String, utterance: UtteranceID, kind: MediaKind, frames: Int)
    /// Something a node reported.
    case node(String, NodeEvent)
    /// A node failed on an utterance; the utterance ends `failed`, later ones go on.
    case failed(node: String, utterance: UtteranceID, message: String)
    case utteranceEnded(UtteranceID, EndReason, UtteranceStats)
}

/// Figures for one utterance, measured by the graph.
public struct UtteranceStats: Sendable {
    /// Nanoseconds from `submit` to the first audio chunk reaching a sink; nil if none did.
    public var timeToFirstAudio: UInt64?
    /// Nanoseconds from `submit` to the end reaching every sink.
    public var totalTime: UInt64
    /// Audio frames that reached sinks, and their rate.
    public var audioFrames: Int
    public var rate: Int
    /// Monotonic clock (CLOCK_MONOTONIC, ns) at the first audio chunk.
    public var firstAudioAt: UInt64?
}
