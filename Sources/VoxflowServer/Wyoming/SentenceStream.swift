/// Cuts text that arrives in pieces (Wyoming's `synthesize-chunk`) into whole sentences as soon as
/// each one is complete, so speech starts before the last piece arrives. A sentence ends at `.`,
/// `!`, `?` or `…` (with any closing quotes or brackets) followed by white space, or at a CJK full
/// stop (`。！？`). A period after an initial or a common abbreviation ("Dr.", "e.g.") does not end one.
struct SentenceStream {
    private var buffer = ""

    /// Characters waiting for the end of their sentence.
    var pendingCount: Int { buffer.count }

    /// Adds a piece; returns the sentences it completed, in order.
    mutating func add(_ piece: String) -> [String] {
        buffer += piece
        var out: [String] = []
        while let end = firstBoundary() {
            let s = String(buffer[..<end]).trimmingWhitespace
            buffer = String(buffer[end...])
            if !s.isEmpty { out.append(s) }
        }
        return out
    }

    /// The text that never got its end (at `synthesize-stop`).
    mutating func rest() -> String? {
        defer { buffer = "" }
        let s = buffer.trimmingWhitespace
        return s.isEmpty ? nil : s
    }

    private static let terminal: Set<Character> = [".", "!", "?", "…"]
    private static let cjkTerminal: Set<Character> = ["。", "！", "？"]
    private static let closing: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»", "」", "』"]
    private static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "vs", "etc", "e.g", "i.e", "no", "mt"]

    /// The index just past the first complete sentence's last character.
    private func firstBoundary() -> String.Index? {
        var i = buffer.startIndex
        while i < buffer.endIndex {
            let c = buffer[i]
            if Self.cjkTerminal.contains(c) {
                var j = buffer.index(after: i)
                while j < buffer.endIndex, Self.closing.contains(buffer[j]) { j = buffer.index(after: j) }
                return j
            }
            if Self.terminal.contains(c) {
                var j = buffer.index(after: i)
                while j < buffer.endIndex, Self.terminal.contains(buffer[j]) || Self.closing.contains(buffer[j]) { j = buffer.index(after: j) }
                if j < buffer.endIndex, buffer[j].isWhitespace, !(c == "." && isAbbreviation(before: i)) { return j }
                i = j
                continue
            }
            i = buffer.index(after: i)
        }
        return nil
    }

    private func isAbbreviation(before dot: String.Index) -> Bool {
        var start = dot
        while start > buffer.startIndex, !buffer[buffer.index(before: start)].isWhitespace { start = buffer.index(before: start) }
        let word = buffer[start..<dot].lowercased().filter { $0.isLetter || $0 == "." }
        return (word.count == 1 && word.first!.isLetter) || Self.abbreviations.contains(word)
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
