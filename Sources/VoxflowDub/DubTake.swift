import VoxflowApp
/// What rendering one line gave: its audio's length and what the fitting node reported. Kept in
/// the cache beside the audio (`KEY.json` beside `KEY.flac`), so a cached cue reports the same
/// figures as a fresh one.
public struct DubTake: Codable, Sendable {
    /// Frames of audio in the cue's file, and its rate and channels.
    public var frames: Int
    public var rate: Int
    public var channels: Int
    /// Seconds before fitting (leading and trailing silence trimmed); nil when no node fitted.
    public var natural: Double?
    /// The fitting node's stretch ratio (achieved / natural); nil when no node fitted.
    public var ratio: Double?
    /// Every figure the graph's nodes reported for this line (natural_seconds, target_seconds, …).
    public var statistics: [String: Double]
    /// Warnings the graph gave while rendering this line (a clamped target, …).
    public var warnings: [String]
    /// For people looking into the cache.
    public var text: String
    public var voice: String

    public var seconds: Double { Double(frames) / Double(max(rate, 1)) }
}
