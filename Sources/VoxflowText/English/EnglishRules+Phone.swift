/// Telephone numbers, read digit by digit in their groups, a comma (a short pause) between groups:
///
///     (555) 123-4567        → "five five five, one two three, four five six seven"
///     +1 (555) 123-4567     → "plus one, five five five, one two three, four five six seven"
///     +44 (0)20 7946 0958   → "plus four four, oh, two oh, seven nine four six, oh nine five eight"
///     1-800-555-0199        → "one, eight oh oh, five five five, oh one nine nine"
///     1-800-FLOWERS         → "one, eight hundred, flowers"
///
/// Groups may be separated by spaces, dashes or dots, and an area code may stand in brackets.
/// Without a country code, only the shapes of real numbers are read this way (3-3-4, 1-3-3-4,
/// 0xx-xxxx-xxxx, and 3-4 as one written token), so lists of numbers stay numbers.
extension EnglishRules {
    static func telephone(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.token.hasDigit else { return nil }
        let core = w.core
        if let vanity = vanityNumber(core) { return EnglishMatch(spoken: vanity) }
        if core == "911" && w.token.lead.isEmpty { return EnglishMatch(spoken: "nine one one") }
        if ["999", "112"].contains(core), let p = w.attachedPrevious, ["call", "dial", "Call", "Dial"].contains(p.core) {
            return EnglishMatch(spoken: NumberWords.digits(core))
        }
        guard let (groups, tokens) = phoneGroups(w) else { return nil }
        let shape = groups.map(\.count)
        var spoken: String
        if core.hasPrefix("+") {
            let digits = groups.dropFirst().joined().count
            guard (1...3).contains(shape[0]), groups.count >= 2, (6...14).contains(digits) else { return nil }
            spoken = "plus " + telephoneWords(groups)
        } else {
            let oneToken = tokens == 1
            let isLocal = oneToken && shape == [3, 4] && !core.contains(".") && !"01".contains(core.first!)
            let isTrunk = shape == [3, 4, 4] && groups[0].hasPrefix("0")
            guard shape == [3, 3, 4] || shape == [1, 3, 3, 4] || isLocal || isTrunk else { return nil }
            // Three bare numbers "555 123 4567" only when the first is not followed by a unit or word.
            spoken = telephoneWords(groups)
        }
        var consumed = tokens
        if w.at(tokens - 1)?.trail.isEmpty == true, let ext = w.at(tokens), ext.lead.isEmpty, ext.core.count >= 2, ext.core.first == "x", ext.core.dropFirst().allSatisfy(\.isASCIIDigit) {
            spoken += " extension " + NumberWords.cardinal(digits: String(ext.core.dropFirst()))
            consumed += 1
        }
        let lead = w.token.lead.hasSuffix("(") && !core.hasPrefix("+") ? String(w.token.lead.dropLast()) : w.token.lead
        return EnglishMatch(spoken: spoken, consumed: consumed, lead: lead)
    }

    /// The digit groups of a telephone number starting at the cursor, and how many tokens it takes.
    /// Tokens hold digits, dashes, dots and brackets ("+1", "(555)", "123-4567", "(0)20"); between
    /// tokens only a space, or a closing bracket before it and an opening one after it.
    static func phoneGroups(_ w: EnglishWindow) -> ([String], Int)? {
        var groups: [String] = []
        var k = 0
        while let t = w.at(k) {
            if k > 0 {
                guard let p = w.at(k - 1), p.trail.isEmpty || p.trail == ")", t.lead.isEmpty || t.lead == "(" else { break }
            }
            var text = Substring(t.core)
            if k == 0, text.hasPrefix("+") { text = text.dropFirst() }
            guard !text.isEmpty, text.first!.isASCIIDigit || text.first == "(",
                  text.allSatisfy({ $0.isASCIIDigit || "-.()".contains($0) }) else { break }
            let pieces = text.split(whereSeparator: { "-.()".contains($0) })
            guard pieces.allSatisfy({ $0.count <= 8 }) else { return nil }
            groups += pieces.map(String.init)
            k += 1
            if !t.trail.isEmpty && t.trail != ")" { break }
        }
        guard k > 0, groups.count >= 2 else { return nil }
        return (groups, k)
    }

    /// "1-800-FLOWERS" → "one, eight hundred, flowers".
    static func vanityNumber(_ core: String) -> String? {
        let parts = core.split(separator: "-")
        guard parts.count == 3, parts[0] == "1", parts[1].count == 3, parts[1].first == "8", parts[1].allSatisfy(\.isASCIIDigit),
              parts[2].count >= 4, parts[2].allSatisfy({ $0.isUppercase && $0.isASCIILetter }) else { return nil }
        let prefix = parts[1].hasSuffix("00") ? NumberWords.cardinal(digits: String(parts[1])) : NumberWords.digits(String(parts[1]), zero: "oh")
        return "one, " + prefix + ", " + parts[2].lowercased()
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
