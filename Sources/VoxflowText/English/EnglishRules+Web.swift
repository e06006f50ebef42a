/// Web and e-mail addresses, hashtags and handles:
///
///     https://www.example.com/path → "w w w dot example dot com slash path"
///     jane.doe@example.org         → "jane dot doe at example dot org"
///     #tag → "hashtag tag"     #5 → "number five"     @voxflow → "at voxflow"
extension EnglishRules {
    static func email(_ w: EnglishWindow) -> EnglishMatch? {
        let parts = w.core.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, isDomain(parts[1]) else { return nil }
        return EnglishMatch(spoken: addressWords(parts[0]) + " at " + addressWords(parts[1]))
    }

    static func url(_ w: EnglishWindow) -> EnglishMatch? {
        var text = Substring(w.core)
        var hasScheme = false
        if let scheme = text.range(of: "://") {
            guard text[..<scheme.lowerBound].allSatisfy(\.isASCIILetter) else { return nil }
            text = text[scheme.upperBound...]
            hasScheme = true
        }
        let host = text.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        guard hasScheme || host.lowercased().hasPrefix("www.") || isDomain(host) else { return nil }
        var path = text[host.endIndex...]
        while path.hasSuffix("/") { path = path.dropLast() }
        return EnglishMatch(spoken: addressWords(host) + (path.isEmpty ? "" : " " + addressWords(path)))
    }

    /// "example.com", "mail.example.co.uk": letters, digits and hyphens in dotted labels, ending in a known
    /// top-level domain written in lower case ("done.It" is a missing space, not an address).
    static func isDomain(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, EnglishTables.domains.contains(String(tld)),
              labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" } }),
              labels.contains(where: { $0.contains(where: \.isLetter) })
        else { return false }
        return true
    }

    /// Each piece of an address: words as written, "www" spelled, numbers read, separators named.
    static func addressWords(_ text: Substring) -> String {
        var words: [String] = []
        var piece = ""
        func flush() {
            guard !piece.isEmpty else { return }
            if piece.lowercased() == "www" {
                words.append("w w w")
            } else if piece.allSatisfy(\.isASCIIDigit) {
                words.append(piece.count > 4 ? NumberWords.digits(piece) : NumberWords.cardinal(digits: piece))
            } else if piece.contains(where: \.isASCIIDigit) {
                words.append(EnglishRules.mixedWords(piece) ?? piece)
            } else {
                words.append(piece)
            }
            piece = ""
        }
        for c in text {
            if let name = EnglishTables.characterNames[c] {
                flush()
                words.append(name)
            } else {
                piece.append(c)
            }
        }
        flush()
        return words.joined(separator: " ")
    }

    /// "#5" → "number five", "#tag" → "hashtag tag", "@voxflow" → "at voxflow", "C#" → "C sharp".
    static func hashOrAt(_ w: EnglishWindow) -> EnglishMatch? {
        let core = w.core
        if core.count == 2, core.hasSuffix("#"), let note = core.first, "ABCDEFG".contains(note) {
            return EnglishMatch(spoken: "\(note) sharp")
        }
        guard core.count >= 2, let first = core.first, first == "#" || first == "@" else { return nil }
        let rest = core.dropFirst()
        if first == "#", let n = NumberLiteral(rest), n.fraction == nil, !n.negative {
            return EnglishMatch(spoken: "number " + n.spoken)
        }
        guard rest.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), rest.contains(where: \.isLetter) else { return nil }
        let name = addressWords(rest)
        return EnglishMatch(spoken: (first == "#" ? "hashtag " : "at ") + name)
    }
}
