public typealias UtteranceID = UInt64

/// One request to speak: text plus the controls that shape it.
public struct Utterance: Sendable, Hashable {
    public var id: UtteranceID
    public var text: String
    public var controls: Controls

    public init(id: UtteranceID, text: String, controls: Controls = Controls()) {
        self.id = id
        self.text = text
        self.controls = controls
    }
}

/// What a request asks of the voice. Engines apply what they can natively; later nodes
/// (a stretching vocoder) apply the rest.
public struct Controls: Sendable, Hashable {
    /// Voice name as the engine lists it; nil for the engine's default.
    public var voice: String?
    /// Speaking rate, 1 = natural; 2 = twice as fast.
    public var rate: Double
    /// Pitch shift in semitones, 0 = natural.
    public var pitch: Double
    /// Linear gain, 1 = unchanged.
    public var volume: Double
    /// BCP 47 language tag, nil for the voice's own.
    public var language: String?
    /// Where the utterance starts on the output's timeline, in seconds (a dubbing cue's time);
    /// nil: right after the previous one. Honoured by sinks with a timeline (sink.file).
    public var startTime: Double?
    /// Requested emotion and its intensity 0…1; applied by nodes that know emotions.
    public var emotion: String?
    public var intensity: Double
    /// Requested length in seconds, an exact target (leading and trailing silence trimmed first);
    /// applied by nodes that fit durations (the engine's native rate first, then vocoder.stretch).
    public var duration: Double?
    /// Requested length relative to the voice's natural length (1.2 = 20% longer).
    public var ratio: Double?
    /// Longest allowed length in seconds: shortened only when the natural length is longer.
    public var maxDuration: Double?
    /// What to do with a target below 0.5× or above 2× the natural length.
    public var fitPolicy: FitPolicy
    /// An opaque label the caller gives the utterance (a dubbing cue's cache key); sinks may use it
    /// to name files (`sink.file` path "dir/{tag}.wav").
    public var tag: String?

    public init(voice: String? = nil, rate: Double = 1, pitch: Double = 0, volume: Double = 1, language: String? = nil,
                startTime: Double? = nil, emotion: String? = nil, intensity: Double = 0.5, duration: Double? = nil,
                ratio: Double? = nil, maxDuration: Double? = nil, fitPolicy: FitPolicy = .clamp, tag: String? = nil) {
        self.ratio = ratio
        self.maxDuration = maxDuration
        self.fitPolicy = fitPolicy
        self.tag = tag
        self.voice = voice
        self.rate = rate
        self.pitch = pitch
        self.volume = volume
        self.language = language
        self.startTime = startTime
        self.emotion = emotion
        self.intensity = intensity
        self.duration = duration
    }
}

/// What a duration fit does when the target is outside 0.5×–2× of the natural length.
public enum FitPolicy: String, Sendable, Hashable, CaseIterable {
    /// Fit to the nearest allowed length, with a warning.
    case clamp
    /// Fail the utterance, naming the target and the natural length.
    case refuse

    /// The allowed range of target / natural length.
    public static let range: ClosedRange<Double> = 0.5...2.0
}

/// How an utterance ended, as it travels downstream in its `end` packet.
public enum EndReason: Sendable, Hashable, CustomStringConvertible {
    case completed
    case cancelled
    case failed(node: String, message: String)

    public var description: String {
        switch self {
        case .completed: return "completed"
        case .cancelled: return "cancelled"
        case let .failed(node, message): return "failed in \(node): \(message)"
        }
    }
}
