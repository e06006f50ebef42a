import VoxflowKit

/// One planned phrase: the chunk the engine receives, and why it looks the way it does.
public struct PhrasePlan: Sendable {
    public var chunk: ProsodyChunk
    /// Where the emotion came from: "tag", "request", "words \"…\"", "punctuation …".
    public var emotionSource: String?
    /// "rise", "fall" or nil (not a question).
    public var intonation: String?
    var span: TextSpan
    var emotion: Emotion? { chunk.emotion.flatMap(Emotion.init) }

    init(span: TextSpan, words: [SpokenWord], index: Int) {
        self.span = span
        let zh = span.language == "zh"
        let text = words.map { zh ? $0.written : $0.spoken }.joined(separator: zh ? "" : " ")
        let needsWords = words.contains { $0.alphabet != .text }
        chunk = ProsodyChunk(text: text, index: index, pauseAfter: 0, language: span.language, words: needsWords ? words : [])
    }

    mutating func setEmotion(_ e: Emotion, _ intensity: Double, source: String) {
        chunk.emotion = e.rawValue
        chunk.intensity = max(0, min(1, intensity))
        emotionSource = source
    }

    /// Last punctuation mark of the phrase (closing quotes skipped).
    var lastCharacter: Character? {
        var s = Substring(chunk.text)
        while let l = s.last, SentenceGrouper.closers.contains(l) || l == " " { s.removeLast() }
        return s.last
    }
}
