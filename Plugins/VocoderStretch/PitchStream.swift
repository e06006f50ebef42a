import VoxflowKit

/// Pitch shift while the utterance streams (no duration target): from the first chunk that needs a
/// shift on, every chunk goes through one real-time stretcher at time ratio 1, whose pitch follows
/// each chunk's shift. What comes out leaves at once; at `end` the stretcher is flushed and the
/// output made exactly as long as the input, so audio and marks keep their positions (marks are
/// not moved: output frame k is input frame k, start delay compensated).
final class PitchStream {
    private let rubberBand: RubberBand
    private let writer: AudioWriter
    /// Input frames fed.
    private var fed = 0

    init(rate: Int, settings: StretchSettings, semitones: Double, utterance: UtteranceID, origin: Int, context: NodeContext) throws {
        rubberBand = try RubberBand(rate: rate, realtime: true, finer: settings.finer, formant: settings.formant,
                                    timeRatio: 1, pitchSemitones: semitones)
        writer = AudioWriter(rate: rate, utterance: utterance, origin: origin, context: context)
    }

    func feed(_ samples: [Float], startFrame: Int, marks: [Mark], phrase: Int, semitones: Double, gain: Float) {
        let gap = startFrame - (writer.origin + fed)
        if gap > 0 { feed(zeros: gap) }
        writer.gain = gain
        writer.add(marks: marks)
        writer.phrase(phrase, startsAt: writer.origin + fed)
        rubberBand.setPitch(semitones: semitones)
        samples.withUnsafeBufferPointer { input in
            rubberBand.process(input, final: false) { writer.append($0) }
        }
        fed += samples.count
        writer.limit = fed
        writer.flush(all: true)
    }

    /// End of the utterance: the stretcher's tail, then exactly as many frames as went in.
    func finish(gain: Float) {
        writer.gain = gain
        rubberBand.process(UnsafeBufferPointer(start: nil, count: 0), final: true) { writer.append($0) }
        writer.finish(length: fed)
    }

    private func feed(zeros n: Int) {
        let zeros = [Float](repeating: 0, count: n)
        zeros.withUnsafeBufferPointer { input in rubberBand.process(input, final: false) { writer.append($0) } }
        fed += n
    }
}
