import VoxflowKit

extension EspeakNode {
    /// Length factors reached through espeak-ng's rate (words per minute ÷ factor); a target beyond
    /// them is reached by vocoder.stretch from the nearest end. At rate 1 this is 117–250 words per
    /// minute, well inside espeak-ng's 80–450, where its length follows the rate closely (2× rate
    /// measured 2.06× shorter) and its formant synthesis loses nothing to a phase vocoder. (A
    /// recognizer cannot rank it: espeak-ng scores 79% word error rate at its natural rate.)
    static let nativeRange: ClosedRange<Double> = 0.7...1.5

    /// An utterance with a duration target, at its `end`: renders it into memory at its natural
    /// rate, measures the speech (silence trimmed, as vocoder.stretch does), renders it again at the
    /// rate that brings it closest to the target within `nativeRange` — pauses scaled alike — and
    /// emits that with the natural length for vocoder.stretch on the first chunk (`AcousticChunk.nativeFit`).
    /// When the factor is 1 the first render is emitted. Posts `engine_natural_seconds`,
    /// `engine_rate`, `engine_length_factor` and `engine_target_seconds`.
    func renderFitted(_ phrases: [Phrase], _ st: inout UtteranceState, id: UtteranceID, context: NodeContext) throws {
        let rate = EspeakEngine.rate
        let natural = ChunkRelay()
        var cursor = 0
        for p in phrases {
            guard let n = try render(p, &st, base: cursor, lengthFactor: 1, id: id, context: context, sink: natural.keep) else { return }
            cursor += n
        }
        let naturalFrames = NativeFit.speechFrames(natural.kept)
        let naturalSeconds = Double(naturalFrames) / Double(rate)
        let target = NativeFit.target(st.controls, natural: naturalSeconds)
        let factor = NativeFit.lengthFactor(target: target, natural: naturalSeconds, range: Self.nativeRange)

        let out = ChunkRelay(id: id, context: context, note: NativeFitNote(naturalFrames: naturalFrames, lengthFactor: factor))
        if factor == 1 {
            natural.kept.forEach(out.send)
        } else {
            cursor = 0
            for p in phrases {
                guard let n = try render(p, &st, base: cursor, lengthFactor: factor, id: id, context: context, sink: out.send) else { return }
                cursor += n
            }
        }
        context.post(.statistics(utterance: id, values: NativeFit.statistics(naturalFrames: naturalFrames, rate: rate,
                                                                           lengthFactor: factor, target: target)))
    }
}
