import CEspeak
import VoxflowKit

/// One phrase being rendered: turns espeak-ng's callbacks into acoustic chunks.
///
/// ```
/// [pauseBefore zeros + bookmarks] [speech, ≤ chunkSamples per chunk, word marks] [pauseAfter zeros]
/// ```
///
/// espeak-ng reports only where a word starts; it ends where the next word (or the clause) starts,
/// less the silence before that. So audio from the start of the word being spoken is held until
/// that next event arrives — a few hundred ms of audio, well under a millisecond of synthesis —
/// and then leaves in chunks of at most `chunkSamples`, each with the marks that start in it.
/// All positions here are in the phrase's timeline; chunks carry the utterance's (`base` added).
/// Chunks go to `sink`: downstream, or a measuring render's memory (a duration target).
/// Runs on the node's streaming thread (espeak-ng calls back inside `vf_espeak_synth`).
final class EspeakPhraseJob {
    let utterance: UtteranceID
    let phrase: Int
    /// The phrase's first sample in the utterance's timeline.
    let base: Int
    let rate: Int
    let context: NodeContext
    let input: EspeakInput
    /// ~100 ms, as espeak-ng hands audio over.
    let chunkSamples: Int
    private let scale: Float
    private let silence: Float
    /// Semitones beyond espeak-ng's pitch reach, for vocoder.stretch.
    let residualPitch: Double
    /// The phrase's duration target, passed on for vocoder.stretch to fit.
    var phraseDuration: Double?
    private let sink: (AcousticChunk) -> Void

    /// Samples emitted so far.
    private(set) var written = 0
    /// Where espeak-ng's sample 0 falls (after the pause before the phrase).
    private var speechStart = 0
    /// Samples received from espeak-ng.
    private var received = 0
    /// Audio not yet emitted: phrase samples [written, written + held.count).
    private var held: [Float] = []
    /// Marks not yet emitted, all ending at or before the held audio's end.
    private var closed: [Mark] = []
    /// The word being spoken: its index in `input.words` and first sample.
    private var open: (word: Int, start: Int)?
    private(set) var cancelled = false

    init(utterance: UtteranceID, phrase: Int, base: Int, rate: Int, gain: Double, input: EspeakInput, context: NodeContext,
         residualPitch: Double = 0, sink: @escaping (AcousticChunk) -> Void) {
        self.residualPitch = residualPitch
        self.sink = sink
        self.utterance = utterance
        self.phrase = phrase
        self.base = base
        self.rate = rate
        self.input = input
        self.context = context
        chunkSamples = max(1, rate / 10)
        scale = Float(gain) / 32768
        silence = 3 * abs(Float(gain)) / 32768
        held.reserveCapacity(chunkSamples * 4)
    }

    /// Bookmarks at the phrase's first sample, then `pause` samples of silence.
    func start(bookmarks: [String], pause: Int) {
        closed = bookmarks.map { Mark(.bookmark, $0, start: 0, end: 0) }
        if pause > 0 {
            send([Float](repeating: 0, count: pause), closed)
            closed = []
        }
        speechStart = written
    }

    /// espeak-ng's audio and events (synth callback). False: stop synthesis.
    func receive(_ samples: UnsafeBufferPointer<Int16>, events: UnsafeBufferPointer<vf_espeak_event>) -> Bool {
        if context.isCancelled(utterance) {
            cancelled = true
            return false
        }
        let s = scale
        held.append(contentsOf: samples.lazy.map { Float($0) * s })  // int16 → Float in bulk, no allocation per sample
        received += samples.count
        for e in events {
            let at = speechStart + Int(e.sample)
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
        flush(upTo: open?.start ?? written + held.count)
        return true
    }

    /// After synthesis: the last word ends with the audio; everything held goes out.
    func finishSpeech() {
        close(at: speechStart + received)
        flush(upTo: written + held.count)
    }

    /// The pause after the phrase (and any marks still waiting, e.g. bookmarks of a silent phrase).
    func finish(pause: Int) {
        flush(upTo: written + held.count)
        if pause > 0 || !closed.isEmpty {
            send([Float](repeating: 0, count: pause), closed)
            closed = []
        }
    }

    /// Ends the open word at `end`, less trailing silence.
    private func close(at end: Int) {
        guard let o = open else { return }
        open = nil
        let label = input.words[o.word].label
        guard !label.isEmpty else { return }
        // held starts at `written` and the open word at or after it
        var e = min(max(end, o.start + 1), max(written + held.count, o.start + 1))
        while e > o.start + 1, e - 1 - written < held.count, abs(held[e - 1 - written]) <= silence { e -= 1 }
        closed.append(Mark(.word, label, start: o.start, end: e))
    }

    /// Emits held audio up to phrase sample `limit`, in chunks of at most `chunkSamples`.
    private func flush(upTo limit: Int) {
        while written < limit, !held.isEmpty {
            let n = min(chunkSamples, limit - written, held.count)
            let end = written + n
            let marks = closed.filter { $0.start < end }
            closed.removeAll { $0.start < end }
            let piece = Array(held[0..<n])
            held.removeFirst(n)
            send(piece, marks)
        }
    }

    private func send(_ samples: [Float], _ marks: [Mark]) {
        sink(AcousticChunk(phrase: phrase, rate: rate, content: .pcm(samples), startFrame: base + written,
                           marks: marks.map { $0.shifted(by: base) }, residualPitch: residualPitch,
                           phraseDuration: phraseDuration))
        written += samples.count
    }
}
