import VoxflowKit

/// Normalized words → sentences of spans.
///
/// A sentence ends after a word ending in `.` `!` `?` `…` (or `。！？`), possibly followed by closing
/// quotes and brackets, unless a quotation is still open or the next word starts in lower case;
/// and wherever markup ended one (`</s>`, `</p>`). Numbers and abbreviations never end a sentence
/// here because the normalizers have already written them out.
enum SentenceGrouper {
    static let terminators: Set<Character> = [".", "!", "?", "…", "。", "！", "？"]
    static let closers: Set<Character> = ["\"", "'", ")", "]", "}", "”", "’", "」", "』", "）", "》"]
    static let openQuotes: Set<Character> = ["“", "「", "『", "《"]
    static let closeQuotes: Set<Character> = ["”", "」", "』", "》"]

    static func sentences(_ tokens: [Token]) -> [TextChunk] {
        var sentences: [[Token]] = []
        var current: [Token] = []
        var quoteDepth = 0
        var straightOpen = false
        // A terminator seen, followed only by closing quotes and brackets so far.
        var terminal = false
        for (k, t) in tokens.enumerated() {
            current.append(t)
            for c in t.word.spoken {
                if openQuotes.contains(c) { quoteDepth += 1 }
                if closeQuotes.contains(c) { quoteDepth = max(0, quoteDepth - 1) }
                if c == "\"" { straightOpen.toggle() }
                if terminators.contains(c) { terminal = true } else if !closers.contains(c) { terminal = false }
            }
            let next = k + 1 < tokens.count ? tokens[k + 1] : nil
            let nextLower = next?.word.written.first?.isLowercase == true && next?.language == "en"
            // "。" followed by a token that is only "”": the sentence ends after the quote.
            let nextCloses = next.map { !$0.word.spoken.isEmpty && $0.word.spoken.allSatisfy(closers.contains) } ?? false
            let quoted = quoteDepth > 0 || straightOpen
            if t.sentenceEnd || (terminal && !quoted && !nextLower && !nextCloses) || next == nil {
                terminal = false
                sentences.append(current)
                current = []
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences.enumerated().map { i, tokens in chunk(tokens, index: i) }
    }

    /// Consecutive words of one language and style form a span; a pause or bookmark starts a new one.
    static func chunk(_ tokens: [Token], index: Int) -> TextChunk {
        var spans: [TextSpan] = []
        var group: [Token] = []
        func close() {
            guard let first = group.first else { return }
            let sep = first.language == "zh" ? "" : " "
            // The span's text is what is said, in the span's script: a Mandarin word's Hanzi, not its pinyin.
            let said = group.map { $0.word.alphabet == .text ? $0.word.spoken : $0.word.written }
            spans.append(TextSpan(text: said.joined(separator: sep),
                                  written: group.map(\.word.written).joined(separator: sep),
                                  language: first.language, words: group.map(\.word), style: first.style,
                                  pauseBefore: first.pauseBefore, bookmarks: first.bookmarks))
            group = []
        }
        for t in tokens {
            if let g = group.first, g.language != t.language || g.style != t.style || t.pauseBefore > 0 || !t.bookmarks.isEmpty {
                close()
            }
            group.append(t)
        }
        close()
        return TextChunk(text: joined(spans), index: index, spans: spans)
    }

    /// Span texts joined: a space between spans unless Mandarin meets anything.
    static func joined(_ spans: [TextSpan]) -> String {
        var out = ""
        for (i, s) in spans.enumerated() where !s.text.isEmpty {
            if i > 0, !out.isEmpty, s.language != "zh", spans[i - 1].language != "zh" { out += " " }
            out += s.text
        }
        return out
    }
}
