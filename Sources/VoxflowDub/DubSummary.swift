import VoxflowApp
/// What a dubbing run did: the figures `voxflow dub` prints and `vf.dub` returns.
public struct DubSummary: Sendable {
    public var output: String
    /// Length of the timeline in seconds, and its sample rate.
    public var seconds: Double
    public var rate: Int
    /// One per cue, in the subtitle file's order.
    public var results: [DubResult]
    public var voices: [DubVoices.Assignment]
    /// Cues rendered in this run, cues found in the cache, cues with nothing to say.
    public var rendered: Int
    public var cached: Int
    public var skipped: Int
    /// Cues whose audio ran into the next cue (mixed), cues started later (shifted), cues that ran past their slot.
    public var overlaps: Int
    public var shifted: Int
    public var overflowed: Int
    /// Warnings about the run as a whole.
    public var warnings: [String]
    /// The cache folder; nil with --no-cache.
    public var cache: String?
    /// Speaker ("" for cues without one) → stem file.
    public var stems: [String: String]
    public var report: String?
    /// True when a node of the graph fitted lines to their slots (reported natural lengths).
    public var fitted: Bool
    public var elapsed: Double
}
