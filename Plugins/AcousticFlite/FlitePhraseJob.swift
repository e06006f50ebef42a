import CFlite
import VoxflowKit

/// One phrase being rendered: turns flite's callbacks into acoustic chunks, handed to `sink`
/// (downstream, or a measuring render's memory).
final class PhraseJob {
    let utterance: UtteranceID
    let phrase: Int
    /// The phrase's first sample in the utterance's timeline.
    let base: Int
    let context: NodeContext
    /// Samples emitted so far in this phrase.
    private(set) var written = 0
    /// Word marks (phrase timeline) not yet sent.
    var pending: [Mark] = []
    /// Linear gain on the phrase's samples (the prosody chunk's volume).
    let gain: Float
    /// Semitones the voice could not shift natively; vocoder.stretch applies them.
    let residualPitch: Double
    /// The phrase's duration target, passed on for vocoder.stretch to fit.
    var phraseDuration: Double?
    private let sink: (AcousticChunk) -> Void
    /// Silence before the phrase's speech; flite's word times are shifted by it.
    private var lead = 0

    init(utterance: UtteranceID, phrase: Int, base: Int, context: NodeContext, gain: Float = 1, residualPitch: Double = 0,
         sink: @escaping (AcousticChunk) -> Void) {
        self.utterance = utterance
        self.phrase = phrase
        self.base = base
        self.context = context
        self.gain = gain
        self.residualPitch = residualPitch
        self.sink = sink
    }

    /// Sends the pause before the phrase and its bookmarks (at the phrase's first sample).
    func start(pause: Int, bookmarks: [String]) {
        let marks = bookmarks.map { Mark(.bookmark, $0, start: 0, end: 0) }
        if pause > 0 || !marks.isEmpty { send([Float](repeating: 0, count: pause), marks) }
        written = pause
        lead = pause
    }

    func word(_ text: String, start: Int, end: Int) {
        pending.append(Mark(.word, text, start: start + lead, end: end + lead))
    }

    var cancelled: Bool { context.isCancelled(utterance) }

    func audio(_ input: [Float]) {
        let samples = gain == 1 ? input : input.map { max(-1, min(1, $0 * gain)) }
        let end = written + samples.count
        let marks = pending.filter { $0.start < end }
        pending.removeAll { $0.start < end }
        send(samples, marks)
        written = end
    }

    /// Appends the pause; marks flite placed past the audio it produced are clamped into it.
    func finish(pause: Int) {
        let total = written + pause
        let marks = pending.map { Mark($0.kind, $0.text, start: min($0.start, max(total - 1, 0)), end: min($0.end, total)) }
        pending.removeAll()
        if pause > 0 || !marks.isEmpty { send([Float](repeating: 0, count: pause), marks) }
        written = total
    }

    private func send(_ samples: [Float], _ marks: [Mark]) {
        sink(AcousticChunk(phrase: phrase, rate: FliteVoices.rate, content: .pcm(samples), startFrame: base + written,
                           marks: marks.map { $0.shifted(by: base) }, residualPitch: residualPitch,
                           phraseDuration: phraseDuration))
    }
}

/// flite's audio callback (on the thread inside `vf_flite_synth`).
func fliteAudio(_ samples: UnsafePointer<Int16>?, _ count: Int32, _ last: Int32, _ user: UnsafeMutableRawPointer?) -> Int32 {
    let job = Unmanaged<PhraseJob>.fromOpaque(user!).takeUnretainedValue()
    if job.cancelled { return 1 }
    guard let samples, count > 0 else { return 0 }
    job.audio(UnsafeBufferPointer(start: samples, count: Int(count)).map { Float($0) / 32768 })
    return 0
}

/// flite's word callback: a token with its start and end in seconds.
func fliteWord(_ word: UnsafePointer<CChar>?, _ start: Float, _ end: Float, _ user: UnsafeMutableRawPointer?) {
    let job = Unmanaged<PhraseJob>.fromOpaque(user!).takeUnretainedValue()
    let r = Float(FliteVoices.rate)
    let s = Int((start * r).rounded()), e = Int((end * r).rounded())
    job.word(word.map { String(cString: $0) } ?? "", start: s, end: max(s, e))
}
