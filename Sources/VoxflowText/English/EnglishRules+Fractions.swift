/// Fractions: "1/2", "3/4", "2 1/2", "½", "2½", and "three quarters of a mile".
extension EnglishRules {
    /// "1/2" → "one half", "3/4" → "three quarters", "2 1/2" → "two and a half", "2½", "½".
    static func fraction(_ w: EnglishWindow) -> EnglishMatch? {
        let core = w.core
        if let last = core.last, let (n, d) = EnglishTables.vulgarFractions[last] {
            let whole = core.dropLast()
            if whole.isEmpty { return withUnit(fractionWords(n, d), w, after: 1, part: (n, d)) }
            guard let number = NumberLiteral(whole), number.fraction == nil else { return nil }
            return withUnit(number.spoken + " and " + mixedFractionWords(n, d), w, after: 1)
        }
        if let whole = NumberLiteral(core), whole.fraction == nil, let next = w.attachedNext,
           let (n, d) = simpleFraction(next.core), n < d {
            return withUnit(whole.spoken + " and " + mixedFractionWords(n, d), w, after: 2)
        }
        guard let (n, d) = simpleFraction(core) else { return nil }
        return withUnit(fractionWords(n, d), w, after: 1, part: (n, d))
    }

    /// The fraction and the unit after it: "two and a half hours"; a `part` of one unit is read
    /// "half a mile", "a quarter of an hour", "three quarters of a mile".
    private static func withUnit(_ words: String, _ w: EnglishWindow, after tokens: Int, part: (Int, Int)? = nil) -> EnglishMatch {
        guard let (unit, more, period) = unit(after: w, at: tokens) else { return EnglishMatch(spoken: words, consumed: tokens) }
        var spoken = words + " " + unit.plural
        if let (n, d) = part, n < d, unit.singular != "percent" {
            let one = article(unit.singular) + " " + unit.singular
            spoken = n == 1 && d == 2 ? "half " + one : (n == 1 ? mixedFractionWords(1, d) : fractionWords(n, d)) + " of " + one
        }
        return EnglishMatch(spoken: spoken, consumed: tokens + more, period: period)
    }

    /// "a" or "an" before a unit name ("an inch", "an hour", "a meter").
    static func article(_ word: String) -> String {
        word.hasPrefix("hour") || word.first.map({ "aeioAEIO".contains($0) }) == true ? "an" : "a"
    }

    /// "a/b" with a small numerator and a denominator from 2 to 100.
    static func simpleFraction(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && $0.count <= 3 }),
              let n = Int(parts[0]), let d = Int(parts[1]), (2...100).contains(d), n > 0 else { return nil }
        return (n, d)
    }

    /// "one half", "three quarters", "two thirds", "five eighths".
    static func fractionWords(_ n: Int, _ d: Int) -> String {
        let one = n == 1
        let name: String
        switch d {
        case 2: name = one ? "half" : "halves"
        case 4: name = one ? "quarter" : "quarters"
        default:
            let ordinal = NumberWords.ordinal(d)
            name = one ? ordinal : ordinal + "s"
        }
        return NumberWords.cardinal(n) + " " + name
    }

    /// After a whole number: "a half", "a quarter", "an eighth", "three quarters".
    static func mixedFractionWords(_ n: Int, _ d: Int) -> String {
        guard n == 1 else { return fractionWords(n, d) }
        let name = fractionWords(1, d).dropFirst("one ".count)
        return (name.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + name
    }
}
