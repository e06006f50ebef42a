/// A stretch of text in one language: "zh" (Mandarin) or "en".
public struct LanguageRun: Sendable, Hashable {
    public var language: String
    public var text: String
    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }
}

/// Cuts mixed Mandarin/English text into language runs.
///
/// ```
/// "我用iPhone 15拍的"  →  zh "我用" │ en "iPhone 15" │ zh "拍的"
/// "in 2024年"          →  en "in " │ zh "2024年"
/// ```
///
/// Han characters and CJK punctuation are Mandarin; Latin letters are English. Everything else
/// (digits, spaces, ASCII punctuation) is neutral and joins the run before it, or the first run
/// when the text starts with it; a number written right before a Chinese unit or measure word
/// (`5元`, `2024年`) joins the Mandarin run that follows.
///
/// Invariants: runs are never empty, neighbours differ in language, and the concatenated texts
/// give back the input exactly. Text without Han is one "en" run; empty text has no runs.
public enum LanguageRuns {
    public static func split(_ text: String) -> [LanguageRun] {
        guard !text.isEmpty else { return [] }
        guard containsHan(text) else { return [LanguageRun(language: "en", text: text)] }
        var runs: [LanguageRun] = []
        var pending = ""  // neutral characters not yet given to a run
        for c in text {
            guard let language = language(of: c) else {
                pending.append(c)
                continue
            }
            guard let last = runs.last else {
                runs.append(LanguageRun(language: language, text: pending + String(c)))
                pending = ""
                continue
            }
            if last.language == language {
                runs[runs.count - 1].text += pending + String(c)
            } else {
                let moved = language == "zh" ? numberBeforeMeasureWord(pending, c) : ""
                let kept = pending.dropLast(moved.count)
                if !kept.isEmpty { runs[runs.count - 1].text += kept }
                runs.append(LanguageRun(language: language, text: moved + String(c)))
            }
            pending = ""
        }
        if !pending.isEmpty { runs[runs.count - 1].text += pending }
        return runs
    }

    /// True when the text contains Han characters.
    public static func containsHan(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: HanScript.isIdeograph)
    }

    /// "zh", "en", or nil for neutral characters.
    static func language(of c: Character) -> String? {
        if HanScript.isIdeograph(c) || HanScript.isPunctuation(c) { return "zh" }
        if HanScript.isLatinLetter(c) { return "en" }
        return nil
    }

    /// The number at the end of `neutral` when it is written right before a Chinese measure word
    /// or unit (`next`), else "".
    private static func numberBeforeMeasureWord(_ neutral: String, _ next: Character) -> String {
        guard MandarinTables.measureWordStarts.contains(next) else { return "" }
        let number = neutral.reversed().prefix { $0.isNumber || ".,%-".contains($0) }
        guard number.contains(where: \.isNumber) else { return "" }
        return String(number.reversed())
    }
}
