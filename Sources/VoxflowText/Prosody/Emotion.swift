import Foundation

/// The eight emotions the tagger knows.
public enum Emotion: String, CaseIterable, Sendable, Codable {
    case happy, angry, sad, afraid, disgusted, melancholic, surprised, calm

    /// Names that mean "no emotion" in tags (`[emotion=neutral]` ends an emotion).
    static let neutralNames: Set<String> = ["neutral", "none"]
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// How an emotion at full intensity changes delivery. Multipliers are 1 for "unchanged"; `pitch`
/// is in semitones. At intensity i a multiplier m becomes 1 + (m − 1)·i and a shift s becomes s·i.
public struct EmotionStyle: Sendable, Hashable, Codable {
    public var rate: Double
    public var pitch: Double
    public var pitchRange: Double
    public var energy: Double
    public var pauseScale: Double

    public init(rate: Double = 1, pitch: Double = 0, pitchRange: Double = 1, energy: Double = 1, pauseScale: Double = 1) {
        self.rate = rate
        self.pitch = pitch
        self.pitchRange = pitchRange
        self.energy = energy
        self.pauseScale = pauseScale
    }

    public func scaled(by intensity: Double) -> EmotionStyle {
        let i = max(0, min(1, intensity))
        func m(_ v: Double) -> Double { 1 + (v - 1) * i }
        return EmotionStyle(rate: m(rate), pitch: pitch * i, pitchRange: m(pitchRange), energy: m(energy), pauseScale: m(pauseScale))
    }
}

/// Emotion → delivery, as data. Users replace rows from Lua (`prosody.tag`'s `emotions`
/// parameter, a JSON object) without touching code.
public struct EmotionTable: Sendable, Hashable {
    public var styles: [Emotion: EmotionStyle]

    public static let standard = EmotionTable(styles: [
        .happy: EmotionStyle(rate: 1.08, pitch: 2, pitchRange: 1.4, energy: 1.15, pauseScale: 0.9),
        .angry: EmotionStyle(rate: 1.1, pitch: 1, pitchRange: 1.3, energy: 1.4, pauseScale: 0.8),
        .sad: EmotionStyle(rate: 0.85, pitch: -2, pitchRange: 0.7, energy: 0.8, pauseScale: 1.3),
        .afraid: EmotionStyle(rate: 1.15, pitch: 3, pitchRange: 1.2, energy: 0.85, pauseScale: 0.9),
        .disgusted: EmotionStyle(rate: 0.9, pitch: -1.5, pitchRange: 1.1, energy: 1.0, pauseScale: 1.1),
        .melancholic: EmotionStyle(rate: 0.8, pitch: -2.5, pitchRange: 0.6, energy: 0.75, pauseScale: 1.4),
        .surprised: EmotionStyle(rate: 1.05, pitch: 4, pitchRange: 1.6, energy: 1.2, pauseScale: 1.0),
        .calm: EmotionStyle(rate: 0.92, pitch: -0.5, pitchRange: 0.8, energy: 0.9, pauseScale: 1.15),
    ])

    public subscript(_ e: Emotion) -> EmotionStyle { styles[e] ?? EmotionStyle() }

    /// The standard table with rows (or single fields of rows) replaced from a JSON object such as
    /// `{"angry": {"rate": 1.3, "energy": 1.6}}`. Errors name the emotion and field.
    public static func overriding(json: String) throws -> EmotionTable {
        guard !json.trimmingCharacters(in: .whitespaces).isEmpty else { return .standard }
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw EmotionTableError("emotions must be a JSON object such as {\"angry\": {\"rate\": 1.3}}")
        }
        var table = EmotionTable.standard
        let fields: [String: WritableKeyPath<EmotionStyle, Double>] = [
            "rate": \.rate, "pitch": \.pitch, "pitch_range": \.pitchRange, "energy": \.energy, "pause_scale": \.pauseScale,
        ]
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            guard let e = Emotion(rawValue: name) else {
                throw EmotionTableError("unknown emotion \"\(name)\" (known: \(Emotion.names))")
            }
            guard let row = value as? [String: Any] else { throw EmotionTableError("\(name): expected an object of fields") }
            var style = table[e]
            for (field, v) in row {
                guard let path = fields[field] else {
                    throw EmotionTableError("\(name).\(field): unknown field (known: \(fields.keys.sorted().joined(separator: ", ")))")
                }
                guard let d = (v as? NSNumber)?.doubleValue, d.isFinite, field == "pitch" ? abs(d) <= 12 : (d >= 0 && d <= 4) else {
                    throw EmotionTableError("\(name).\(field): expected a number \(field == "pitch" ? "from -12 to 12 (semitones)" : "from 0 to 4")")
                }
                style[keyPath: path] = d
            }
            table.styles[e] = style
        }
        return table
    }
}

public struct EmotionTableError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ d: String) { description = d }
}
