/// Numbers: plain, years, ordinals, decades. Measures, ranges and fractions have their own files.
extension EnglishRules {
    /// "1,234,567", "3.14", "-42", "1.2M", "3bn"; a four-digit number from 1100 to 2099 is a year
    /// ("1999" → "nineteen ninety nine"); after "PIN", "ZIP", "code"… (or "PIN is")
    /// digits are read one by one.
    static func number(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.token.hasDigit, let n = ScaledNumber(w.core[...], inMoney: false) else { return nil }
        if w.core.allSatisfy(\.isASCIIDigit), let previous = w.attachedPrevious {
            let cued = EnglishTables.digitCues.contains(previous.core)
                || (["is", "was", "number"].contains(previous.core) && w.at(-2).map { $0.isBare && EnglishTables.digitCues.contains($0.core) } == true)
            if cued { return EnglishMatch(spoken: NumberWords.digits(w.core)) }
        }
        if let year = yearValue(w.core) { return EnglishMatch(spoken: NumberWords.year(year)) }
        return EnglishMatch(spoken: n.spoken)
    }

    /// Four plain digits from 1100 to 2099.
    static func yearValue(_ text: some StringProtocol) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let v = Int(text), (1100...2099).contains(v) else { return nil }
        return v
    }

    /// "1st", "22nd", "103rd", "4th".
    static func ordinal(_ w: EnglishWindow) -> EnglishMatch? {
        guard let words = ordinalWords(w.core) else { return nil }
        return EnglishMatch(spoken: words)
    }

    static func ordinalWords(_ text: some StringProtocol) -> String? {
        guard text.count >= 3, ["st", "nd", "rd", "th"].contains(text.suffix(2).lowercased()) else { return nil }
        let digits = text.dropLast(2)
        guard let n = NumberLiteral(String(digits)), n.fraction == nil, !n.negative, !n.plus else { return nil }
        return NumberWords.ordinal(ofCardinal: NumberWords.cardinal(digits: n.integer))
    }

    /// "1990s" → "nineteen nineties", "1900s" → "nineteen hundreds", "'90s" and "90s" → "nineties".
    static func decade(_ w: EnglishWindow) -> EnglishMatch? {
        var text = Substring(w.core)
        if let first = text.first, first == "'" || first == "’" { text = text.dropFirst() }
        if text.hasSuffix("'s") || text.hasSuffix("’s") { text = text.dropLast(2) } else if text.hasSuffix("s") { text = text.dropLast() } else { return nil }
        guard text.count == 2 || text.count == 4, text.allSatisfy(\.isASCIIDigit), let v = Int(text), v % 10 == 0, v >= 10
        else { return nil }
        return EnglishMatch(spoken: NumberWords.decade(v))
    }
}
