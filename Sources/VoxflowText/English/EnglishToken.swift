/// One whitespace-delimited chunk of English text, with its opening and closing punctuation peeled off.
///
///     "(555)"  → lead "(",  core "555",   trail ")"
///     "St.,"   → lead "",   core "St",    trail ".,"
///     "'90s"   → lead "",   core "'90s",  trail ""     (an apostrophe before a digit belongs to the number)
///
/// A trailing period always goes to `trail`; rules that read it as part of an abbreviation say so
/// (`EnglishMatch.absorbsPeriod`), and the normalizer keeps it only where it also ends a sentence.
struct EnglishToken: Equatable {
    var lead: String
    var core: String
    var trail: String

    static let opening: Set<Character> = ["(", "[", "{", "\"", "“", "‘", "'", "«", "¿", "¡"]
    static let closing: Set<Character> = [")", "]", "}", "\"", "”", "’", "'", "»", ",", ";", ":", "!", "?", ".", "…"]

    init(lead: String = "", core: String, trail: String = "") {
        self.lead = lead
        self.core = core
        self.trail = trail
    }

    init(chunk: Substring) {
        var start = chunk.startIndex
        while start < chunk.endIndex, Self.opening.contains(chunk[start]) {
            let after = chunk.index(after: start)
            if (chunk[start] == "'" || chunk[start] == "‘"), after < chunk.endIndex, chunk[after].isASCIIDigit { break }
            start = after
        }
        var end = chunk.endIndex
        while end > start, Self.closing.contains(chunk[chunk.index(before: end)]) {
            end = chunk.index(before: end)
        }
        self.init(lead: String(chunk[..<start]), core: String(chunk[start..<end]), trail: String(chunk[end...]))
    }

    /// Splits on whitespace.
    static func tokenize(_ text: String) -> [EnglishToken] {
        text.split(whereSeparator: \.isWhitespace).map(EnglishToken.init(chunk:))
    }

    var hasDigit: Bool { core.contains(where: \.isASCIIDigit) }
    var hasLetter: Bool { core.contains(where: \.isLetter) }
    var isCapitalized: Bool { core.first?.isUppercase == true }
    var isLowercased: Bool { core.first?.isLowercase == true }
    /// Two or more letters, all capitals ("FBI", "NASA's" is not).
    var isAllCaps: Bool { core.count >= 2 && core.allSatisfy { $0.isUppercase } }
    /// The token ends with a period (possibly followed by more closing punctuation: "etc.)").
    var hasPeriod: Bool { trail.hasPrefix(".") }
    /// Nothing between this token and the next one but a space.
    var isBare: Bool { trail.isEmpty }
    /// `core` with its period, as abbreviations are listed: "Dr.".
    var abbreviationKey: String { hasPeriod ? core + "." : core }
    /// The trail ends a sentence (. ! ? possibly inside closing quotes or brackets).
    var endsSentence: Bool { trail.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" } }
}
