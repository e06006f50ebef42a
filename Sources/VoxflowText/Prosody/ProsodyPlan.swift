import Foundation
import VoxflowKit

/// The prosody plan of a whole text, as `voxflow tag --json` prints it.
public struct ProsodyPlan: Encodable, Sendable {
    public struct Word: Encodable, Sendable {
        public var written: String
        public var spoken: String
        public var alphabet: String
        /// Pinyin in tone marks, for Mandarin words.
        public var pinyin: String?
    }

    public struct Phrase: Encodable, Sendable {
        public var index: Int
        public var text: String
        public var language: String?
        public var words: [Word]?
        public var pause_before: Double
        public var pause_after: Double
        public var rate: Double
        public var pitch: Double
        public var pitch_range: Double
        public var volume: Double
        public var emphasis: Double
        public var question: Bool
        public var intonation: String?
        public var emotion: String?
        public var intensity: Double?
        public var emotion_source: String?
        public var voice: String?
        public var bookmarks: [String]?
        public var duration: Double?
    }

    public struct Sentence: Encodable, Sendable {
        public var index: Int
        public var text: String
        public var phrases: [Phrase]
    }

    public var sentences: [Sentence]

    /// Runs the front end and the tagger on `text`.
    public init(text: String, frontEnd: TextFrontEnd, tagger: ProsodyTagger, controls: Controls = Controls()) throws {
        var next = 0
        sentences = try frontEnd.sentences(text).map { s in
            let plans = tagger.plan(s, controls: controls, firstIndex: next)
            next += plans.count
            return Sentence(index: s.index, text: s.text, phrases: plans.map(Self.phrase))
        }
    }

    static func phrase(_ p: PhrasePlan) -> Phrase {
        let c = p.chunk
        func r(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
        let words = c.words.map { w in
            Word(written: w.written, spoken: w.spoken, alphabet: w.alphabet.rawValue,
                 pinyin: w.alphabet == .pinyin ? marked(w.spoken) : nil)
        }
        return Phrase(index: c.index, text: c.text, language: c.language, words: words.isEmpty ? nil : words,
                      pause_before: r(c.pauseBefore), pause_after: r(c.pauseAfter), rate: r(c.rate), pitch: r(c.pitch),
                      pitch_range: r(c.pitchRange), volume: r(c.volume), emphasis: r(c.emphasis), question: c.isQuestion,
                      intonation: p.intonation, emotion: c.emotion, intensity: c.emotion == nil ? nil : r(c.intensity),
                      emotion_source: p.emotionSource, voice: c.voice, bookmarks: c.bookmarks.isEmpty ? nil : c.bookmarks,
                      duration: c.duration)
    }

    /// A Mandarin reading in tone marks, for display ("yin2 hang2" → "yín háng").
    static func marked(_ numbered: String) -> String {
        numbered.split(separator: " ").map { Pinyin.marked(String($0)) ?? String($0) }.joined(separator: " ")
    }

    public func json(pretty: Bool = true) -> String {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// One line per phrase: what a person reads in a terminal.
    public var text: String {
        var lines: [String] = []
        for s in sentences {
            lines.append("sentence \(s.index + 1): \(s.text)")
            for p in s.phrases {
                var facts = ["pause \(p.pause_after)s"]
                if p.pause_before > 0 { facts.insert("pause before \(p.pause_before)s", at: 0) }
                if let l = p.language { facts.append(l) }
                if p.rate != 1 { facts.append("rate \(p.rate)") }
                if p.pitch != 0 { facts.append("pitch \(p.pitch > 0 ? "+" : "")\(p.pitch) st") }
                if p.pitch_range != 1 { facts.append("range \(p.pitch_range)") }
                if p.volume != 1 { facts.append("volume \(p.volume)") }
                if let i = p.intonation { facts.append("question, \(i)") }
                if p.emphasis > 0 { facts.append("emphasis \(p.emphasis)") }
                if let e = p.emotion { facts.append("\(e) \(p.intensity ?? 0) (\(p.emotion_source ?? ""))") }
                if let b = p.bookmarks { facts.append("marks \(b.joined(separator: ","))") }
                if let d = p.duration { facts.append("duration \(d)s") }
                lines.append("  [\(p.index)] \(p.text)  — \(facts.joined(separator: ", "))")
                if let w = p.words, w.contains(where: { $0.pinyin != nil }) {
                    lines.append("      " + w.map { word in word.pinyin.map { "\(word.written)(\($0))" } ?? word.written }.joined(separator: " "))
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
