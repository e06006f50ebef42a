/// Web and e-mail addresses, hashtags and handles:
///
///     https://www.example.com/path → "w w w dot example dot com slash path"
///     jane.doe@example.org         → "jane dot doe at example dot org"
///     #tag → "hashtag tag"     #5 → "number five"     @voxflow → "at voxflow"
extension EnglishRules {
    static func email(_ w: EnglishWindow) -> EnglishMatch? {
        let parts = w.core.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, isDomain(parts[1]) else { return nil }
        return EnglishMatch(spoken: addressWords(parts[0]) + " at " + addressWords(parts[1], host: true))
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
        return EnglishMatch(spoken: addressWords(host, host: true) + (path.isEmpty ? "" : " " + addressWords(path)))
    }

    /// "192.168.0.1" → "one nine two dot one six eight dot zero dot one".
    static func ipAddress(_ w: EnglishWindow) -> EnglishMatch? {
        let parts = w.core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) && Int($0)! <= 255 })
        else { return nil }
        return EnglishMatch(spoken: parts.map { NumberWords.digits(String($0)) }.joined(separator: " dot "))
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

    /// Each piece of an address: words as written, "www" spelled, separators named; numbers of one or
    /// two digits read as numbers, longer ones (and those with a leading zero) digit by digit; in a
    /// host name (`host`), a last label from `EnglishTables.spelledDomains` spelled ("dot i o").
    static func addressWords(_ text: Substring, host: Bool = false) -> String {
        var words: [String] = []
        var piece = ""
        func flush() {
            guard !piece.isEmpty else { return }
            if piece.lowercased() == "www" {
                words.append("w w w")
            } else if piece.contains(where: \.isASCIIDigit) {
                words.append(addressPieceWords(piece))
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
        if host, EnglishTables.spelledDomains.contains(piece) {
            words.append(piece.map(String.init).joined(separator: " "))
            piece = ""
        }
        flush()
        return words.joined(separator: " ")
    }

    /// "john123" → "john one two three", "doe99" → "doe ninety nine", "05" → "zero five".
    static func addressPieceWords(_ piece: String) -> String {
        var words: [String] = []
        var run = ""
        func flush() {
            guard let first = run.first else { return }
            if first.isASCIIDigit {
                words.append(run.count >= 3 || (run.count > 1 && first == "0") ? NumberWords.digits(run) : NumberWords.cardinal(digits: run))
            } else {
                words.append(EnglishAcronyms.read(run, shouting: false) ?? run)
            }
            run = ""
        }
        for c in piece {
            if let last = run.last, last.isASCIIDigit != c.isASCIIDigit { flush() }
            run.append(c)
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
