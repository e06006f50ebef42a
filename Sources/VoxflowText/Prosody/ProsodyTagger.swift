import VoxflowKit

/// Sentence → phrases with pauses, intonation, emphasis and emotion, mapped to controls.
///
/// Decisions, in order:
/// 1. phrases: a span (one language, one style) is cut after clause punctuation (`,` `;` `:`
///    dashes, `，、；：`); phrases shorter than `minPhraseWords` are joined to the next one in the span;
/// 2. pauses: from a table keyed by the punctuation that ends the phrase, scaled by the emotion;
///    markup pauses come before the phrase;
/// 3. intonation: a sentence ending in `?` is a question; a yes/no question (not starting with a
///    question word; in Mandarin ending in 吗) rises on its last phrase, a wh-question falls;
/// 4. emotion: an inline tag wins, then the utterance's own emotion, then delivery words in the
///    sentence ("whispered nervously", "冷笑一声"), then punctuation ("?!"); degree words scale it;
/// 5. controls: utterance × markup × emotion table × emphasis.
public struct ProsodyTagger: Sendable {
    public var phrasePause: Double
    public var sentencePause: Double
    public var minPhraseWords: Int
    public var emotions: EmotionTable
    public var detectEmotion: Bool

    public init(phrasePause: Double = 0.12, sentencePause: Double = 0.3, minPhraseWords: Int = 3,
                emotions: EmotionTable = .standard, detectEmotion: Bool = true) {
        self.phrasePause = phrasePause
        self.sentencePause = sentencePause
        self.minPhraseWords = minPhraseWords
        self.emotions = emotions
        self.detectEmotion = detectEmotion
    }

    /// Pause after a phrase, as a multiple of `phrasePause` (clauses) or `sentencePause` (sentences).
    static let clausePauses: [Character: Double] = [
        ",": 1, "，": 1, "、": 0.6, ";": 1.6, "；": 1.6, ":": 1.4, "：": 1.4, "—": 1.3, "–": 1.3,
    ]
    static let sentencePauses: [Character: Double] = [".": 1, "。": 1, "!": 1.1, "！": 1.1, "?": 1.1, "？": 1.1, "…": 1.6]
    static let questionWords: Set<String> = ["what", "where", "when", "why", "who", "whom", "whose", "which", "how"]
    static let mandarinQuestionWords = ["什么", "哪", "谁", "为什么", "怎么", "几", "多少", "怎样"]
    /// Emphasis at full strength: slower, higher, louder, livelier.
    static let emphasisStyle = EmotionStyle(rate: 0.9, pitch: 1.5, pitchRange: 1.3, energy: 1.25)
    /// A yes/no question's last phrase.
    static let risingStyle = EmotionStyle(pitch: 1.5, pitchRange: 1.2)

