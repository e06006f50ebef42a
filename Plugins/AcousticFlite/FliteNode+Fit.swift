import VoxflowKit

extension FliteNode {
    /// Length factors rendered with flite's own duration stretch; a target beyond them is reached by
    /// vocoder.stretch from the nearest end. Word error rate of an offline recognizer (pocketsphinx,
    /// 20 Harvard sentences, 159 words, rms; natural 15.1%), flite's stretch / librubberband R3 on the
    /// natural render: 0.6× 27.7/27.7, 0.7× 18.2/17.6, 0.8× 15.7/15.7, 0.9× 16.4/15.1, 1.15× 17.0/18.2,
    /// 1.3× 22.6/18.2, 1.45× 20.1/25.2, 1.6× 28.3/29.6, 1.8× 34.6/35.2. Intelligibility does not tell
    /// them apart (one word is 0.6 points); flite's stretch keeps the engine's own timing and word
    /// marks and adds no phase-vocoder colour, so it goes first over the span where both stay within
    /// a few points of natural speech, and the vocoder takes the (small) rest.
    static let nativeRange: ClosedRange<Double> = 0.75...1.35

    /// An utterance with a duration target, at its `end`: fitted natively within `nativeRange`
    /// (`NativeFit.render`), the rest left to vocoder.stretch.
    func renderFitted(_ phrases: [Phrase], voice: String, controls: Controls, id: UtteranceID, context: NodeContext) throws {
        try NativeFit.render(controls, rate: FliteVoices.rate, range: Self.nativeRange, id: id, context: context) { factor, sink in
            var cursor = 0
            for p in phrases {
                guard let n = try render(p, voice: voice, base: cursor, lengthFactor: factor, id: id, context: context, sink: sink)
                else { return false }
                cursor += n
            }
            return true
        }
    }
}
