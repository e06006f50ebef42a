import VoxflowKit

extension SherpaNode {
    /// Length factors reached through the model's speed (its length scale); a target beyond them is reached by
    /// vocoder.stretch from the nearest end. VITS durations scale linearly with the length scale.
    static let nativeRange: ClosedRange<Double> = 0.7...1.5

    /// An utterance with a duration target, at its `end`: fitted natively within `nativeRange` (`NativeFit.render`),
    /// the rest left to vocoder.stretch.
    func renderFitted(_ phrases: [Phrase], _ st: inout UtteranceState, id: UtteranceID, context: NodeContext) throws {
        let voice = st.voice
        try NativeFit.render(st.controls, rate: rate, range: Self.nativeRange, id: id, context: context) { factor, sink in
            var cursor = 0
            for p in phrases {
                guard let n = try render(p, voice, base: cursor, lengthFactor: factor, id: id, context: context, sink: sink)
                else { return false }
                cursor += n
            }
            return true
        }
    }
}
