/// The catch-all for tokens that mix letters, digits and signs, read piece by piece:
///
///     COVID-19 → "Covid nineteen"     MP3 → "M P three"      3-year-old → "three year old"
///     4x4 → "four by four"            R&D → "R and D"        2+2=4 → "two plus two equals four"
extension EnglishRules {
    /// Signs read inside a mixed token; other separators ("-", "_", ".", ":", ",") only split it.
    static let innerSigns: [Character: String] = [
        "&": "and", "+": "plus", "=": "equals", "%": "percent", "/": "slash", "×": "by", "@": "at",
        "#": "number", "°": "degrees", "~": "about", "<": "less than", ">": "greater than", "±": "plus or minus",
        "²": "squared", "³": "cubed", "√": "square root of", "−": "minus", "≥": "greater than or equal to",
        "≤": "less than or equal to", "≠": "not equal to", "π": "pi",
    ]

    static func mixed(_ w: EnglishWindow) -> EnglishMatch? {
        let core = w.core
        let hasSign = core.contains { $0 == "&" || $0 == "+" || $0 == "=" || $0 == "^" }   // "and/or" stays as written
        let capsWithHyphen = core.contains("-") && core.split(separator: "-").contains { $0.count >= 2 && $0.allSatisfy(\.isUppercase) }
        guard core.count >= 2, w.token.hasDigit || hasSign || capsWithHyphen, let words = mixedWords(core, math: w.math) else { return nil }
        return EnglishMatch(spoken: words)
    }

    /// Splits into runs of digits (a decimal point or thousands comma between digits stays in the run),
    /// letters, and signs, and reads each run.
    ///
    /// In an equation (`math`, or an "=" in the token) "-" is "minus", "x" and "*" are "times" between
    /// numbers and "x" after one is the variable; "^2" is "squared". In a serial or model number (the
    /// token has a capital letter: "F-150", "A380", "UA123") three digits are read in pairs
    /// ("one fifty") and five or more digit by digit.
    static func mixedWords(_ text: String, math: Bool = false) -> String? {
        let math = math || text.contains("=")
        let serial = text.contains(where: \.isUppercase)
        let chars = Array(text)
        var runs: [(kind: Character, text: String)] = []   // kind: "d" digits, "l" letters, "s" sign
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isASCIIDigit {
                var run = String(c); i += 1
                // A thousands comma only before a group of three digits ("1,234"; "3,4,5" is a list).
                func isGroupComma(_ k: Int) -> Bool {
                    (1...3).allSatisfy { k + $0 < chars.count && chars[k + $0].isASCIIDigit }
                        && (k + 4 >= chars.count || !chars[k + 4].isASCIIDigit)
                }
                while i < chars.count, chars[i].isASCIIDigit
                        || ((chars[i] == "." || (chars[i] == "," && isGroupComma(i))) && i + 1 < chars.count && chars[i + 1].isASCIIDigit && run.last!.isASCIIDigit) {
                    run.append(chars[i]); i += 1
                }
                // "2.0.1" (a version, an address) is read piece by piece: "two point zero point one".
                let pieces = run.split(separator: ".")
                if pieces.count > 2 {
                    for (k, piece) in pieces.enumerated() {
                        if k > 0 { runs.append(("s", "point")) }
                        runs.append(("d", String(piece)))
                    }
                    continue
                }
                runs.append(("d", run))
            } else if c.isLetter {
                var run = String(c); i += 1
                while i < chars.count, chars[i].isLetter || ((chars[i] == "'" || chars[i] == "’") && i + 1 < chars.count && chars[i + 1].isLetter) {
                    run.append(chars[i]); i += 1
                }
                runs.append(("l", run))
            } else {
                // "10:8", "1:2": a colon between numbers is "to" (scores, ratios).
                if c == ":", runs.last?.kind == "d", i + 1 < chars.count, chars[i + 1].isASCIIDigit {
                    runs.append(("s", "to"))
                } else if c == ",", runs.last?.kind == "d", i + 1 < chars.count, chars[i + 1].isASCIIDigit {
                    runs.append(("c", ","))   // "3,4,5": a list, read with its commas
                } else if c == "^" {
                    runs.append(("p", "^"))
                } else if math, c == "-" || c == "*" {
                    runs.append(("s", c == "-" ? "minus" : "times"))
                } else if let sign = innerSigns[c] {
                    runs.append(("s", sign))
                }
                i += 1
            }
        }
        guard !runs.isEmpty else { return nil }
        var words: [String] = []
        var skip = false
        for (k, run) in runs.enumerated() {
            if skip { skip = false; continue }
            let previous = k > 0 ? runs[k - 1] : nil, next = k + 1 < runs.count ? runs[k + 1] : nil
            switch run.kind {
            case "c":
                if !words.isEmpty { words[words.count - 1] += "," }
            case "p":
                if let next, next.kind == "d", next.text == "2" || next.text == "3" {
                    words.append(next.text == "2" ? "squared" : "cubed"); skip = true
                } else {
                    words.append("to the power of")
                }
            case "d" where serial && !run.text.contains(".") && run.text.count >= 3
                && !(next?.kind == "l" && ["st", "nd", "rd", "th"].contains(next!.text.lowercased())):
                if run.text.count <= 4, let v = Int(run.text), !run.text.hasPrefix("0") {
                    words.append(pairedNumber(v))
                } else {
                    words.append(NumberWords.digits(run.text))
                }
            case "d":
                if let next, next.kind == "l", ["st", "nd", "rd", "th"].contains(next.text.lowercased()),
                   let ordinal = ordinalWords(run.text + next.text) {
                    words.append(ordinal)
                } else if let year = yearValue(run.text) {
                    words.append(NumberWords.year(year))
                } else {
                    words.append(NumberLiteral(run.text)?.spoken ?? NumberWords.digits(run.text))
                }
            case "l":
                if let previous, previous.kind == "d", ["st", "nd", "rd", "th"].contains(run.text.lowercased()),
                   ordinalWords(previous.text + run.text) != nil {
                    continue
                }
                if math, run.text == "x", previous?.kind == "d", next?.kind != "d" {
                    words.append("x")
                } else if run.text == "x" || run.text == "X", previous?.kind == "d" {
                    words.append(next?.kind == "d" ? (math ? "times" : "by") : "times")
                } else {
                    words.append(EnglishAcronyms.read(run.text, shouting: false) ?? run.text)
                }
            default:
                words.append(run.text)
            }
        }
        return words.joined(separator: " ")
    }
}
