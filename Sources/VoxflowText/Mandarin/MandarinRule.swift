import Foundation

/// One normalization rule: a pattern over written text and what to say for each match.
/// `say` returns nil to leave a match as it is (for a later rule to read).
struct MandarinRule: Sendable {
    let name: String
    let pattern: NSRegularExpression
    let say: @Sendable (MandarinMatch) -> String?

    init(_ name: String, _ pattern: String, say: @escaping @Sendable (MandarinMatch) -> String?) {
        self.name = name
        do {
            self.pattern = try NSRegularExpression(pattern: pattern)
        } catch {
            preconditionFailure("Mandarin rule \(name): bad pattern \(pattern): \(error)")
        }
        self.say = say
    }

    /// The text with every match replaced by what the rule says for it.
    func apply(to text: String, record: ((NormalizationStep) -> Void)? = nil) -> String {
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return text }
        var out = ""
        var done = text.startIndex
        for result in matches {
            guard let range = Range(result.range, in: text) else { continue }
            out += text[done..<range.lowerBound]
            let said = say(MandarinMatch(text: text, result: result, range: range))
            if let said, let record { record(NormalizationStep(language: "zh", written: String(text[range]), spoken: said, rule: name)) }
            out += said ?? String(text[range])
            done = range.upperBound
        }
        out += text[done...]
        return out
    }
}

/// A match of a MandarinRule: its capture groups and the text around it.
struct MandarinMatch {
    let text: String
    let result: NSTextCheckingResult
    let range: Range<String.Index>

    /// Capture group `i` (0: the whole match), nil when it did not take part.
    subscript(_ i: Int) -> Substring? {
        guard i < result.numberOfRanges, let r = Range(result.range(at: i), in: text) else { return nil }
        return text[r]
    }

    /// The text after the match, for words that change how a number is read (2个 → 两个).
    var after: Substring { text[range.upperBound...] }

    /// The text before the match, for cues that decide a reading (在6/18 is a date).
    var before: Substring { text[..<range.lowerBound] }
}
