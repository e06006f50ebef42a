import VoxflowKit

/// Word marks for one phrase rendered clause by clause by sherpa-onnx: its C API gives no durations, so each clause's
/// audio is divided among the clause's words in proportion to their phoneme counts (an approximation; a clause whose
/// words cannot be matched gets one mark). Audio and marks go to the `PhraseWriter`. Streaming thread (sherpa-onnx calls
/// back on it).
final class SherpaPhraseJob {
    let writer: PhraseWriter
    /// Per clause: the words to label and each one's weight (its phoneme count).
    private var clauseWords: [[(label: String, weight: Int)]] = []
    private var clausesReceived = 0

    init(writer: PhraseWriter) { self.writer = writer }

    /// The clauses about to be generated (IPA), and the phrase's text, for word marks.
    func expect(clauses: [String], text: String) {
        let textClauses = Self.clauses(of: text)
        guard !clauses.isEmpty else {
            clauseWords = [[(text, 1)]]
            return
        }
        let ipaClauses = clauses.map { $0.split(whereSeparator: { $0 == " " }).map { w in w.unicodeScalars.filter { !",;:.?!".unicodeScalars.contains($0) }.count } }
        if textClauses.count == clauses.count, zip(textClauses, ipaClauses).allSatisfy({ $0.count == $1.filter { $0 > 0 }.count }) {
            clauseWords = zip(textClauses, ipaClauses).map { words, weights in
                zip(words, weights.filter { $0 > 0 }).map { ($0, $1) }
            }
        } else {
            clauseWords = clauses.indices.map { i in [(i < textClauses.count ? textClauses[i].joined(separator: " ") : text, 1)] }
        }
    }

    /// One clause's audio from sherpa-onnx.
    func receive(_ samples: UnsafeBufferPointer<Float>) {
        guard samples.count > 0 else { return }
        let start = writer.received
        if clausesReceived < clauseWords.count {
            let words = clauseWords[clausesReceived]
            let total = max(1, words.reduce(0) { $0 + $1.weight })
            var at = 0
            for w in words where !w.label.isEmpty {
                let n = samples.count * w.weight / total
                writer.word(w.label, start: start + at, end: start + at + max(1, n))
                at += n
            }
        }
        clausesReceived += 1
        writer.audio(samples)
    }

    /// The words of each clause of `text`, cut where espeak-ng cuts clauses (, ; : . ? !).
    static func clauses(of text: String) -> [[String]] {
        var out: [[String]] = [], current: [String] = []
        for token in text.split(whereSeparator: { $0.isWhitespace }) {
            let word = token.trimmingCharacters(in: .punctuationCharacters)
            if !word.isEmpty { current.append(word) }
            if let last = token.last, ",;:.?!".contains(last), !current.isEmpty {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
