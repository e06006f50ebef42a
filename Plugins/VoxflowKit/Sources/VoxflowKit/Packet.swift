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
///
/// `text` is always the plain spoken form. A text front end (text.normalize) also fills `spans`:
/// the sentence cut where language or markup changes, each piece normalized and annotated.
/// Nodes that only need text read `text`; an empty `spans` means "one plain span".
public struct TextChunk: Sendable, Hashable {
    public var text: String
    /// 0-based sentence index within the utterance.
    public var index: Int
    public var spans: [TextSpan]
    public init(text: String, index: Int, spans: [TextSpan] = []) {
        self.text = text
        self.index = index
        self.spans = spans
    }
}

/// A piece of a sentence in one language and one style.
public struct TextSpan: Sendable, Hashable {
    /// Spoken form (numbers, abbreviations, symbols written out).
    public var text: String
    /// The text as the user wrote it.
    public var written: String
    /// BCP 47 language of the span ("en", "zh"); nil: the voice's own.
    public var language: String?
    /// Word by word readings when the front end knows them (Mandarin: pinyin); empty otherwise.
    public var words: [SpokenWord]
    public var style: SpanStyle
    /// Silence requested before the span (SSML `break`, `[pause=…]`), in seconds.
    public var pauseBefore: Double
    /// Names of bookmarks (SSML `mark`) that fall just before the span.
    public var bookmarks: [String]

    public init(text: String, written: String? = nil, language: String? = nil, words: [SpokenWord] = [],
                style: SpanStyle = SpanStyle(), pauseBefore: Double = 0, bookmarks: [String] = []) {
        self.text = text
        self.written = written ?? text
        self.language = language
        self.words = words
        self.style = style
        self.pauseBefore = pauseBefore
        self.bookmarks = bookmarks
    }
}

/// One word as written and how to say it.
public struct SpokenWord: Sendable, Hashable {
    public enum Alphabet: String, Sendable, Hashable {
        /// `spoken` is ordinary text in the span's language.
        case text
        /// Hanyu pinyin, syllables separated by spaces, tone as a digit 1–5 ("yin2 hang2").
        case pinyin
        /// espeak-ng phoneme mnemonics (what `espeak-ng -x` prints), for SSML `phoneme`.
        case espeak
        /// IPA, for SSML `phoneme alphabet="ipa"`; engines that cannot read it speak `written`.
        case ipa
    }
    public var written: String
    public var spoken: String
    public var alphabet: Alphabet
    public init(written: String, spoken: String, alphabet: Alphabet) {
        self.written = written
        self.spoken = spoken
        self.alphabet = alphabet
    }
}

/// How a span asks to be said, from markup: relative to the utterance's controls.
public struct SpanStyle: Sendable, Hashable {
    /// Rate multiplier (SSML prosody rate, `[rate=1.2]`).
    public var rate: Double
    /// Pitch shift in semitones.
    public var pitch: Double
    /// Linear gain.
    public var volume: Double
    /// 0 none, 0.5 moderate, 1 strong (SSML emphasis).
    public var emphasis: Double
    /// Voice requested for the span (SSML `voice name=`), nil: the utterance's.
    public var voice: String?
    /// Emotion set by a tag (`[emotion=angry:0.6]`), with its intensity 0…1.
    public var emotion: String?
    public var intensity: Double?
    /// Length the span's speech must have, in seconds (SSML `prosody duration`).
    public var duration: Double?

    public init(rate: Double = 1, pitch: Double = 0, volume: Double = 1, emphasis: Double = 0, voice: String? = nil,
                emotion: String? = nil, intensity: Double? = nil, duration: Double? = nil) {
        self.duration = duration
        self.rate = rate
        self.pitch = pitch
        self.volume = volume
        self.emphasis = emphasis
        self.voice = voice
        self.emotion = emotion
        self.intensity = intensity
    }
}

