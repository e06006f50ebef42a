/// How a voice is made, which is what a listener hears first. The host ranks voices by it when nothing names one
/// ("the best installed voice for this language"), so a new engine needs no host change to become the default.
public enum VoiceQuality: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A neural model trained on a speaker's recordings (VITS/Piper, Matcha, Kokoro): close to a human voice.
    case natural
    /// Statistical parametric synthesis (flite's clustergen voices): smooth, clearly synthetic.
    case parametric
    /// Concatenated diphone recordings (flite's kal16): choppy joins.
    case diphone
    /// Rule-based formant synthesis (espeak-ng): robotic, but every language.
    case formant

    /// Higher is better for a listener.
    public var rank: Int {
        switch self {
        case .natural: return 3
        case .parametric: return 2
        case .diphone: return 1
        case .formant: return 0
        }
    }

    public static func < (a: VoiceQuality, b: VoiceQuality) -> Bool { a.rank < b.rank }
}

/// What an engine does natively with a voice (the vocoder does the rest: stretch, pitch shift).
public struct VoiceFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Speaking rate.
    public static let rate = VoiceFeatures(rawValue: 1 << 0)
    /// Pitch shift.
    public static let pitch = VoiceFeatures(rawValue: 1 << 1)
    /// Length targets (through its own duration model or rate).
    public static let duration = VoiceFeatures(rawValue: 1 << 2)
    /// Speaks like a reference recording.
    public static let cloning = VoiceFeatures(rawValue: 1 << 3)
    /// Word timings from the engine itself (not shared out by an estimate).
    public static let wordTimings = VoiceFeatures(rawValue: 1 << 4)

    public var names: [String] {
        [(Self.rate, "rate"), (.pitch, "pitch"), (.duration, "duration"), (.cloning, "cloning"), (.wordTimings, "word timings")]
            .filter { contains($0.0) }.map(\.1)
    }
}

/// A voice an engine offers.
public struct VoiceInfo: Sendable, Hashable {
    public var name: String
    /// BCP 47 tags it speaks, the main one first.
    public var languages: [String]
    public var sampleRate: Int
    public var gender: String
    public var summary: String
    /// The engine's own choice for its main language (an engine may mark one voice per language).
    public var isDefault: Bool
    public var quality: VoiceQuality
    public var features: VoiceFeatures
    public var speakers: Int

    public init(name: String, languages: [String], sampleRate: Int, gender: String, summary: String, isDefault: Bool = false,
                quality: VoiceQuality, features: VoiceFeatures = [], speakers: Int = 1) {
        self.name = name
        self.languages = languages
        self.sampleRate = sampleRate
        self.gender = gender
        self.summary = summary
        self.isDefault = isDefault
        self.quality = quality
        self.features = features
        self.speakers = speakers
    }

    /// The main language.
    public var language: String { languages.first ?? "" }

    /// Whether the voice speaks `tag` (same language family: "en" matches "en-US"; Mandarin is "zh" or "cmn").
    public func speaks(language tag: String) -> Bool {
        let wanted = LanguageTag.family(tag)
        return languages.contains { LanguageTag.family($0) == wanted }
    }
}

/// BCP 47 language tags as voices are matched by them.
public enum LanguageTag {
    /// The first subtag, lower-cased; Mandarin's tags ("cmn", "zh", "cmn-Latn-pinyin") are one family, "zh".
    public static func family(_ tag: String) -> String {
        let first = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return first == "cmn" ? "zh" : first
    }
}
