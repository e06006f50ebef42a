import Foundation
import VoxflowKit

/// Renders each phrase with espeak-ng as soon as it arrives and streams it: ~100 ms chunks as
/// espeak-ng hands them over, with the word marks that start in them, between the phrase's
/// pauses. Controls are applied natively (rate, pitch, pitch range; volume as a gain).
///
/// With `deterministic` (the default) every phrase is spoken by a freshly loaded espeak-ng
/// (see `EspeakEngine`), so a phrase always gives the same samples, whatever was spoken before
/// it or by other nodes in between; the reload for the next phrase happens right after this one.
///
/// Voice per phrase: the phrase's own (`p.voice`, SSML `voice`), else the utterance's or the
/// `voice` parameter when it speaks the phrase's language, else the best voice for that
/// language (Mandarin — `zh…`, `cmn…`, or pinyin words — always `mandarin_voice`), else the
/// utterance's or the parameter's voice. So in mixed text every run goes to a voice of its language.
///
/// An utterance with a duration target (duration, ratio, max_duration) is held instead and
/// rendered at its `end` at a rate close to the target (see `EspeakNode+Fit.swift`); vocoder.stretch
/// fits the rest. A pitch shift beyond espeak-ng's reach leaves the remainder to vocoder.stretch
/// (`AcousticChunk.residualPitch`).
final class EspeakNode: Node {
    private let defaultVoice: EspeakVoice
    private let mandarinVoice: EspeakVoice
    private let voices: [EspeakVoice]
    private let deterministic: Bool
    private let live: LiveRatePitch
    private var warnedShared = false

    typealias Phrase = EnginePhrase

    struct UtteranceState {
        var voice: EspeakVoice?
        var controls = Controls()
        /// Next phrase's first sample in the utterance's timeline.
        var cursor = 0
        var warned: Set<String> = []
        /// The phrases of an utterance with a duration target, held until `end`; nil otherwise.
        var held: [Phrase]?
    }
    private var utterances: [UtteranceID: UtteranceState] = [:]

    init(voice: EspeakVoice, mandarinVoice: EspeakVoice, voices: [EspeakVoice], rate: Double, pitch: Double, deterministic: Bool) {
        defaultVoice = voice
        self.mandarinVoice = mandarinVoice
        self.voices = voices
        live = LiveRatePitch(rate: rate, pitch: pitch)
        self.deterministic = deterministic
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        ["out": .acoustic([.pcm], rate: .exactly(EspeakEngine.rate))]
    }

