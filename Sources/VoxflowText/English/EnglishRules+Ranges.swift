/// Ranges: "10–20", "10-20%", "5-10 km", "1990–95", "9:00-17:30" → "… to …".
extension EnglishRules {
    static let dashes: Set<Character> = ["-", "–", "—"]

    /// "10–20", "10-20", "1990–95", "10-20%", "5-10 km", "10:30-11:30", and "10 – 20" with spaces
    /// → "ten to twenty". A spaced hyphen between a larger and a smaller number is "minus".
    static func range(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.token.hasDigit else { return nil }
        let core = w.core
        if let dash = core.dropFirst().firstIndex(where: { dashes.contains($0) }) {
            var right = core[core.index(after: dash)...]
            var left = core[..<dash]
            var unit: EnglishUnit? = nil
            if right.hasSuffix("%") {
                right = right.dropLast(); unit = percent
                if left.hasSuffix("%") { left = left.dropLast() }
            }
            if rangeWords(left, right) == nil, unit == nil, let (number, after) = EnglishUnit.attachedSplit(String(right)),
               let words = rangeWords(left, number) {
                return EnglishMatch(spoken: words + " " + after.plural)   // "5-10km"
            }
            guard let words = rangeWords(left, right) else { return nil }
            if unit == nil, let (after, tokens, period) = self.unit(after: w, at: 1) {
                return EnglishMatch(spoken: words + " " + after.plural, consumed: 1 + tokens, period: period)
            }
            return EnglishMatch(spoken: words + (unit.map { " " + $0.plural } ?? ""))
        }
        // "10 – 20": three tokens.
        guard let dash = w.attached(1), dash.core.count == 1, let d = dash.core.first, dashes.contains(d),
              let right = w.attached(2), let a = NumberLiteral(core), let b = NumberLiteral(right.core) else { return nil }
        if d == "-", w.math || w.previous?.core == "=" || w.at(3)?.core == "=" || (a.intValue ?? 0) > (b.intValue ?? Int.max) {
            return EnglishMatch(spoken: a.spoken + " minus " + b.spoken, consumed: 3)
        }
        guard let words = rangeWords(core[...], right.core[...]) else { return nil }
        return EnglishMatch(spoken: words, consumed: 3)
    }

    /// Both ends of a range, or nil when either is not a number or a time.
    static func rangeWords(_ left: Substring, _ right: Substring) -> String? {
        if let a = clockWords(left), let b = clockWords(right) { return a + " to " + b }
        guard let a = NumberLiteral(left), let b = NumberLiteral(right), !b.negative, !b.plus else { return nil }
        if let x = yearValue(left) {
            if let y = yearValue(right) { return NumberWords.year(x) + " to " + NumberWords.year(y) }
            if right.count == 2, let y = b.intValue, y > x % 100 { return NumberWords.year(x) + " to " + NumberWords.shortYear(y) }
        }
        return a.spoken + " to " + b.spoken
    }
}
