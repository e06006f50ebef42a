import VoxflowKit

extension EspeakNode {
    /// Length factors reached through espeak-ng's rate (words per minute ÷ factor); a target beyond
    /// them is reached by vocoder.stretch from the nearest end. At rate 1 this is 117–250 words per
    /// minute, well inside espeak-ng's 80–450, where its length follows the rate closely (2× rate
    /// measured 2.06× shorter) and its formant synthesis loses nothing to a phase vocoder. (A
    /// recognizer cannot rank it: espeak-ng scores 79% word error rate at its natural rate.)
    static let nativeRange: ClosedRange<Double> = 0.7...1.5

    /// An utterance with a duration target, at its `end`: fitted natively within `nativeRange`
    /// (`NativeFit.render`), the rest left to vocoder.stretch.
    func renderFitted(_ phrases: [Phrase], _ st: inout UtteranceState, id: UtteranceID, context: NodeContext) throws {
        try NativeFit.render(st.controls, rate: EspeakEngine.rate, range: Self.nativeRange, id: id, context: context) { factor, sink in
            var cursor = 0
            for p in phrases {
                guard let n = try render(p, &st, base: cursor, lengthFactor: factor, id: id, context: context, sink: sink)
                else { return false }
                cursor += n
            }
            return true
        }
    }
}