    func setParameter(_ name: String, _ value: ParameterValue) throws {
        try live.set(name, value, node: "acoustic.espeak")
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            var voice: EspeakVoice?
            if let name = u.controls.voice {
                guard let v = voices.named(name, variants: EspeakEngine.variants) else {
                    throw NodeError.unknownVoice(name, available: voices.map(\.name) + ["any of them +variant (\(EspeakEngine.variants.sorted().prefix(6).joined(separator: ", ")), …)"])
                }
                voice = v
            }
            if deterministic, !warnedShared, !EspeakEngine.canReset {
                warnedShared = true
                context.post(.warning("libespeak-ng was loaded by another module of this process; acoustic.espeak cannot reset it, so its output is not deterministic"))
            }
            utterances[id] = UtteranceState(voice: voice, controls: u.controls, held: NativeFit.hasTarget(u.controls) ? [] : nil)
        case let .end(reason):
            guard var st = utterances.removeValue(forKey: id), reason == .completed, let held = st.held else { return }
            try renderFitted(held, &st, id: id, context: context)
        case let .chunk(.prosody(p)):
            guard var st = utterances[id] else { return }
            let phrase = live.phrase(p)
            if st.held != nil {
                st.held!.append(phrase)
            } else {
                // Rendered under the engine's shared lock: nothing here waits for downstream (EngineEmitter).
                guard let n = try EngineEmitter.render(id, context, {
                    try render(phrase, &st, base: st.cursor, lengthFactor: 1, id: id, context: context, sink: $0)
                }) else { return }
                st.cursor += n
            }
            utterances[id] = st
        case .chunk: break
        }
    }

    /// Renders one phrase at utterance frame `base`, its length and pauses multiplied by
    /// `lengthFactor` (espeak-ng's rate divided by it), into `sink`. Returns the frames it took,
    /// nil when the utterance was cancelled.
    func render(_ phrase: Phrase, _ st: inout UtteranceState, base: Int, lengthFactor: Double, id: UtteranceID, context: NodeContext,
                sink: @escaping (AcousticChunk) -> Void) throws -> Int? {
        let p = phrase.prosody
        let input = EspeakInput(p)
        let voice = try choose(p, input, &st, context)
        func warnOnce(_ key: String, _ message: @autoclosure () -> String) {
            if st.warned.insert(key).inserted { context.post(.warning(message())) }
        }
        if input.hasIPA { warnOnce("ipa", "espeak-ng reads no IPA; words given in IPA are spoken as written") }
        if input.hasPinyin, !voice.readsPinyin {
            warnOnce("pinyin", "voice \(voice.name) does not read pinyin; Mandarin words may be mispronounced (use cmn-latn-pinyin)")
        }

        let r = phrase.rate / lengthFactor, semitones = phrase.semitones
        let wpm = EspeakProsody.wordsPerMinute(rate: r)
        if wpm.clamped {
            warnOnce("rate", String(format: "rate %.2f× is %d words/min; espeak-ng speaks 80–450, using %d", r,
                                    Int((EspeakProsody.normalWordsPerMinute * r).rounded()), wpm.value))
        }
        let pv = EspeakProsody.pitchValue(semitones: semitones)
        let reach = EspeakProsody.pitchShifts
        let residual = pv.clamped ? semitones - min(max(semitones, reach.lowerBound), reach.upperBound) : 0
        if pv.clamped {
            warnOnce("pitch", String(format: "pitch %+.1f semitones is beyond espeak-ng's %+.1f…%+.1f; using the nearest "
                                     + "(vocoder.stretch applies the remaining %+.1f)", semitones, reach.lowerBound, reach.upperBound, residual))
        }

        let rate = EspeakEngine.rate
        let job = EspeakPhraseJob(utterance: id, phrase: p.index, base: base, rate: rate, gain: max(p.volume, 0),
                                  input: input, context: context, residualPitch: residual, sink: sink)
        job.phraseDuration = p.duration
        func frames(_ seconds: Double) -> Int { Int((max(seconds, 0) * lengthFactor * Double(rate)).rounded()) }
        job.start(bookmarks: p.bookmarks, pause: frames(p.pauseBefore))
        if !input.isSilent {
            EspeakEngine.lock.lock()
            defer { EspeakEngine.lock.unlock() }
            try EspeakEngine.use(voice, fresh: deterministic)
            EspeakEngine.set(rate: wpm.value, pitch: pv.value, range: EspeakProsody.rangeValue(p.pitchRange))
            _ = try EspeakEngine.synthesize(input.text, job: job)
        }
        guard !job.cancelled, !context.isCancelled(id) else { return nil }
        job.finishSpeech()
        job.finish(pause: frames(p.pauseAfter))
        // The next phrase most likely uses this voice: reload now, not when it arrives.
        if deterministic, !input.isSilent { EspeakEngine.prewarm(voice) }
        return job.written
    }

    /// The voice for phrase `p` (see the type's documentation).
    private func choose(_ p: ProsodyChunk, _ input: EspeakInput, _ st: inout UtteranceState, _ context: NodeContext) throws -> EspeakVoice {
        if let name = p.voice {
            guard let v = voices.named(name, variants: EspeakEngine.variants) else {
                    throw NodeError.unknownVoice(name, available: voices.map(\.name) + ["any of them +variant (\(EspeakEngine.variants.sorted().prefix(6).joined(separator: ", ")), …)"])
                }
            return v
        }
        let preferred = st.voice ?? defaultVoice
        guard let language = p.language ?? (input.hasPinyin ? "zh" : nil), !language.isEmpty else { return preferred }
        if EspeakLanguage.isMandarin(language) {
            return preferred.readsPinyin ? preferred : mandarinVoice
        }
        if EspeakLanguage.speaks(preferred, language) { return preferred }
        if let v = voices.best(forLanguage: language) { return v }
        if st.warned.insert("language \(language)").inserted {
            context.post(.warning("espeak-ng has no voice for language \(language); speaking it with \(preferred.name)"))
        }
        return preferred
    }
}
