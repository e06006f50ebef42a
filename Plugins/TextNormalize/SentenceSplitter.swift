import VoxflowKit

/// Splits cleaned text into sentences at `.`, `!`, `?`, `…` (and the full-width 。！？)
/// followed by white space, keeping closing quotes and brackets with their sentence. It does
/// not split after common abbreviations ("Dr.", "e.g."), after single-letter initials, inside
/// numbers ("3.5"), or before a lower-case word.
enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "fig",
        "mt", "inc", "ltd", "co", "corp", "approx", "dept", "est", "gen", "gov", "lt", "col", "sgt",
        "capt", "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    static let terminators: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
    static let closers: Set<Character> = ["\"", "'", ")", "]", "}", "”", "’", "」", "』", "）"]
    static let wideTerminators: Set<Character> = ["。", "！", "？"]

    static func split(_ text: String) -> [String] {
        let chars = Array(text)
        var sentences: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard terminators.contains(c) else { i += 1; continue }
            var end = i + 1
            while end < chars.count, terminators.contains(chars[end]) || closers.contains(chars[end]) { end += 1 }
            // Full-width terminators end a sentence with or without a following space.
            let atBoundary = end == chars.count || chars[end] == " " || wideTerminators.contains(c)
            if atBoundary && !(c == "." && isAbbreviationOrInitial(chars, dot: i)) && !nextIsLowercase(chars, from: end) {
                let s = String(chars[start..<end]).trimmingSpaces()
                if !s.isEmpty { sentences.append(s) }
                start = end
            }
            i = end
        }
        let rest = String(chars[start...]).trimmingSpaces()
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    private static func isAbbreviationOrInitial(_ chars: [Character], dot: Int) -> Bool {
        var j = dot - 1
        while j >= 0, chars[j] != " " { j -= 1 }
        let word = String(chars[(j + 1)..<dot]).lowercased()
        if word.count == 1, word.first!.isLetter { return true }
        return abbreviations.contains(word.trimmingCharacters(in: ["(", "\"", "'"]))
    }

    private static func nextIsLowercase(_ chars: [Character], from: Int) -> Bool {
        var k = from
        while k < chars.count, chars[k] == " " { k += 1 }
        return k < chars.count && chars[k].isLowercase
    }
}

extension String {

    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
