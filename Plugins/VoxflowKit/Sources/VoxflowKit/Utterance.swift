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
    /// Requested length in seconds; applied by nodes that can fit durations.
    public var duration: Double?

    public init(voice: String? = nil, rate: Double = 1, pitch: Double = 0, volume: Double = 1, language: String? = nil,
                startTime: Double? = nil, emotion: String? = nil, intensity: Double = 0.5, duration: Double? = nil) {
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
