import CEspeak
import VoxflowKit

/// One phrase being rendered by espeak-ng: its audio goes to the `PhraseWriter`, and its word events become word marks.
///
/// espeak-ng reports only where a word starts; it ends where the next word (or the clause) starts, less the silence
/// before that. So audio from the start of the word being spoken is held back (`PhraseWriter.hold(from:)`) until that
/// next event arrives — a few hundred ms of audio, well under a millisecond of synthesis. Runs on the node's streaming
/// thread (espeak-ng calls back inside `vf_espeak_synth`).
final class EspeakPhraseJob {
    let writer: PhraseWriter
    let input: EspeakInput
    /// At or below this a sample is silence when trimming a word's end (3 of 32768, after gain).
    private let silence: Float
    /// The word being spoken: its index in `input.words` and first speech frame.
    private var open: (word: Int, start: Int)?
    private(set) var cancelled = false

    init(writer: PhraseWriter, input: EspeakInput, gain: Double) {
        self.writer = writer
        self.input = input
        silence = 3 * Float(abs(gain)) / 32768
    }

    /// espeak-ng's audio and events (synth callback). False: stop synthesis.
    func receive(_ samples: UnsafeBufferPointer<Int16>, events: UnsafeBufferPointer<vf_espeak_event>) -> Bool {
        if writer.isCancelled {
            cancelled = true
            return false
        }
        // Events are positioned in speech frames; the audio they refer to may come in this call, so it goes first.
        writer.hold(from: open?.start ?? writer.received)
        writer.audio(int16: samples)
        for e in events {
            let at = Int(e.sample)
            switch Int(e.type) {
            case Int(VF_ESPEAK_WORD):
                let w = input.word(atPosition: Int(e.text_position), length: Int(e.length))
                if let w, let o = open, o.word == w { continue }  // a word's next syllable or part ("42": forty, two)
                close(at: at)
                if let w { open = (w, at) }
            case Int(VF_ESPEAK_END), Int(VF_ESPEAK_SENTENCE), Int(VF_ESPEAK_MSG_END):
                close(at: at)
            default: break
            }
        }
        writer.hold(from: open?.start)
        return true
    }

    /// After synthesis: the last word ends with the audio.
    func finishSpeech() {
        close(at: writer.received)
        writer.hold(from: nil)
    }

    /// Ends the open word at `end`, less trailing silence.
    private func close(at end: Int) {
        guard let o = open else { return }
        open = nil
        let label = input.words[o.word].label
        guard !label.isEmpty else { return }
        let e = min(max(end, o.start + 1), max(writer.received, o.start + 1))
        writer.word(label, start: o.start, end: writer.soundEnd(from: o.start, to: e, threshold: silence))
    }
}
