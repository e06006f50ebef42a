/// Finds the inline tags and pinyin overrides inside a run of text.
///
/// - `[name=value]` with a known name is a tag; `[name=value]` with an unknown name is an error
///   (a typo should not be read aloud); brackets without `=` (`[sic]`, `[1]`) are text.
/// - `{汉字|han4 zi4}` gives the Han characters before `|` the reading after it; the syllable count
///   must match.
/// - `汉字(hàn zì)` or `（…）` right after Han characters, holding pinyin with tone marks or digits,
///   gives that many preceding characters the reading. Anything else in brackets is text.
struct InlineScanner {
    static let tags: Set<String> = ["emotion", "pause", "rate", "pitch", "volume"]

    struct Item {
        enum Kind {
            case text(String)
            case tag(name: String, value: String)
            case override(written: String, syllables: [String])
        }
        var kind: Kind
        /// Index in the source text.
        var at: Int
    }

    let text: [Character]
    /// Index of `text[0]` in the source.
    let origin: Int
    let src: SourceText

    func items() throws -> [Item] {
        var out: [Item] = []
        var run = ""
        var runStart = 0
        func flush() {
            if !run.isEmpty { out.append(Item(kind: .text(run), at: origin + runStart)) }
            run = ""
        }
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == "[", let (name, value, end) = tag(at: i) {
                flush()
                out.append(Item(kind: .tag(name: name, value: value), at: origin + i))
                i = end
                runStart = i
                continue
            }
            if c == "{", let (written, syllables, end) = try braced(at: i) {
                flush()
                out.append(Item(kind: .override(written: written, syllables: syllables), at: origin + i))
                i = end
                runStart = i
                continue
            }
            if c == "(" || c == "（", let (syllables, end) = parenthesized(at: i) {
                // Move the last `syllables.count` Han characters of the run into the override.
                let n = syllables.count
                let hanTail = run.reversed().prefix { HanScript.isIdeograph($0) }.count
                if hanTail >= n {
                    let written = String(run.suffix(n))
                    run.removeLast(n)
                    flush()
                    out.append(Item(kind: .override(written: written, syllables: syllables), at: origin + i - n))
                    i = end
                    runStart = i
                    continue
                }
            }
            if run.isEmpty { runStart = i }
            run.append(c)
            i += 1
        }
        flush()
        return out
    }

    /// `[name=value]` → (name, value, index after `]`); nil when it is not tag-shaped.
    private func tag(at i: Int) -> (String, String, Int)? {
        var k = i + 1
        var name = ""
        while k < text.count, text[k].isLetter || text[k] == "_" { name.append(text[k]); k += 1 }
        guard !name.isEmpty, k < text.count, text[k] == "=" else { return nil }
        k += 1
        var value = ""
        while k < text.count, text[k] != "]", text[k] != "[", k - i < 64 { value.append(text[k]); k += 1 }
        guard k < text.count, text[k] == "]", !value.isEmpty else { return nil }
        return (name.lowercased(), value.trimmingSpaces(), k + 1)
    }

    /// `{汉字|reading}`; nil when not of that shape, an error when the reading does not fit.
    private func braced(at i: Int) throws -> (String, [String], Int)? {
        guard let bar = text[i...].prefix(80).firstIndex(of: "|"), let close = text[bar...].prefix(80).firstIndex(of: "}") else {
            return nil
        }
        let written = String(text[(i + 1)..<bar])
        let reading = String(text[(bar + 1)..<close])
        guard !written.isEmpty, written.allSatisfy(HanScript.isIdeograph(_:)) else { return nil }
        guard let syllables = Pinyin.parse(reading) else {
            throw src.error(origin + bar + 1, "\"\(reading)\" is not pinyin (write syllables with tone marks or digits, as in {重|chong2})")
        }
        guard syllables.count == written.count else {
            throw src.error(origin + i, "{\(written)|\(reading)} gives \(syllables.count) syllable(s) for \(written.count) character(s)")
        }
        return (written, syllables, close + 1)
    }

    /// `(pīn yīn)` holding pinyin with tones → (numbered syllables, index after the bracket).
    private func parenthesized(at i: Int) -> ([String], Int)? {
        let closer: Character = text[i] == "(" ? ")" : "）"
        guard let close = text[i...].prefix(60).firstIndex(of: closer) else { return nil }
        let inside = String(text[(i + 1)..<close])
        let hasTone = inside.contains { $0.isNumber } || inside.unicodeScalars.contains { Pinyin.toneMarked.contains($0) }
        guard hasTone, inside.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "'" }),
              let syllables = Pinyin.parse(inside), !syllables.isEmpty else { return nil }
        return (syllables, close + 1)
    }
}
