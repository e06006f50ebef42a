import VoxflowApp
/// How one cue came out: the row of the report, and an entry of `vf.dub`'s summary.
public struct DubResult: Sendable {
    public var cue: Cue
    public var slot: Double
    public var voice: String
    /// The duration asked for (the slot); nil when the cue had nothing to say.
    public var target: Double?
    /// Seconds before fitting; the rendered length when no node fitted.
    public var natural: Double?
    /// Seconds of audio placed on the timeline.
    public var achieved: Double?
    /// achieved / natural, as the fitting node reported it.
    public var ratio: Double?
    /// Where the audio starts on the timeline (the cue's start unless shifted).
    public var placed: Double?
    /// Seconds the audio runs past the end of its slot, after placement.
    public var overflow: Double?
    public var cached = false
    public var failed: String?
    public var warnings: [String] = []
    public var key: String?
}
