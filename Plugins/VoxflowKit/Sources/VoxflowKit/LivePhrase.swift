import Foundation

/// A phrase as an engine renders it: the prosody plan's phrase with the node's live rate and
/// pitch as they were when it arrived.
public struct EnginePhrase: Sendable {
    public var prosody: ProsodyChunk
    /// Rate multiplier (node × phrase).
    public var rate: Double
    /// Pitch shift in semitones (node + phrase + any fixed shift of the node).
    public var semitones: Double

    public init(prosody: ProsodyChunk, rate: Double, semitones: Double) {
        self.prosody = prosody
        self.rate = rate
        self.semitones = semitones
    }
}

/// An engine node's live `rate` and `pitch` parameters: set on the control thread while audio
/// flows (`Node.setParameter`), read on the streaming thread once per phrase.
public final class LiveRatePitch: @unchecked Sendable {
    private let lock = NSLock()
    private var rate: Double
    private var pitch: Double

    public init(rate: Double, pitch: Double) {
        self.rate = rate
        self.pitch = pitch
    }

    /// Control thread. Sets "rate" or "pitch"; any other name is not live on `node` (a node type name).
    public func set(_ name: String, _ value: ParameterValue, node: String) throws {
        lock.lock(); defer { lock.unlock() }
        switch name {
        case "rate": rate = value.doubleValue ?? rate
        case "pitch": pitch = value.doubleValue ?? pitch
        default: throw NodeError.parameter(name: name, message: "is not a live parameter of \(node)")
        }
    }

    /// Streaming thread. `p` with the rate and pitch in force now; `shift` semitones are added.
    public func phrase(_ p: ProsodyChunk, shift: Double = 0) -> EnginePhrase {
        lock.lock(); defer { lock.unlock() }
        return EnginePhrase(prosody: p, rate: rate * p.rate, semitones: pitch + p.pitch + shift)
    }
}
