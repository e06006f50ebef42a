import VoxflowKit

/// One phrase being rendered: turns sherpa-onnx's clause-by-clause audio into acoustic chunks.
///
/// ```
/// [pauseBefore zeros + bookmarks] [clause 1 audio, word marks] [clause 2 …] [pauseAfter zeros]
/// ```
/// Each clause's audio leaves as soon as it arrives, in pieces of at most `chunkSamples`, with word marks spread over
/// the clause in proportion to each word's phonemes. Positions are in the phrase's timeline; chunks carry the
/// utterance's (`base` added). Runs on the node's streaming thread (sherpa-onnx calls back on it).
final class SherpaPhraseJob {
    let phrase: Int
    let base: Int
    let rate: Int
    let chunkSamples: Int
    private let gain: Float
    private let residualPitch: Double
    private let phraseDuration: Double?
    private let sink: (AcousticChunk) -> Void
    private(set) var written = 0
    private var pendingMarks: [Mark] = []
    /// Per clause: the words to label and each one's weight (its phoneme count).
    private var clauseWords: [[(label: String, weight: Int)]] = []
    private var clausesReceived = 0

    init(phrase: Int, base: Int, rate: Int, gain: Float, residualPitch: Double, phraseDuration: Double?,
         sink: @escaping (AcousticChunk) -> Void) {
        self.phrase = phrase
        self.base = base
        self.rate = rate
        self.gain = gain
        self.residualPitch = residualPitch
        self.phraseDuration = phraseDuration
        self.sink = sink
        chunkSamples = max(1, rate / 10)
    }

    func start(bookmarks: [String], pause: Int) {
        pendingMarks = bookmarks.map { Mark(.bookmark, $0, start: 0, end: 0) }
        if pause > 0 || !pendingMarks.isEmpty { send([Float](repeating: 0, count: pause)) }
    }

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
        let start = written
        if clausesReceived < clauseWords.count {
            let words = clauseWords[clausesReceived]
            let total = max(1, words.reduce(0) { $0 + $1.weight })
            var at = 0
            for w in words where !w.label.isEmpty {
                let n = samples.count * w.weight / total
                pendingMarks.append(Mark(.word, w.label, start: start + at, end: start + at + max(1, n)))
                at += n
            }
        }
        clausesReceived += 1
        var i = 0
        while i < samples.count {
            let n = min(chunkSamples, samples.count - i)
            send((i..<i + n).map { samples[$0] * gain })
            i += n
        }
    }

    func finish(pause: Int) {
        if pause > 0 || !pendingMarks.isEmpty { send([Float](repeating: 0, count: pause)) }
    }

    private func send(_ samples: [Float]) {
        let end = written + samples.count
        let marks = pendingMarks.filter { $0.start < end || samples.isEmpty }
        pendingMarks.removeAll { $0.start < end || samples.isEmpty }
        sink(AcousticChunk(phrase: phrase, rate: rate, content: .pcm(samples), startFrame: base + written,
                           marks: marks.map { $0.shifted(by: base) }, residualPitch: residualPitch, phraseDuration: phraseDuration))
        written = end
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
