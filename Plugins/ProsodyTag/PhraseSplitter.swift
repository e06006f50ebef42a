import VoxflowKit

/// Splits a sentence into phrases after `,` `;` `:` and dashes (and their full-width forms) when
/// white space follows, so "1,000" stays whole. Phrases shorter than `minWords` words are joined
/// to the next one so that no phrase is a lone "Well,".
enum PhraseSplitter {
    static let breaks: Set<Character> = [",", ";", ":", "—", "–", "，", "；", "：", "、"]
    static let wide: Set<Character> = ["，", "；", "：", "、"]

    static func split(_ sentence: String, minWords: Int) -> [String] {
        var raw: [String] = []
        var current = ""
        let chars = Array(sentence)
        for (i, c) in chars.enumerated() {
            current.append(c)
            let next = i + 1 < chars.count ? chars[i + 1] : " "
            if breaks.contains(c), next == " " || wide.contains(c) {
                raw.append(current)
                current = ""
            }
        }
        raw.append(current)
        var out: [String] = []
        var pending = ""
        for part in raw.map({ $0.trimmingSpaces() }) where !part.isEmpty {
            pending = pending.isEmpty ? part : pending + " " + part
            if wordCount(pending) >= minWords { out.append(pending); pending = "" }
        }
        if !pending.isEmpty {
            if let last = out.popLast() { out.append(last + " " + pending) } else { out.append(pending) }
        }
        return out
    }

    /// Words separated by spaces; each Han character counts as a word.
    static func wordCount(_ s: String) -> Int {
        var n = 0, inWord = false
        for ch in s {
            if ch.unicodeScalars.first.map({ (0x4E00...0x9FFF).contains($0.value) }) == true { n += 1; inWord = false }
            else if ch == " " { inWord = false }
            else if !inWord, ch.isLetter || ch.isNumber { n += 1; inWord = true }
        }
        return n
    }
}

