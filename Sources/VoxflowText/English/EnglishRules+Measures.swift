/// Measures: a number and its unit or percent sign ("5 km", "2.5kg", "-5 °C", "50%", `5'10"`).
extension EnglishRules {
    static let percent = EnglishUnit("percent", "percent")

    /// "50%", "5 km", "2.5kg", "-5 °C", "20°C", "90°", "12 in." (a number and what it measures).
    static func measure(_ w: EnglishWindow) -> EnglishMatch? {
        let core = w.core
        guard w.token.hasDigit, let first = core.first, first.isASCIIDigit || "-−+.".contains(first) else { return nil }
        if core.hasSuffix("%"), let n = ScaledNumber(core.dropLast(), inMoney: false) {
            return EnglishMatch(spoken: n.spoken + " percent")
        }
        if core.hasSuffix("°"), let n = NumberLiteral(core.dropLast()) {
            if let next = w.attachedNext, let unit = EnglishUnit.table["°" + next.core] {
                return EnglishMatch(spoken: n.spoken + " " + unit.spoken(one: n.isOne), consumed: 2,
                                    period: next.hasPeriod ? .endsBeforeCapital : .notRead)
            }
            return EnglishMatch(spoken: n.spoken + " " + EnglishUnit("degree").spoken(one: n.isOne))
        }
        if let (text, unit) = EnglishUnit.attachedSplit(core), let n = NumberLiteral(text) {
            // "the 100m sprint", "a 5km run": a measure written as one word before a noun is an adjective.
            let adjective = w.previous.map { ["a", "an", "the", "A", "An", "The"].contains($0.core) && $0.isBare } == true
                && w.token.isBare && w.next.map { $0.lead.isEmpty && !$0.core.isEmpty && $0.core.allSatisfy(\.isLowercase)
                    && !["of", "and", "or", "in", "to", "per", "away", "long", "wide", "high", "tall", "deep", "old"].contains($0.core) } == true
            return EnglishMatch(spoken: n.spoken + " " + unit.spoken(one: n.isOne || adjective))
        }
        guard let n = ScaledNumber(core[...], inMoney: false), let (unit, tokens, period) = unit(after: w, at: 1) else {
            return nil
        }
        return EnglishMatch(spoken: n.spoken + " " + unit.spoken(one: n.isOne), consumed: 1 + tokens, period: period)
    }

    /// Heights: `5'10"` → "five feet ten inches", `6' 2"` → "six feet two inches". The inch mark is
    /// peeled off as a closing quote, so the rule looks for it in the trail.
    static func feetAndInches(_ w: EnglishWindow) -> EnglishMatch? {
        let inchMarks: Set<Character> = ["\"", "”", "″"], footMarks: Set<Character> = ["'", "’", "′"]
        func words(_ feet: Substring, _ inches: Substring) -> String? {
            guard let f = Int(feet), let i = Int(inches), feet.allSatisfy(\.isASCIIDigit), inches.allSatisfy(\.isASCIIDigit),
                  i < 12 else { return nil }
            return NumberWords.cardinal(f) + (f == 1 ? " foot " : " feet ") + NumberWords.cardinal(i) + (i == 1 ? " inch" : " inches")
        }
        let core = w.core
        if let mark = core.firstIndex(where: { footMarks.contains($0) }), let close = w.token.trail.first, inchMarks.contains(close),
           let spoken = words(core[..<mark], core[core.index(after: mark)...]) {
            return EnglishMatch(spoken: spoken, trail: String(w.token.trail.dropFirst()))
        }
        guard let mark = w.token.trail.first, footMarks.contains(mark), w.token.trail.count == 1, let next = w.next,
              next.lead.isEmpty, let close = next.trail.first, inchMarks.contains(close),
              let spoken = words(core[...], next.core[...]) else { return nil }
        return EnglishMatch(spoken: spoken, consumed: 2, trail: String(next.trail.dropFirst()))
    }

    /// The unit written `offset` tokens after the cursor (joined by bare spaces), the tokens it takes,
    /// and whether its period was read ("5 min. later").
    static func unit(after w: EnglishWindow, at offset: Int) -> (EnglishUnit, Int, EnglishPeriod)? {
        guard let t = w.attached(offset) else { return nil }
        if t.core == "%" { return (percent, 1, .notRead) }
        // "sq ft", "sq. ft.", "sq m": square units in two words.
        if t.core == "sq" || t.core == "Sq", t.isBare || t.trail == ".", let n = w.at(offset + 1), n.lead.isEmpty,
           let unit = EnglishUnit.table[n.core] ?? (n.core == "in" ? EnglishUnit.table["in."] : nil) {
            return (EnglishUnit("square " + unit.singular, "square " + unit.plural), 2, n.hasPeriod ? .endsBeforeCapital : .notRead)
        }
        if t.core == "°", let n = w.attached(offset + 1), let unit = EnglishUnit.table["°" + n.core] {
            return (unit, 2, n.hasPeriod ? .endsBeforeCapital : .notRead)
        }
        guard let unit = EnglishUnit.lookup(t, followedBy: w.at(offset + 1)) else { return nil }
        return (unit, 1, t.hasPeriod ? .endsBeforeCapital : .notRead)
    }
}
