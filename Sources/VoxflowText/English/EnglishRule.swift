/// One rule of the English normalizer: looks at the token under the cursor (and its neighbours) and,
/// when it recognizes something, says how many tokens it read and what a reader would say.
///
/// Rules are tried in the order of `EnglishPatterns.rules`; the first match wins. A rule never sees
/// text it is not meant for: it returns nil, and the next rule is tried; text no rule matches passes
/// through unchanged.
struct EnglishRule: Sendable {
    let name: String
    let apply: @Sendable (EnglishWindow) -> EnglishMatch?

    init(_ name: String, _ apply: @escaping @Sendable (EnglishWindow) -> EnglishMatch?) {
        self.name = name
        self.apply = apply
    }
}

/// What a rule recognized.
struct EnglishMatch {
    /// The spoken words for the tokens read, without the first token's `lead` and the last one's `trail`
    /// (the normalizer puts those back).
    var spoken: String
    /// How many tokens the rule read, from the cursor on.
    var consumed = 1
    /// Whether the last token's period belongs to the match ("St.", "a.m."), and when it also ends the sentence.
    var period: EnglishPeriod = .notRead
    /// Replaces the first token's opening punctuation (a telephone number's "(" is part of the number).
    var lead: String? = nil
    /// Replaces the last token's closing punctuation.
    var trail: String? = nil
}

/// What a period read as part of a match ("Dr.", "etc.", "U.S.") says about the sentence.
enum EnglishPeriod {
    /// The match did not read the period; it stays.
    case notRead
    /// A title before a name ("Dr. Smith", "St. Louis"): never a sentence end.
    case title
    /// Ends the sentence at the end of the text or before a capitalized word, not an acronym
    /// ("at 5 p.m. Then" ends, "at 5 p.m. PST" does not).
    case endsBeforeCapital
    /// Ends the sentence only at the end of the text or before a word that usually starts one
    /// ("in the U.S. The" ends, "the U.S. Army" does not; "John F. Kennedy" does not).
    case endsBeforeSentenceWord
}

/// The cursor: the tokens of the text, where the rule is, and what the whole text looks like.
struct EnglishWindow {
    let tokens: [EnglishToken]
    let index: Int
    /// Most of the text is in capitals: unknown all-caps words are words, not acronyms.
    let shouting: Bool
    /// The text is an equation (it has an equals sign): "x" is a variable or "times", "-" is "minus".
    var math = false

    var token: EnglishToken { tokens[index] }
    var core: String { tokens[index].core }

    /// The token `offset` places away (negative: before), or nil past either end.
    func at(_ offset: Int) -> EnglishToken? {
        let i = index + offset
        return tokens.indices.contains(i) ? tokens[i] : nil
    }

    var previous: EnglishToken? { at(-1) }
    var next: EnglishToken? { at(1) }

    /// The next token, only when nothing but a space separates it from the current one
    /// (no comma, no bracket): "5 km" joins, "5, km" does not.
    var attachedNext: EnglishToken? { attached(1) }

    /// The token `offset` places ahead when every token up to it is joined by bare spaces.
    func attached(_ offset: Int) -> EnglishToken? {
        for k in 0..<offset {
            guard let t = at(k), t.isBare, let n = at(k + 1), n.lead.isEmpty else { return nil }
        }
        return at(offset)
    }

    /// The current token begins a sentence (first token, or the previous one ends with . ! ?).
    var startsSentence: Bool { previous.map(\.endsSentence) ?? true }

    /// The previous word, when it is joined to this one by a bare space.
    var attachedPrevious: EnglishToken? {
        guard let p = previous, p.isBare, token.lead.isEmpty else { return nil }
        return p
    }
}
