import VoxflowKit

/// An utterance (or its part from `origin` on) held until `end`: samples in the utterance's
/// timeline, its marks, where each phrase starts and the pitch shift each chunk asked for.
struct UtteranceBuffer {
    /// Utterance frame of `samples[0]`.
    let origin: Int
    var samples: [Float] = []
    var marks: [Mark] = []
    var phrases: [(start: Int, phrase: Int)] = []
    /// Pitch shift (semitones) from each frame on, one entry per change.
    var pitches: [(start: Int, semitones: Double)] = []
    /// Phrase index → the length its speech must have, in seconds (`AcousticChunk.phraseDuration`).
    var phraseTargets: [Int: Double] = [:]

    init(origin: Int) { self.origin = origin }

    /// Appends a chunk at its place (`startFrame`; a gap becomes silence).
    mutating func append(_ input: [Float], startFrame: Int, marks new: [Mark], phrase: Int, semitones: Double,
                         phraseDuration: Double? = nil) {
        if let d = phraseDuration { phraseTargets[phrase] = d }
        let at = startFrame - origin
        if at > samples.count { samples.append(contentsOf: repeatElement(0, count: at - samples.count)) }
        let start = origin + samples.count
        if samples.isEmpty, samples.capacity < input.count * 16 { samples.reserveCapacity(input.count * 16) }
        samples.append(contentsOf: input)
        marks += new
        if phrases.last?.phrase != phrase { phrases.append((start, phrase)) }
        if pitches.last?.semitones != semitones { pitches.append((start, semitones)) }
    }

    /// The pitch changes inside buffer span `span`, relative to its start (the first at 0).
    func pitchChanges(in span: Range<Int>) -> [(start: Int, semitones: Double)] {
        var out: [(start: Int, semitones: Double)] = []
        for (i, p) in pitches.enumerated() {
            let from = p.start - origin, to = i + 1 < pitches.count ? pitches[i + 1].start - origin : Int.max
            guard to > span.lowerBound, from < span.upperBound else { continue }
            let at = max(from, span.lowerBound) - span.lowerBound
            if out.last?.semitones != p.semitones { out.append((at, p.semitones)) }
        }
        return out.isEmpty ? [(0, 0)] : out
    }
}

/// A fit's time map: utterance frame t of the input → utterance frame of the output, the speech
/// span `[speechStart, speechStart + inputLength)` scaled linearly onto `[0, outputLength)`.
/// Monotonic; everything before the speech goes to 0, everything after it to the end.
struct TimeMap {
    let speechStart: Int
    let inputLength: Int
    let outputLength: Int

    func frame(_ t: Int) -> Int {
        guard inputLength > 0 else { return 0 }
        let x = (Double(t - speechStart) * Double(outputLength) / Double(inputLength)).rounded()
        return Int(min(max(x, 0), Double(outputLength)))
    }

    /// The mark moved onto the output: it starts inside the audio and ends at or after its start.
    func map(_ m: Mark) -> Mark {
        let s = min(frame(m.start), max(outputLength - 1, 0))
        return Mark(m.kind, m.text, start: s, end: max(s, frame(m.end)))
    }

    /// Input/output frame pairs (relative to the speech span) that pin word starts for
    /// librubberband's key frame map: strictly increasing, strictly inside both spans.
    func keyFrames(_ marks: [Mark]) -> [(input: Int, output: Int)] {
        var out: [(input: Int, output: Int)] = []
        for m in marks where m.kind == .word {
            let i = m.start - speechStart, o = frame(m.start)
            guard i > 0, i < inputLength, o > 0, o < outputLength else { continue }
            if let last = out.last, i <= last.input || o <= last.output { continue }
            out.append((i, o))
        }
        return out
    }
}
