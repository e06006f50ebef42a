import VoxflowKit

/// Renders buffered speech through librubberband: a span of an `UtteranceBuffer` to exactly a
/// given number of frames, with the buffer's pitch shifts.
///
/// - Time ratio 1 and no pitch: the samples as they are.
/// - One pitch for the whole span (the common case): one stretcher, time ratio and pitch together.
///   Offline mode studies the input first, pins word starts with a key frame map, and is exact.
/// - Pitch changing between phrases (an offline stretcher cannot change it once started): first a
///   real-time stretcher shifts pitch at time ratio 1 (aligned: start pad in, start delay out),
///   then the time ratio is applied with pitch unchanged.
///
/// The stretcher sees up to `margin` frames of what surrounds the span (the silence that was
/// trimmed), and the output of the span alone is cut from its output: the first and last
/// milliseconds of speech then come out of librubberband whole rather than faded by its windows.
struct Renderer {
    let rate: Int
    let settings: StretchSettings
    let realtime: Bool
    /// 20 ms of context on each side of the span.
    var margin: Int { rate / 50 }

    func render(_ buffer: UtteranceBuffer, span: Range<Int>, length: Int, keyFrames: [(input: Int, output: Int)],
                into writer: AudioWriter, stop: () -> Bool) throws {
        let ratio = Double(length) / Double(max(span.count, 1))
        let context = max(0, span.lowerBound - margin)..<min(buffer.samples.count, span.upperBound + margin)
        let pitches = buffer.pitchChanges(in: context)
        var skip = Int((Double(span.lowerBound - context.lowerBound) * ratio).rounded())
        let out: (UnsafeBufferPointer<Float>) -> Void = { s in
            let drop = min(skip, s.count)
            skip -= drop
            writer.append(UnsafeBufferPointer(rebasing: s[drop...]))
            writer.flush(all: false)
        }
        let lead = span.lowerBound - context.lowerBound, leadOut = Int((Double(lead) * ratio).rounded())
        let keys = keyFrames.map { (input: $0.input + lead, output: $0.output + leadOut) }
        try buffer.samples.withUnsafeBufferPointer { all in
            if pitches.count == 1, pitches[0].semitones == 0, length == span.count {
                return writer.append(UnsafeBufferPointer(rebasing: all[span]))
            }
            let input = UnsafeBufferPointer(rebasing: all[context])
            if pitches.count == 1 {
                return try stretch(input, ratio: ratio, semitones: pitches[0].semitones, keyFrames: keys, stop: stop, output: out)
            }
            let shifted = try shift(input, pitches, stop: stop)
            try shifted.withUnsafeBufferPointer { s in
                if length == span.count { return out(s) }
                try stretch(s, ratio: ratio, semitones: 0, keyFrames: keys, stop: stop, output: out)
            }
        }
    }

    private func stretch(_ input: UnsafeBufferPointer<Float>, ratio: Double, semitones: Double, keyFrames: [(input: Int, output: Int)],
                         stop: () -> Bool, output: (UnsafeBufferPointer<Float>) -> Void) throws {
        let rb = try RubberBand(rate: rate, realtime: realtime, finer: settings.finer, formant: settings.formant,
                                timeRatio: ratio, pitchSemitones: semitones)
        if !realtime {
            rb.expect(inputFrames: input.count)
            rb.study(input)
            rb.setKeyFrames(keyFrames)
        }
        rb.process(input, final: true, stop: stop, output: output)
    }

    /// Pitch only, changing where `pitches` say; exactly as long as the input.
    private func shift(_ input: UnsafeBufferPointer<Float>, _ pitches: [(start: Int, semitones: Double)], stop: () -> Bool) throws -> [Float] {
        let rb = try RubberBand(rate: rate, realtime: true, finer: settings.finer, formant: settings.formant,
                                timeRatio: 1, pitchSemitones: pitches[0].semitones)
        var out: [Float] = []
        out.reserveCapacity(input.count + RubberBand.blockSize)
        for (i, p) in pitches.enumerated() {
            let end = i + 1 < pitches.count ? pitches[i + 1].start : input.count
            rb.setPitch(semitones: p.semitones)
            rb.process(UnsafeBufferPointer(rebasing: input[p.start..<end]), final: i + 1 == pitches.count, stop: stop) {
                out.append(contentsOf: $0)
            }
        }
        if out.count < input.count { out.append(contentsOf: repeatElement(0, count: input.count - out.count)) }
        out.removeLast(out.count - input.count)
        return out
    }
}
