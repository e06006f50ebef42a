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
        if let year = yearValue(w.core) ?? cuedYear(w) { return EnglishMatch(spoken: NumberWords.year(year)) }
        if w.core.count >= 10, w.core.allSatisfy(\.isASCIIDigit), !w.core.hasSuffix("000000") {
            return EnglishMatch(spoken: NumberWords.digits(w.core))   // account numbers, not quantities
        }
        if w.core.count >= 3, w.core.count <= 4, w.core.allSatisfy(\.isASCIIDigit), let p = w.attachedPrevious,
           EnglishTables.pairedNumberCues.contains(p.core), let v = Int(w.core) {
            return EnglishMatch(spoken: pairedNumber(v))   // "Boeing 747", "Box 123"
        }
        return EnglishMatch(spoken: n.spoken)
    }

    /// 1000 to 1099 read as a year where a cue says so: "in 1066", "AD 1066", "1066 AD" (before a
    /// capital or punctuation, not "in 1050 cases").
    static func cuedYear(_ w: EnglishWindow) -> Int? {
        guard w.core.count == 4, w.core.allSatisfy(\.isASCIIDigit), let v = Int(w.core), (1000...1099).contains(v) else { return nil }
        if let n = w.attachedNext, EnglishTables.eras.contains(n.core) { return v }
        guard let p = w.attachedPrevious, EnglishTables.yearCues.contains(p.core) else { return nil }
        if let n = w.next, w.token.isBare, n.isLowercased, !EnglishTables.clauseWords.contains(n.core) { return nil }
        return v
    }

    /// House and model numbers, read in pairs: 123 "one twenty three", 101 "one oh one",
    /// 500 "five hundred", 2788 "twenty seven eighty eight", 1600 "sixteen hundred".
    static func pairedNumber(_ v: Int) -> String {
        switch v {
        case 0..<100: return NumberWords.cardinal(v)
        case 100..<1000:
            let low = v % 100
            let head = NumberWords.cardinal(v / 100)
            return low == 0 ? head + " hundred" : low < 10 ? head + " oh " + NumberWords.cardinal(low) : head + " " + NumberWords.cardinal(low)
        case 1000..<10000: return NumberWords.year(v)
        default: return NumberWords.digits(String(v))
        }
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

/// Codes after a cue word, digit by digit: "SKU 4417-22", "order 123456789", "serial 00421".
extension EnglishRules {
    static func cuedDigits(_ w: EnglishWindow) -> EnglishMatch? {
        let core = w.core
        guard let first = core.first, first.isASCIIDigit, core.allSatisfy({ $0.isASCIIDigit || $0 == "-" }),
              let p = w.attachedPrevious else { return nil }
        let digits = core.filter(\.isASCIIDigit)
        let cued = (EnglishTables.longDigitCues.contains(p.core) && digits.count >= 4)
            || (EnglishTables.digitCues.contains(p.core) && core.contains("-"))
        guard cued else { return nil }
        return EnglishMatch(spoken: NumberWords.digits(digits))
    }

    /// Card numbers: three or more groups of four digits, "4111 1111 1111 1111".
    static func digitGroups(_ w: EnglishWindow) -> EnglishMatch? {
        func isGroup(_ t: EnglishToken?) -> Bool { t.map { $0.core.count == 4 && $0.core.allSatisfy(\.isASCIIDigit) } ?? false }
        guard isGroup(w.token) else { return nil }
        var k = 1
        while isGroup(w.attached(k)) { k += 1 }
        guard k >= 3 else { return nil }
        let groups = (0..<k).map { NumberWords.digits(w.at($0)!.core) }
        return EnglishMatch(spoken: groups.joined(separator: ", "), consumed: k)
    }
}
