import VoxflowApp
import VoxflowKit

/// What a dubbing run is asked to do: `voxflow dub`'s options, `vf.dub{…}`'s fields.
public struct DubOptions: Sendable {
    /// The .srt or .vtt file.
    public var subtitles: String
    /// The mixed track: .wav, .flac or .ogg.
    public var output: String
    /// Speaker → voice, as the user gave it (matched exactly, then ignoring case).
    public var voices: [String: String] = [:]
    /// Where `voices` came from, for messages ("voices.json"); nil: given directly.
    public var voicesSource: String?
    /// Voices for speakers `voices` does not name, in turn (voices not yet in use first); empty: the best installed
    /// voices for the subtitles' language (`VoiceDirectory.pool`), of the graph's engine.
    public var pool: [String] = []
    /// The voice of cues without a speaker; nil: the pool's first.
    public var defaultVoice: String?
    /// A folder for one file per speaker, each with only that speaker's cues on the full timeline.
    public var stems: String?
    /// A CSV file with one row per cue.
    public var report: String?
    /// The length of the timeline in seconds (the video's); the track is never shorter than the subtitles.
    public var length: Double?
    /// A cue's slot runs to the next cue's start instead of its own end.
    public var borrowGap = false
    public var overlap: DubOverlap = .mix
    public var fit: FitPolicy = .clamp
    public var cache: DubCacheChoice = .besideOutput
    /// Sample encoding of the track and stems: pcm16, pcm24 or float (float: WAV only).
    public var encoding = "pcm16"
    /// Draw a progress bar on standard error (only when it is a terminal).
    public var progress = false
    /// Build and validate only: nothing is rendered or written (`voxflow check`).
    public var checking = false
    /// Called with a line per cue (verbose output); nil: silent.
    public var log: (@Sendable (String) -> Void)?
    /// Polled while rendering; true stops the run (a script's time limit).
    public var shouldStop: (@Sendable () -> Bool)?

    public init(subtitles: String, output: String) {
        self.subtitles = subtitles
        self.output = output
    }
}

/// What happens when a cue's audio runs into the next cue's time.
public enum DubOverlap: String, Sendable, CaseIterable {
    /// Both play: the samples are summed.
    case mix
    /// The later cue waits until the earlier one ends (and so may push later cues too).
    case shift
}

/// Where finished cues are kept between runs.
public enum DubCacheChoice: Sendable, Equatable {
    /// `<output>.cache/` beside the output.
    case besideOutput
    case folder(String)
    /// A temporary folder, deleted at the end.
    case none
}