/// One phrase and how to say it.
///
/// `text` is the phrase's plain spoken form. When `words` is not empty it is the same phrase word by
/// word, with readings (pinyin, phonemes) that engines able to read them should use instead of
/// `text`, labelling their word marks with each word's `written` form.
public struct ProsodyChunk: Sendable, Hashable {
    public var text: String
    /// 0-based phrase index within the utterance.
    public var index: Int
    /// Silence before and after the phrase, in seconds.
    public var pauseBefore: Double
    public var pauseAfter: Double
    /// Rate multiplier, 1 = natural.
    public var rate: Double
    /// Pitch shift in semitones.
    public var pitch: Double
    /// Pitch range multiplier (1 = natural, 0 = monotone, 2 = twice as lively).
    public var pitchRange: Double
    /// Linear gain.
    public var volume: Double
    public var isSentenceEnd: Bool
    public var isQuestion: Bool
    /// BCP 47 language of the phrase; nil: the voice's own.
    public var language: String?
    public var words: [SpokenWord]
    /// Voice for this phrase, nil: the utterance's.
    public var voice: String?
    /// Emotion the phrase carries and its intensity 0…1 (already mapped to the controls above).
    public var emotion: String?
    public var intensity: Double
    /// 0…1, how strongly the phrase is emphasized (already mapped to the controls above).
    public var emphasis: Double
    /// Bookmarks placed at the phrase's first sample.
    public var bookmarks: [String]
    /// Length the phrase's speech (its pauses excluded) must have, in seconds; nil: natural.
    public var duration: Double?

    public init(text: String, index: Int, pauseAfter: Double, rate: Double = 1, pitch: Double = 0,
                isSentenceEnd: Bool = false, isQuestion: Bool = false, pauseBefore: Double = 0, pitchRange: Double = 1,
                volume: Double = 1, language: String? = nil, words: [SpokenWord] = [], voice: String? = nil,
                emotion: String? = nil, intensity: Double = 0, emphasis: Double = 0, bookmarks: [String] = [],
                duration: Double? = nil) {
        self.duration = duration
        self.text = text
        self.index = index
        self.pauseAfter = pauseAfter
        self.rate = rate
        self.pitch = pitch
        self.isSentenceEnd = isSentenceEnd
        self.isQuestion = isQuestion
        self.pauseBefore = pauseBefore
        self.pitchRange = pitchRange
        self.volume = volume
        self.language = language
        self.words = words
        self.voice = voice
        self.emotion = emotion
        self.intensity = intensity
        self.emphasis = emphasis
        self.bookmarks = bookmarks
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
    /// Pitch shift, in semitones, the engine was asked for but could not apply natively (flite's rms
    /// voice); a vocoder that shifts pitch (vocoder.stretch) applies it.
    public var residualPitch: Double
    /// On the first chunk of an utterance whose duration the engine fitted natively: its natural
    /// length and the length factor it applied, so the vocoder fits only the residual and reports
    /// ratios against the voice's natural length.
    public var nativeFit: NativeFitNote?
    /// The phrase's duration target (`ProsodyChunk.duration`), on every chunk of the phrase, for the
    /// vocoder to fit.
    public var phraseDuration: Double?

    public init(phrase: Int, rate: Int, content: Content, startFrame: Int, marks: [Mark] = [], residualPitch: Double = 0,
                nativeFit: NativeFitNote? = nil, phraseDuration: Double? = nil) {
        self.phraseDuration = phraseDuration
        self.nativeFit = nativeFit
        self.phrase = phrase
        self.rate = rate
        self.content = content
        self.startFrame = startFrame
        self.marks = marks
        self.residualPitch = residualPitch
    }

    public var frameCount: Int {
        switch content {
        case let .pcm(s): return s.count
        case let .mel(values, bins, hop): return bins > 0 ? values.count / bins * hop : 0
        }
    }
}

/// What an engine tells the vocoder after fitting a duration natively.
public struct NativeFitNote: Sendable, Hashable {
    /// Natural length of the speech (rendered without fitting, silence trimmed), frames at the chunk's rate.
    public var naturalFrames: Int
    /// Length rendered / natural length (1.25: spoken 25% slower).
    public var lengthFactor: Double
    public init(naturalFrames: Int, lengthFactor: Double) {
        self.naturalFrames = naturalFrames
        self.lengthFactor = lengthFactor
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
