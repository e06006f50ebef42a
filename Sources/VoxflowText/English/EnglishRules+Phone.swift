/// Telephone numbers, read digit by digit in their groups, a comma (a short pause) between groups:
///
///     (555) 123-4567     → "five five five, one two three, four five six seven"
///     +1 555 123 4567    → "plus one, five five five, one two three, four five six seven"
///     1-800-555-0199     → "one, eight oh oh, five five five, oh one nine nine"
extension EnglishRules {
    static func telephone(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.token.hasDigit else { return nil }
        let core = w.core
        // "+1 555 123 4567", "+44 20 7946 0958": a country code, then groups of digits separated by spaces.
        if core.hasPrefix("+"), core.count >= 2, core.count <= 4, core.dropFirst().allSatisfy(\.isASCIIDigit) {
            var groups = [String(core.dropFirst())], k = 1
            while let t = w.attached(k), (2...4).contains(t.core.count), t.core.allSatisfy(\.isASCIIDigit) {
                groups.append(t.core); k += 1
            }
            if let t = w.attached(k), let dashed = dashedGroups(t.core[...]) { groups += dashed; k += 1 }
            let digits = groups.dropFirst().joined().count
            guard k > 1, (6...14).contains(digits) else { return nil }
            return EnglishMatch(spoken: "plus " + telephoneWords(groups), consumed: k)
        }
        // "+1-555-123-4567"
        if core.hasPrefix("+"), let groups = dashedGroups(core.dropFirst()), groups.count >= 3 {
            return EnglishMatch(spoken: "plus " + telephoneWords(groups))
        }
        // "(555) 123-4567": the area code in brackets, then the number.
        if w.token.lead.hasSuffix("("), w.token.trail.hasPrefix(")"), core.count == 3, core.allSatisfy(\.isASCIIDigit),
           let next = w.next, next.lead.isEmpty, let rest = dashedGroups(next.core[...]), rest.map(\.count) == [3, 4] {
            return EnglishMatch(spoken: telephoneWords([core] + rest), consumed: 2, lead: String(w.token.lead.dropLast()))
        }
        // "(555)123-4567" in one piece.
        if w.token.lead.hasSuffix("("), let close = core.firstIndex(of: ")") {
            let area = core[..<close]
            guard area.count == 3, area.allSatisfy(\.isASCIIDigit), let rest = dashedGroups(core[core.index(after: close)...]),
                  rest.map(\.count) == [3, 4] else { return nil }
            return EnglishMatch(spoken: telephoneWords([String(area)] + rest), lead: String(w.token.lead.dropLast()))
        }
        // "555-123-4567", "555.123.4567", "1-800-555-0199", "555-1234".
        guard let groups = dashedGroups(core[...]) else { return nil }
        let shape = groups.map(\.count)
        let isLocal = shape == [3, 4] && !core.contains(".") && !"01".contains(core.first!)
        guard shape == [3, 3, 4] || shape == [1, 3, 3, 4] || isLocal else { return nil }
        return EnglishMatch(spoken: telephoneWords(groups))
    }

    /// Digit groups separated by "-" or "." (one kind throughout): "555-123-4567" → ["555", "123", "4567"].
    static func dashedGroups(_ text: Substring) -> [String]? {
        guard let separator = text.first(where: { $0 == "-" || $0 == "." }) else { return nil }
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count >= 2, groups.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return groups.map(String.init)
    }

    /// "five five five, one two three, four five six seven"; zero is "oh".
    static func telephoneWords(_ groups: [String]) -> String {
        groups.map { NumberWords.digits($0, zero: "oh") }.joined(separator: ", ")
    }
}
