import CFlite
import Foundation
import VoxflowKit

/// Renders each phrase with flite as soon as it arrives and streams it: every piece flite's
/// waveform generator hands over (about `chunkSamples`) goes downstream at once, carrying the word
/// marks that start inside it; the phrase's pause follows as a chunk of silence.
///
/// An utterance with a duration target (duration, ratio, max_duration) is held instead: at its
/// `end` flite renders it twice, once to measure the natural length and once with a duration
/// stretch close to the target (see `FliteNode+Fit.swift`); vocoder.stretch fits the rest.
///
/// Pitch: voices with native pitch control (awb, slt, kal16) shift f0 themselves; on rms, which
/// ignores every f0 setting, the shift travels as `AcousticChunk.residualPitch` for vocoder.stretch.
final class FliteNode: Node {
    /// ~100 ms at 16 kHz: small enough that the first audio leaves a few ms into a phrase,
    /// large enough that per-chunk work downstream stays negligible.
    static let chunkSamples: Int32 = 1600
    private let defaultVoice: String
    private let live: LiveRatePitch

    typealias Phrase = EnginePhrase

    private struct UtteranceState {
        var voice: String
        var controls: Controls
        var cursor = 0
        var warnedLanguage = false
        /// The phrases of an utterance with a duration target, held until `end`; nil otherwise.
        var held: [Phrase]?
    }
    private var utterances: [UtteranceID: UtteranceState] = [:]

    init(voice: String, rate: Double, pitch: Double) {
        defaultVoice = voice
        live = LiveRatePitch(rate: rate, pitch: pitch)
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        ["out": .acoustic([.pcm], rate: .exactly(FliteVoices.rate))]
    }

    func setParameter(_ name: String, _ value: ParameterValue) throws {
        try live.set(name, value, node: "acoustic.flite")
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            let voice = u.controls.voice ?? defaultVoice
            guard FliteVoices.names.contains(voice) else { throw NodeError.unknownVoice(voice, available: FliteVoices.names) }
            utterances[id] = UtteranceState(voice: voice, controls: u.controls, held: NativeFit.hasTarget(u.controls) ? [] : nil)
        case let .end(reason):
            guard var st = utterances.removeValue(forKey: id), reason == .completed, let held = st.held else { return }
            for h in held { warnLanguage(h.prosody, &st, context) }
            try renderFitted(held, voice: st.voice, controls: st.controls, id: id, context: context)
        case let .chunk(.prosody(p)):
            guard var st = utterances[id] else { return }
            let phrase = live.phrase(p)
            if st.held != nil {
                st.held!.append(phrase)
            } else {
                warnLanguage(p, &st, context)
                // Rendered under the engine's shared lock: nothing here waits for downstream (EngineEmitter).
                guard let n = try EngineEmitter.render(id, context, {
                    try render(phrase, voice: st.voice, base: st.cursor, lengthFactor: 1, id: id, context: context, sink: $0)
                }) else { return }
                st.cursor += n
            }
            utterances[id] = st
        case .chunk: break
        }
    }

    private func warnLanguage(_ p: ProsodyChunk, _ st: inout UtteranceState, _ context: NodeContext) {
        guard !Self.isEnglish(p), !st.warnedLanguage else { return }
        st.warnedLanguage = true
        context.post(.warning("acoustic.flite speaks English only; text in \(p.language!) skipped (acoustic.espeak speaks it: `voxflow say` picks it for Mandarin text, or give --lang zh)"))
    }

    private static func isEnglish(_ p: ProsodyChunk) -> Bool { p.language.map { $0.lowercased().hasPrefix("en") } ?? true }

    /// Renders one phrase at utterance frame `base`, its durations and pauses multiplied by
    /// `lengthFactor`, into `sink`. Returns the frames it took, nil when the utterance was cancelled.
    func render(_ phrase: Phrase, voice: String, base: Int, lengthFactor: Double, id: UtteranceID, context: NodeContext,
                sink: @escaping (AcousticChunk) -> Void) throws -> Int? {
        let p = phrase.prosody
        let residual = vf_flite_has_pitch_control(voice) == 0 ? phrase.semitones : 0
        let job = PhraseJob(utterance: id, phrase: p.index, base: base, context: context, gain: Float(p.volume),
                            residualPitch: residual, sink: sink)
        job.phraseDuration = p.duration
        func frames(_ seconds: Double) -> Int { Int((max(seconds, 0) * lengthFactor * Double(FliteVoices.rate)).rounded()) }
        job.start(pause: frames(p.pauseBefore), bookmarks: p.bookmarks)
        if Self.isEnglish(p), p.text.contains(where: { $0.isLetter || $0.isNumber }) {
            try synthesize(p.text, voice: voice, stretch: lengthFactor / phrase.rate, semitones: phrase.semitones, job: job)
        }
        guard !context.isCancelled(id) else { return nil }
        job.finish(pause: frames(p.pauseAfter))
        return job.written
    }

    /// `stretch` multiplies flite's durations (2 = half speed).
    private func synthesize(_ text: String, voice: String, stretch: Double, semitones: Double, job: PhraseJob) throws {
        let factor = Float(pow(2, semitones / 12))
        FliteVoices.lock.lock()
        defer { FliteVoices.lock.unlock() }
        let v = try FliteVoices.voice(voice)
        let status = vf_flite_synth(v, text, Float(stretch), factor, Self.chunkSamples, fliteAudio, fliteWord,
                                    Unmanaged.passUnretained(job).toOpaque())
        if status < 0 { throw NodeError.engine("flite could not synthesize \"\(text)\"") }
    }
}
