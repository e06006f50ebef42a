import VoxflowKit

/// Emotion from the words of a sentence and its punctuation (EmotionLexicon).
extension ProsodyTagger {

    struct Detected {
        var emotion: Emotion
        var intensity: Double
        var source: String
    }

    /// The emotion that delivery words describe ("read it cheerfully" → happy), for directions
    /// given beside the text (the server's OpenAI `instructions`).
    public static func emotion(describedBy text: String) -> (emotion: Emotion, intensity: Double)? {
        let tagger = ProsodyTagger()
        return (tagger.detectMandarin(text) ?? tagger.detectEnglish(text)).map { ($0.emotion, $0.intensity) }
    }

    /// Delivery words, then punctuation.
    func detect(_ sentence: TextChunk) -> Detected? {
        let written = sentence.spans.isEmpty ? sentence.text : sentence.spans.map(\.written).joined(separator: " ")
        if let d = detectMandarin(written) ?? detectEnglish(written) { return d }
        let t = written.trimmingSpaces()
        if t.hasSuffix("?!") || t.hasSuffix("!?") || t.hasSuffix("？！") || t.hasSuffix("！？") {
            return Detected(emotion: .surprised, intensity: 0.6, source: "punctuation \"?!\"")
        }
        return nil
    }

    /// The strongest cue wins (after its degree word); on a tie the later one, since a manner word
    /// ("whispered nervously") refines the verb before it.
    func detectEnglish(_ text: String) -> Detected? {
        let words = text.lowercased().split { !$0.isLetter && $0 != "'" }.map(String.init)
        var best: Detected?
        for (i, w) in words.enumerated() {
            guard let cue = EmotionLexicon.english[w] else { continue }
            var intensity = cue.intensity
            var phrase = w
            if i > 0, let scale = EmotionLexicon.englishDegree[words[i - 1]] {
                intensity *= scale
                phrase = words[i - 1] + " " + w
            }
            if text.contains("!") { intensity += 0.1 }
            let d = Detected(emotion: cue.emotion, intensity: min(1, (intensity * 100).rounded() / 100), source: "words \"\(phrase)\"")
            if d.intensity >= (best?.intensity ?? 0) { best = d }
        }
        return best
    }

    func detectMandarin(_ text: String) -> Detected? {
        guard LanguageRuns.containsHan(text) else { return nil }
        for (cue, c) in EmotionLexicon.mandarin {
            guard let r = text.range(of: cue) else { continue }
            var intensity = c.intensity
            var phrase = cue
            let before = text[..<r.lowerBound]
            if let (d, scale) = EmotionLexicon.mandarinDegree.first(where: { before.hasSuffix($0.key) }) {
                intensity *= scale
                phrase = d + cue
            }
            if text.contains("！") || text.contains("!") { intensity += 0.1 }
            return Detected(emotion: c.emotion, intensity: min(1, (intensity * 100).rounded() / 100), source: "words \"\(phrase)\"")
        }
        return nil
    }
}
