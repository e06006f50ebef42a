/// Mandarin text normalization: everything a reader would say, written out in Hanzi.
///
/// ```
/// "今天是2024年3月5日，银行利率上调了0.25%。"
///   → "今天是二零二四年三月五日，银行利率上调了百分之零点二五。"
/// ```
///
/// Three passes: full-width digits, letters and symbols are folded to ASCII (１２％ → 12%);
/// `rules` (MandarinNormalizer+Rules.swift), most specific first, write out telephone
/// numbers, dates, times, ratios, years, ordinals, percentages, amounts, fractions, ranges and
/// quantities with their units; ASCII punctuation after Chinese becomes full-width (，。！？；：).
///
/// Invariant: the result contains no ASCII digit. Meant for Mandarin runs (`LanguageRuns.split`):
/// digits inside English words are read in Mandarin too ("iPhone 15" → "iPhone 十五").
public enum MandarinNormalizer {
    public static func normalize(_ text: String, lexicon: UserLexicon? = nil) -> String {
        run(text, lexicon: lexicon, record: nil)
    }

    /// The spoken form and every rule that read something (`voxflow normalize --explain`).
    public static func explain(_ text: String, lexicon: UserLexicon? = nil) -> (spoken: String, steps: [NormalizationStep]) {
        var steps: [NormalizationStep] = []
        let spoken = run(text, lexicon: lexicon) { steps.append($0) }
        return (spoken, steps)
    }

    static func run(_ text: String, lexicon: UserLexicon?, record: ((NormalizationStep) -> Void)?) -> String {
        var s = foldFullWidth(text)
        if let lexicon { s = lexicon.apply(toHan: s, record: record) }
        if s.utf8.contains(where: { (0x30...0x39).contains($0) }) {
            for rule in rules { s = rule.apply(to: s, record: record) }
        }
        return fullWidthPunctuation(s)
    }

    /// Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) and the symbols of
    /// MandarinTables.foldedSymbols as ASCII; a full-width colon between digits (14：05) too.
    static func foldFullWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            switch u.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0xFF1A where i > 0 && i + 1 < scalars.count && isDigit(scalars[i - 1]) && isDigit(scalars[i + 1]):
                out.append(":")
            default:
                if let folded = MandarinTables.foldedSymbols[Character(u)] {
                    out.append(contentsOf: folded.unicodeScalars)
                } else {
                    out.append(u)
                }
            }
        }
        return String(out)
    }

    private static func isDigit(_ u: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(u.value) || (0xFF10...0xFF19).contains(u.value)
    }

    /// ASCII , . ! ? ; : written right after Chinese (a Han character or CJK punctuation, spaces
    /// between allowed) as their full-width forms, without the spaces around them; "..." as "……".
    static func fullWidthPunctuation(_ text: String) -> String {
        var out: [Character] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard let wide = MandarinTables.fullWidthPunctuation[c], let previous = out.last(where: { $0 != " " }),
                  HanScript.isIdeograph(previous) || HanScript.isPunctuation(previous) else {
                out.append(c)
                i += 1
                continue
            }
            while out.last == " " { out.removeLast() }
            var end = i + 1
            if c == "." {
                while end < chars.count, chars[end] == "." { end += 1 }
            }
            out += end - i > 1 ? ["…", "…"] : [wide]
            i = end
            while i < chars.count, chars[i] == " " { i += 1 }
        }
        return String(out)
    }
}
