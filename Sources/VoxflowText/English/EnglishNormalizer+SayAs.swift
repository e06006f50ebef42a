import Foundation

/// SSML `say-as` for English: the text read one given way, or nil when it cannot be read that way.
extension EnglishNormalizer {
    /// SSML say-as: interpretAs is one of "characters" (also "spell-out"), "cardinal", "number", "ordinal", "digits",
    /// "date" (format: "mdy", "dmy", "ymd", "md", "dm", "ym", "my", "y"; nil = guess), "telephone", "time", "currency";
    /// returns nil when the text cannot be read that way (the caller then reports a markup error).
    public static func sayAs(_ text: String, interpretAs: String, format: String?) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let reader = sayAsReaders[interpretAs.lowercased()] else { return nil }
        return reader(trimmed, format?.lowercased())
    }

    private static let sayAsReaders: [String: @Sendable (String, String?) -> String?] = [
        "characters": { text, _ in spellCharacters(text) },
        "spell-out": { text, _ in spellCharacters(text) },
        "cardinal": { text, _ in cardinal(text) },
        "number": { text, _ in cardinal(text) },
        "ordinal": { text, _ in ordinal(text) },
        "digits": { text, _ in digits(text) },
        "date": { text, format in date(text, format: format) },
        "telephone": { text, _ in telephone(text) },
        "time": { text, _ in whole(text, EnglishRules.time) },
        "currency": { text, _ in whole(text, EnglishRules.money) },
    ]

    /// "Hi5!" → "H I five exclamation mark": letters as capitals, digits as words, signs named.
    static func spellCharacters(_ text: String) -> String? {
        let words = text.compactMap { c -> String? in
            if c.isWhitespace { return nil }
            if c.isLetter { return c.uppercased() }
            if let d = c.wholeNumberValue, c.isASCII { return NumberWords.digitWords[d] }
            return EnglishTables.characterNames[c]
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// "1,234" → "one thousand two hundred thirty four", "-3.5", "XIV" → "fourteen".
    static func cardinal(_ text: String) -> String? {
        if let n = NumberLiteral(text) { return n.spoken }
        return Roman.value(text).map(NumberWords.cardinal)
    }

    /// "3", "3rd", "III" → "third".
    static func ordinal(_ text: String) -> String? {
        if let words = EnglishRules.ordinalWords(text) { return words }
        if let n = NumberLiteral(text), n.fraction == nil, !n.negative {
            return NumberWords.ordinal(ofCardinal: NumberWords.cardinal(digits: n.integer))
        }
        return Roman.value(text).map(NumberWords.ordinal)
    }

    /// "2024" → "two zero two four"; spaces between digits are allowed.
    static func digits(_ text: String) -> String? {
        guard text.contains(where: \.isASCIIDigit), text.allSatisfy({ $0.isASCIIDigit || $0 == " " }) else { return nil }
        return NumberWords.digits(text)
    }

    /// Numeric dates in the given field order ("3/5/2024" as "dmy" → "the third of May, twenty twenty four"),
    /// a year alone ("y"), or, without a format, any date the normalizer recognizes ("March 5, 2024").
    static func date(_ text: String, format: String?) -> String? {
        if format == "y" || (format == nil && text.count == 4) {
            guard text.count <= 4, text.allSatisfy(\.isASCIIDigit), let y = Int(text), y > 0 else { return nil }
            return NumberWords.year(y)
        }
        if let format {
            guard ["mdy", "dmy", "ymd", "md", "dm", "ym", "my"].contains(format) else { return nil }
            if let (parts, dayFirst) = EnglishRules.numericDateParts(text, cue: true, order: format) {
                return parts.spoken(dayFirst: dayFirst)
            }
        } else if let (parts, dayFirst) = EnglishRules.numericDateParts(text, cue: true) {
            return parts.spoken(dayFirst: dayFirst)
        }
        let tokens = EnglishToken.tokenize(text)
        for rule in [EnglishRules.monthDate, EnglishRules.dayMonthDate] {
            if let spoken = whole(tokens, rule) { return spoken }
        }
        return nil
    }

    /// "(555) 123-4567", "+1 555 123 4567", "5551234": digits read in the groups written.
    static func telephone(_ text: String) -> String? {
        guard text.allSatisfy({ $0.isASCIIDigit || " -.()+/".contains($0) }) else { return nil }
        let groups = text.split { !$0.isASCIIDigit }.map(String.init)
        guard groups.joined().count >= 3 else { return nil }
        return (text.hasPrefix("+") ? "plus " : "") + EnglishRules.telephoneWords(groups)
    }

    /// The rule's reading when it reads the whole text (a trailing period aside), else nil.
    static func whole(_ text: String, _ rule: (EnglishWindow) -> EnglishMatch?) -> String? {
        whole(EnglishToken.tokenize(text), rule)
    }

    static func whole(_ tokens: [EnglishToken], _ rule: (EnglishWindow) -> EnglishMatch?) -> String? {
        guard let first = tokens.first, first.lead.isEmpty,
              let match = rule(EnglishWindow(tokens: tokens, index: 0, shouting: false)),
              match.consumed == tokens.count else { return nil }
        let trail = match.trail ?? tokens[tokens.count - 1].trail
        guard trail.isEmpty || (trail == "." && match.period != .notRead) else { return nil }
        return match.spoken
    }
}
