/// The English text normalizer: written text in, the words a careful reader says out.
///
///     "Dr. Smith paid $3.50 on 3/5/2024."
///        │ tokens: "Dr." "Smith" "paid" "$3.50" "on" "3/5/2024."   (lead / core / trail punctuation)
///        │ rules, first match wins at each token (EnglishPatterns.rules), with the neighbours as context
///        ▼
///     "Doctor Smith paid three dollars and fifty cents on March fifth, twenty twenty four."
///
/// Invariants:
/// - Sentence and clause punctuation (. , ; : ! ? quotes, brackets) stays where it was; the only periods
///   left are sentence ends ("on Main St." → "on Main Street.", "Dr. Smith" → "Doctor Smith").
/// - Words are separated by single spaces; spelled numbers have no hyphens ("twenty four").
/// - Idempotent: `normalize(normalize(x)) == normalize(x)`; spoken text passes through unchanged.
/// - Never throws: text no rule recognizes passes through as written.
public enum EnglishNormalizer {
    /// The spoken form of English text, e.g. "Dr. Smith paid $3.50 on 3/5/2024." →
    /// "Doctor Smith paid three dollars and fifty cents on March fifth, twenty twenty four."
    /// Keeps sentence and clause punctuation (. , ; : ! ? quotes, brackets) where it was, so later stages can
    /// split sentences and phrases; the only periods left are sentence ends (an abbreviation that ends a sentence
    /// keeps one period: "on Main St." → "on Main Street."). Never throws; text it does not recognize passes through.
    public static func normalize(_ text: String, lexicon: UserLexicon? = nil) -> String {
        run(text, lexicon: lexicon, record: nil)
    }

    /// The spoken form and every decision taken on the way (`voxflow normalize --explain`).
    public static func explain(_ text: String, lexicon: UserLexicon? = nil) -> (spoken: String, steps: [NormalizationStep]) {
        var steps: [NormalizationStep] = []
        let spoken = run(text, lexicon: lexicon) { steps.append($0) }
        return (spoken, steps)
    }

    static func run(_ text: String, lexicon: UserLexicon?, record: ((NormalizationStep) -> Void)?) -> String {
        // One pass reads almost everything; what a pass leaves readable (pieces of glued tokens such as
        // "2mDr.Mr.") is read by the next. Repeating until nothing changes makes the result a fixed point.
        var current = pass(text, lexicon: lexicon, record: record)
        for _ in 0..<maxPasses {
            let next = pass(current, lexicon: nil, record: record)
            if next == current { break }
            current = next
        }
        return current
    }

    /// More passes than any real text needs (two: the pass and the check that changes nothing).
    static let maxPasses = 4

    /// One left-to-right pass over the tokens.
    static func pass(_ text: String, lexicon: UserLexicon? = nil, record: ((NormalizationStep) -> Void)? = nil) -> String {
        let tokens = EnglishToken.tokenize(text)
        let shouting = isShouting(tokens)
        let math = tokens.contains { $0.core.contains("=") || $0.core == "≠" }
        var pieces: [String] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            let window = EnglishWindow(tokens: tokens, index: i, shouting: shouting, math: math)
            let found = token.core.isEmpty ? nil : lexicon.flatMap { $0.match(window) }.map { ($0, "user lexicon") } ?? firstMatch(window)
            guard let (match, rule) = found else {
                pieces.append(token.lead + token.core + token.trail)
                i += 1
                continue
            }
            let last = i + max(1, match.consumed) - 1
            let next = tokens.indices.contains(last + 1) ? tokens[last + 1] : nil
            let trail = trailing(match.trail ?? tokens[last].trail, period: match.period, next: next)
            pieces.append((match.lead ?? token.lead) + match.spoken + trail)
            if let record {
                let written = tokens[i...last].enumerated().map { k, t in
                    (k == 0 ? "" : t.lead) + t.core + (i + k == last ? (match.period != .notRead && t.hasPeriod ? "." : "") : t.trail)
                }.joined(separator: " ")
                if written != match.spoken { record(NormalizationStep(language: "en", written: written, spoken: match.spoken, rule: rule)) }
            }
            i = last + 1
        }
        return pieces.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func firstMatch(_ window: EnglishWindow) -> (EnglishMatch, String)? {
        for rule in EnglishPatterns.rules {
            if let match = rule.apply(window) { return (match, rule.name) }
        }
        return nil
    }

    /// The closing punctuation after a match: a period the match read is dropped, and put back when it
    /// also ends the sentence.
    static func trailing(_ trail: String, period: EnglishPeriod, next: EnglishToken?) -> String {
        guard period != .notRead, trail.hasPrefix(".") else { return trail }
        let rest = String(trail.dropFirst())
        if rest.contains(where: { ".!?…".contains($0) }) { return rest }
        let ends: Bool
        switch period {
        case .notRead, .title: ends = false
        case .endsBeforeCapital: ends = next.map { ($0.isCapitalized && !$0.isAllCaps) || sentenceWords.contains($0.core) } ?? true
        case .endsBeforeSentenceWord: ends = next.map { sentenceWords.contains($0.core) } ?? true
        }
        return ends ? "." + rest : rest
    }

    /// Words that usually begin a sentence: after "U.S." or "etc.", one of these means the period also ended it.
    static let sentenceWords: Set<String> = [
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "You", "This", "That", "These", "Those", "There",
        "Then", "But", "And", "So", "Yet", "However", "In", "On", "At", "After", "Before", "When", "While", "If",
        "Its", "His", "Her", "Their", "Our", "My", "Your", "Some", "Many", "Most", "All", "No", "Yes", "What", "Why",
        "How", "Who", "Where", "As", "For", "Meanwhile", "Also", "Today", "Now", "Still", "Please", "Thank", "Thanks",
    ]

    /// Most of the text is written in capitals ("DO NOT ENTER THE ROOM"): at least three all-capital words,
    /// and two thirds of the words with letters.
    static func isShouting(_ tokens: [EnglishToken]) -> Bool {
        var caps = 0, words = 0
        for token in tokens where token.core.contains(where: \.isLetter) {
            words += 1
            if token.core.count >= 2, token.core.allSatisfy({ !$0.isLowercase }) { caps += 1 }
        }
        return caps >= 3 && caps * 3 >= words * 2
    }
}
