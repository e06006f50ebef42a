/// What travels on a link. Every utterance moves as `begin`, zero or more chunks, `end`,
/// in that order, on every link it crosses.
///
/// ```
/// begin(u) ─ chunk ─ chunk ─ … ─ end(completed | cancelled | failed)
/// ```
public struct Packet: Sendable {
    public var utterance: UtteranceID
    public var body: Body

    public enum Body: Sendable {
        case begin(Utterance)
        case chunk(Chunk)
        case end(EndReason)
    }

    public init(_ utterance: UtteranceID, _ body: Body) {
        self.utterance = utterance
        self.body = body
    }

    public static func begin(_ u: Utterance) -> Packet { Packet(u.id, .begin(u)) }
    public static func chunk(_ id: UtteranceID, _ c: Chunk) -> Packet { Packet(id, .chunk(c)) }
    public static func end(_ id: UtteranceID, _ r: EndReason) -> Packet { Packet(id, .end(r)) }
}

/// The unit that streams: one phrase's worth of text, prosody, acoustic frames or audio.
public enum Chunk: Sendable {
    case text(TextChunk)
    case prosody(ProsodyChunk)
    case acoustic(AcousticChunk)
    case audio(AudioChunk)

    public var kind: MediaKind {
        switch self {
        case .text: return .text
        case .prosody: return .prosody
        case .acoustic: return .acoustic
        case .audio: return .audio
        }
    }
}

/// A span of text, normally one sentence.
public struct TextChunk: Sendable, Hashable {
    public var text: String
    /// 0-based sentence index within the utterance.
    public var index: Int
    public init(text: String, index: Int) {
        self.text = text
        self.index = index
    }
}

/// One phrase and how to say it.
public struct ProsodyChunk: Sendable, Hashable {
    public var text: String
    /// 0-based phrase index within the utterance.
    public var index: Int
    /// Silence after the phrase, in seconds.
    public var pauseAfter: Double
    /// Rate multiplier, 1 = natural.
    public var rate: Double
    /// Pitch shift in semitones.
    public var pitch: Double
    public var isSentenceEnd: Bool
    public var isQuestion: Bool

    public init(text: String, index: Int, pauseAfter: Double, rate: Double = 1, pitch: Double = 0,
                isSentenceEnd: Bool = false, isQuestion: Bool = false) {
        self.text = text
        self.index = index
        self.pauseAfter = pauseAfter
        self.rate = rate
        self.pitch = pitch
        self.isSentenceEnd = isSentenceEnd
        self.isQuestion = isQuestion
    }
}

/// A decoder's output for one phrase: rendered PCM or mel frames, with alignment marks.
public struct AcousticChunk: Sendable {
    public enum Content: Sendable {
        /// Mono samples at `rate`.
        case pcm([Float])
        /// `bins` values per frame, frames back to back; one frame every `hop` samples at `rate`.
        case mel(values: [Float], bins: Int, hop: Int)
    }
    public var phrase: Int
    public var rate: Int
    public var content: Content
    /// Position of the first sample in the utterance's timeline, in samples at `rate`.
    public var startFrame: Int
    /// Marks whose start falls in this chunk, in the utterance's timeline at `rate`.
    public var marks: [Mark]

    public init(phrase: Int, rate: Int, content: Content, startFrame: Int, marks: [Mark] = []) {
        self.phrase = phrase
        self.rate = rate
        self.content = content
        self.startFrame = startFrame
        self.marks = marks
    }

    public var frameCount: Int {
        switch content {
        case let .pcm(s): return s.count
        case let .mel(values, bins, hop): return bins > 0 ? values.count / bins * hop : 0
        }
    }
}

/// Final audio: interleaved float samples.
public struct AudioChunk: Sendable {
    public var rate: Int
    public var channels: Int
    public var samples: [Float]
    /// Position of the first frame in the utterance's timeline, in frames at `rate`.
    public var startFrame: Int
    /// Marks whose start falls in this chunk, in the utterance's timeline at `rate`.
    public var marks: [Mark]
    /// Phrase the audio belongs to, -1 when it spans phrases (after a resampler's delay line).
    public var phrase: Int

    public init(rate: Int, channels: Int, samples: [Float], startFrame: Int, marks: [Mark] = [], phrase: Int = -1) {
        self.rate = rate
        self.channels = channels
        self.samples = samples
        self.startFrame = startFrame
        self.marks = marks
        self.phrase = phrase
    }

    public var frameCount: Int { channels > 0 ? samples.count / channels : 0 }
}