    /// The phrases of one sentence, numbered from `firstIndex`.
    public func plan(_ sentence: TextChunk, controls: Controls, firstIndex: Int) -> [PhrasePlan] {
        let spans = sentence.spans.isEmpty ? [TextSpan(text: sentence.text, language: controls.language.map(TextFrontEnd.family))] : sentence.spans
        let detected = detectEmotion ? detect(sentence) : nil
        let question = questionKind(sentence)
        var phrases: [PhrasePlan] = []
        for span in spans {
            // A span with a duration target is one phrase: the target is the length of all of it.
            let parts = span.style.duration == nil ? split(span) : [split(span).flatMap { $0 }]
            for (k, words) in parts.enumerated() {
                var plan = PhrasePlan(span: span, words: words, index: firstIndex + phrases.count)
                if k == 0 {
                    plan.chunk.pauseBefore = span.pauseBefore
                    plan.chunk.bookmarks = span.bookmarks
                }
                phrases.append(plan)
            }
        }
        for i in phrases.indices {
            let last = i == phrases.count - 1
            var p = phrases[i]
            // Emotion: tag, utterance, lexicon, punctuation.
            if let e = p.span.style.emotion, let emotion = Emotion(rawValue: e) {
                p.setEmotion(emotion, p.span.style.intensity ?? 0.6, source: "tag")
            } else if let e = controls.emotion, let emotion = Emotion(rawValue: e) {
                p.setEmotion(emotion, controls.intensity, source: "request")
            } else if let d = detected {
                p.setEmotion(d.emotion, d.intensity, source: d.source)
            }
            let style = p.emotion.map { emotions[$0].scaled(by: p.chunk.intensity) } ?? EmotionStyle()
            let emphasis = Self.emphasisStyle.scaled(by: p.span.style.emphasis)
            var rise = EmotionStyle()
            p.chunk.isSentenceEnd = last
            if last, let q = question {
                p.chunk.isQuestion = true
                p.intonation = q
                if q == "rise" { rise = Self.risingStyle }
            }
            p.chunk.rate = controls.rate * p.span.style.rate * style.rate * emphasis.rate
            p.chunk.pitch = controls.pitch + p.span.style.pitch + style.pitch + emphasis.pitch + rise.pitch
            p.chunk.pitchRange = style.pitchRange * emphasis.pitchRange * rise.pitchRange
            p.chunk.volume = controls.volume * p.span.style.volume * style.energy * emphasis.energy
            p.chunk.emphasis = p.span.style.emphasis
            p.chunk.voice = p.span.style.voice
            p.chunk.duration = p.span.style.duration
            let end = p.lastCharacter
            let base = last ? sentencePause * (end.flatMap { Self.sentencePauses[$0] } ?? 1)
                            : phrasePause * (end.flatMap { Self.clausePauses[$0] } ?? 0)
            p.chunk.pauseAfter = (base * style.pauseScale * 1000).rounded() / 1000
            phrases[i] = p
        }
        return phrases
    }

    // MARK: phrases

    /// A span's words cut after clause punctuation, short pieces joined to the next.
    func split(_ span: TextSpan) -> [[SpokenWord]] {
        let words = span.words.isEmpty
            ? span.text.split(separator: " ").map { SpokenWord(written: String($0), spoken: String($0), alphabet: .text) }
            : span.words
        if words.isEmpty { return [[]] }
        var raw: [[SpokenWord]] = []
        var current: [SpokenWord] = []
        for w in words {
            current.append(w)
            if let last = w.spoken.last, Self.clausePauses[last] != nil, w.alphabet == .text { raw.append(current); current = [] }
        }
        if !current.isEmpty { raw.append(current) }
        var out: [[SpokenWord]] = []
        var pending: [SpokenWord] = []
        for part in raw {
            pending += part
            if Self.wordCount(pending) >= minPhraseWords { out.append(pending); pending = [] }
        }
        if !pending.isEmpty {
            if out.isEmpty { out.append(pending) } else { out[out.count - 1] += pending }
        }
        return out
    }

    /// Words that count toward a phrase's length: each Mandarin syllable counts as one.
    static func wordCount(_ words: [SpokenWord]) -> Int {
        words.reduce(0) { n, w in
            switch w.alphabet {
            case .pinyin: return n + w.spoken.split(separator: " ").count
            default: return n + (w.spoken.contains { $0.isLetter || $0.isNumber } ? 1 : 0)
            }
        }
    }

    // MARK: intonation

    func questionKind(_ sentence: TextChunk) -> String? {
        let text = sentence.text.trimmingSpaces()
        var s = Substring(text)
        while let l = s.last, SentenceGrouper.closers.contains(l) { s.removeLast() }
        guard let last = s.last, last == "?" || last == "？" else { return nil }
        if sentence.spans.last?.language == "zh" || LanguageRuns.containsHan(text) {
            let body = s.dropLast()
            if body.hasSuffix("吗") { return "rise" }
            return Self.mandarinQuestionWords.contains { body.contains($0) } ? "fall" : "rise"
        }
        let first = text.split(separator: " ").first.map { $0.lowercased().filter(\.isLetter) } ?? ""
        return Self.questionWords.contains(first) ? "fall" : "rise"
    }
}
