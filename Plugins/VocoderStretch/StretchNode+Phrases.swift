import Foundation
import VoxflowKit

extension StretchNode {
    /// Fits phrases that carry a duration target (SSML `<prosody duration="2s">`) inside an
    /// utterance that has none: each such phrase's speech (its silence trimmed, its pauses kept) is
    /// stretched to its target, everything else keeps its length, in one librubberband pass whose key
    /// frame map pins every phrase boundary and word start to its place on the output. Statistics:
    /// `phrase_N_natural_seconds`, `phrase_N_target_seconds`, `phrase_N_fitted_seconds`.
    func fitPhrases(_ buffer: UtteranceBuffer, policy: FitPolicy, id: UtteranceID, context: NodeContext) throws {
        let n = buffer.samples.count, r = Double(rate), origin = buffer.origin
        var map = PiecewiseMap()
        var values: [String: Double] = [:]
        for (k, p) in buffer.phrases.enumerated() {
            guard let target = buffer.phraseTargets[p.phrase] else { continue }
            let a = p.start - origin, b = k + 1 < buffer.phrases.count ? buffer.phrases[k + 1].start - origin : n
            guard a < b, let speech = buffer.samples[a..<b].withUnsafeBufferPointer({ SilenceTrim.speech(in: $0, threshold: settings.trimThreshold) })
            else { continue }
            let natural = Double(speech.count) / r
            let plan = try FitPlan(target: .seconds(target), natural: natural, policy: policy)
            if let w = plan.warning { context.post(.warning(NodeWarning(w, utterance: id, phrase: p.phrase))) }
            map.add(input: (a + speech.lowerBound)..<(a + speech.upperBound), outputLength: max(1, Int((plan.fitted * r).rounded())))
            values["phrase_\(p.phrase)_natural_seconds"] = natural
            values["phrase_\(p.phrase)_target_seconds"] = target
            values["phrase_\(p.phrase)_fitted_seconds"] = plan.fitted
        }
        let length = map.output(n)
        let writer = AudioWriter(rate: rate, utterance: id, origin: origin, context: context)
        writer.gain = liveValues.gain
        writer.limit = length
        writer.add(marks: buffer.marks.map { m in
            let s = min(origin + map.output(m.start - origin), origin + max(length - 1, 0))
            return Mark(m.kind, m.text, start: s, end: max(s, origin + map.output(m.end - origin)))
        })
        for p in buffer.phrases { writer.phrase(p.phrase, startsAt: origin + map.output(p.start - origin)) }
        try Renderer(rate: rate, settings: settings, realtime: false)
            .render(buffer, span: 0..<n, length: length, keyFrames: map.keyFrames(words: buffer.marks.map { $0.start - origin },
                                                                                inputLength: n, outputLength: length),
                    into: writer) { context.isCancelled(id) }
        guard !context.isCancelled(id) else { return }
        writer.finish(length: length)
        values["achieved_seconds"] = Double(writer.written) / r
        context.post(.statistics(utterance: id, values: values))
    }
}

/// Input frame → output frame when some spans are stretched to given lengths and the rest keeps
/// its length. Spans are added in order and do not overlap.
struct PiecewiseMap {
    private(set) var spans: [(input: Range<Int>, outputLength: Int)] = []

    mutating func add(input: Range<Int>, outputLength: Int) { spans.append((input, outputLength)) }

    func output(_ t: Int) -> Int {
        var shift = 0
        for s in spans {
            if t <= s.input.lowerBound { break }
            if t < s.input.upperBound {
                let inside = Double(t - s.input.lowerBound) * Double(s.outputLength) / Double(s.input.count)
                return s.input.lowerBound + shift + Int(inside.rounded())
            }
            shift += s.outputLength - s.input.count
        }
        return t + shift
    }

    /// Span edges and word starts as librubberband key frames: strictly increasing, strictly inside.
    func keyFrames(words: [Int], inputLength: Int, outputLength: Int) -> [(input: Int, output: Int)] {
        let points = (spans.flatMap { [$0.input.lowerBound, $0.input.upperBound] } + words).sorted()
        var out: [(input: Int, output: Int)] = []
        for i in points {
            let o = output(i)
            guard i > 0, i < inputLength, o > 0, o < outputLength else { continue }
            if let last = out.last, i <= last.input || o <= last.output { continue }
            out.append((i, o))
        }
        return out
    }
}
