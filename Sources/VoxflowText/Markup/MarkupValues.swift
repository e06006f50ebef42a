import Foundation

/// The words SSML and the inline tags accept for times, rates, pitches and volumes, as data.
enum MarkupValues {
    /// `break strength` → seconds.
    static let breakStrengths: [String: Double] = [
        "none": 0, "x-weak": 0.08, "weak": 0.15, "medium": 0.3, "strong": 0.6, "x-strong": 1.0,
    ]
    /// `prosody rate` words → multiplier.
    static let rates: [String: Double] = ["x-slow": 0.5, "slow": 0.75, "medium": 1, "default": 1, "fast": 1.3, "x-fast": 1.7]
    /// `prosody pitch` words → semitones.
    static let pitches: [String: Double] = ["x-low": -6, "low": -3, "medium": 0, "default": 0, "high": 3, "x-high": 6]
    /// `prosody volume` words → linear gain.
    static let volumes: [String: Double] = [
        "silent": 0, "x-soft": 0.3, "soft": 0.6, "medium": 1, "default": 1, "loud": 1.4, "x-loud": 2,
    ]
    /// `emphasis level` → emphasis 0…1 and a gain for "reduced".
    static let emphasisLevels: [String: (emphasis: Double, volume: Double)] = [
        "strong": (1, 1), "moderate": (0.5, 1), "none": (0, 1), "reduced": (0, 0.75),
    ]
    static let longestPause = 60.0

    /// "300ms", "1.5s" → seconds; nil when malformed.
    static func duration(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        for (suffix, divisor) in [("ms", 1000.0), ("s", 1.0)] where t.hasSuffix(suffix) {
            guard let v = Double(t.dropLast(suffix.count)), v >= 0, v.isFinite else { return nil }
            return v / divisor
        }
        return nil
    }

    /// Rate: a word, "120%", "+20%", "-10%" or a plain multiplier "1.2".
    static func rate(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        if let w = rates[t] { return w }
        if t.hasSuffix("%"), let v = Double(t.dropLast()) {
            let r = (t.hasPrefix("+") || t.hasPrefix("-")) ? 1 + v / 100 : v / 100
            return r > 0 ? r : nil
        }
        if let v = Double(t), v > 0, !t.hasPrefix("+") { return v }
        return nil
    }

    /// Pitch in semitones: a word, "+2st", "-3st", "+10%" (relative frequency).
    static func pitch(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        if let w = pitches[t] { return w }
        if t.hasSuffix("st"), let v = Double(t.dropLast(2)) { return v }
        if t.hasSuffix("%"), let v = Double(t.dropLast()), 1 + v / 100 > 0 { return 12 * log2(1 + v / 100) }
        return nil
    }

    /// Volume as a gain: a word, "+6dB", "-3dB", or a plain gain "0.8".
    static func volume(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        if let w = volumes[t] { return w }
        if t.hasSuffix("db"), let v = Double(t.dropLast(2)) { return pow(10, v / 20) }
        if let v = Double(t), v >= 0, !t.hasPrefix("+") { return v }
        return nil
    }
}
