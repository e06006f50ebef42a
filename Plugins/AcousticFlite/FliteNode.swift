import CFlite
import Foundation
import VoxflowKit

/// Renders each phrase with flite as soon as it arrives and streams it: every piece flite's
/// waveform generator hands over (about `chunkSamples`) goes downstream at once, carrying the word
/// marks that start inside it; the phrase's pause follows as a chunk of silence.
final class FliteNode: Node {
    /// ~100 ms at 16 kHz: small enough that the first audio leaves a few ms into a phrase,
    /// large enough that per-chunk work downstream stays negligible.
    static let chunkSamples: Int32 = 1600
    private let defaultVoice: String
    private let live = NSLock()
    private var rate: Double
    private var pitch: Double
    private struct UtteranceState {
        var voice: String
        /// Pitch the user asked for (utterance or node); a tagger's question rise or emotion is not warned about.
        var requestedPitch: Double
        var cursor = 0
        var warnedPitch = false
        var warnedLanguage = false
    }
    private var utterances: [UtteranceID: UtteranceState] = [:]

    init(voice: String, rate: Double, pitch: Double) {
        defaultVoice = voice
        self.rate = rate
        self.pitch = pitch
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        ["out": .acoustic([.pcm], rate: .exactly(FliteVoices.rate))]
    }

    func setParameter(_ name: String, _ value: ParameterValue) throws {
        live.lock(); defer { live.unlock() }
        switch name {
        case "rate": rate = value.doubleValue ?? rate
        case "pitch": pitch = value.doubleValue ?? pitch
        default: throw NodeError.parameter(name: name, message: "is not a live parameter of acoustic.flite")
        }
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            let voice = u.controls.voice ?? defaultVoice
            guard FliteVoices.names.contains(voice) else { throw NodeError.unknownVoice(voice, available: FliteVoices.names) }
            utterances[id] = UtteranceState(voice: voice, requestedPitch: u.controls.pitch)
        case .end:
            utterances[id] = nil
        case let .chunk(.prosody(p)):
            guard var st = utterances[id] else { return }
            live.lock()
            let r = rate * p.rate, semitones = pitch + p.pitch, requested = pitch + st.requestedPitch
            live.unlock()
            if requested != 0, vf_flite_has_pitch_control(st.voice) == 0, !st.warnedPitch {
                st.warnedPitch = true
                context.post(.warning("voice \(st.voice) has no native pitch control; pitch \(requested) st ignored (use awb, slt or kal16)"))
            }
            let english = p.language.map { $0.lowercased().hasPrefix("en") } ?? true
            if !english, !st.warnedLanguage {
                st.warnedLanguage = true
                context.post(.warning("acoustic.flite speaks English only; text in \(p.language!) skipped (acoustic.espeak speaks it; `voxflow say` picks it for Mandarin)"))
            }
            let job = PhraseJob(utterance: id, phrase: p.index, base: st.cursor, context: context, gain: Float(p.volume))
            job.start(pause: Int((p.pauseBefore * Double(FliteVoices.rate)).rounded()), bookmarks: p.bookmarks)
            if english, p.text.contains(where: { $0.isLetter || $0.isNumber }) {
                try synthesize(p.text, voice: st.voice, rate: r, semitones: semitones, job: job)
            }
            guard !context.isCancelled(id) else { return }
            job.finish(pause: Int((p.pauseAfter * Double(FliteVoices.rate)).rounded()))
            st.cursor = job.base + job.written
            utterances[id] = st
        case .chunk: break
        }
    }

    private func synthesize(_ text: String, voice: String, rate: Double, semitones: Double, job: PhraseJob) throws {
        let stretch = Float(1 / rate), factor = Float(pow(2, semitones / 12))
        FliteVoices.lock.lock()
        defer { FliteVoices.lock.unlock() }
        let v = try FliteVoices.voice(voice)
        let status = vf_flite_synth(v, text, stretch, factor, Self.chunkSamples, fliteAudio, fliteWord,
                                    Unmanaged.passUnretained(job).toOpaque())
        if status < 0 { throw NodeError.engine("flite could not synthesize \"\(text)\"") }
    }
}

/// One phrase being rendered: turns flite's callbacks into acoustic chunks.
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
    /// Silence before the phrase's speech; flite's word times are shifted by it.
    private var lead = 0

    init(utterance: UtteranceID, phrase: Int, base: Int, context: NodeContext, gain: Float = 1) {
        self.utterance = utterance
        self.phrase = phrase
        self.base = base
        self.context = context
        self.gain = gain
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
        context.emit(.acoustic(AcousticChunk(phrase: phrase, rate: FliteVoices.rate, content: .pcm(samples), startFrame: base + written,
                                             marks: marks.map { $0.shifted(by: base) })), of: utterance, on: "out")
    }
}

private func fliteAudio(_ samples: UnsafePointer<Int16>?, _ count: Int32, _ last: Int32, _ user: UnsafeMutableRawPointer?) -> Int32 {
    let job = Unmanaged<PhraseJob>.fromOpaque(user!).takeUnretainedValue()
    if job.cancelled { return 1 }
    guard let samples, count > 0 else { return 0 }
    job.audio(UnsafeBufferPointer(start: samples, count: Int(count)).map { Float($0) / 32768 })
    return 0
}

private func fliteWord(_ word: UnsafePointer<CChar>?, _ start: Float, _ end: Float, _ user: UnsafeMutableRawPointer?) {
    let job = Unmanaged<PhraseJob>.fromOpaque(user!).takeUnretainedValue()
    let r = Float(FliteVoices.rate)
    let s = Int((start * r).rounded()), e = Int((end * r).rounded())
    job.word(word.map { String(cString: $0) } ?? "", start: s, end: max(s, e))
}
