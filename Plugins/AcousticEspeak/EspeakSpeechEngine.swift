import Foundation
import VoxflowKit

/// espeak-ng as a `SpeechEngine`: every language it ships, Mandarin read from pinyin, word timings from its events.
/// Controls are applied natively (rate, pitch, pitch range; volume as a gain); a pitch shift beyond its reach leaves
/// the remainder to vocoder.stretch.
///
/// Voice per phrase, when the phrase names none: the utterance's (or the node's) voice when it speaks the phrase's
/// language, else the best voice for that language (Mandarin — `zh…`, `cmn…`, or pinyin words — always
/// `mandarinVoice`), else the utterance's voice.
///
/// With `deterministic` (the default) every phrase is spoken by a freshly loaded espeak-ng (see `EspeakEngine`), so a
/// phrase always gives the same samples, whatever was spoken before it; the reload for the next phrase happens right
/// after this one.
final class EspeakSpeechEngine: SpeechEngine {
    let name = "acoustic.espeak"
    let mandarinVoice: String
    let deterministic: Bool

    /// Length factors reached through espeak-ng's rate (words per minute ÷ factor); beyond them vocoder.stretch fits the
    /// rest. At rate 1 this is 117–250 words per minute, well inside espeak-ng's 80–450, where its length follows the
    /// rate closely (2× rate measured 2.06× shorter) and its formant synthesis loses nothing to a phase vocoder.
    let nativeLengthRange: ClosedRange<Double> = 0.7...1.5

    init(mandarinVoice: String = "cmn-latn-pinyin", deterministic: Bool = true) {
        self.mandarinVoice = mandarinVoice
        self.deterministic = deterministic
    }

    /// Variants of the Mandarin voice listed as voices of their own: espeak-ng has one voice that reads pinyin, and a
    /// cast of speakers (dubbing) needs several that sound apart.
    static let mandarinVariants = ["f3", "m3", "f2"]

    /// Every installed voice; the engine's own choices (`isDefault`) are en-us for English and the Mandarin voice with its
    /// variants for Mandarin (espeak-ng's `cmn` voice reads Hanzi, which reach it as pinyin).
    var voices: [VoiceInfo] {
        let rate = EspeakEngine.rate
        return EspeakEngine.voices.flatMap { v -> [VoiceInfo] in
            let info = v.info(rate: rate, isDefault: v.name == "en-us" || v.name == mandarinVoice)
            guard v.name == mandarinVoice else { return [info] }
            return [info] + Self.mandarinVariants.filter(EspeakEngine.variants.contains).map { v.with(variant: $0).info(rate: rate, isDefault: true) }
        }
    }

    func speaks(voice name: String) -> Bool { EspeakEngine.voices.named(name, variants: EspeakEngine.variants) != nil }

    func prepare(voice name: String) throws -> EngineVoice {
        if let e = EspeakEngine.loadError { throw NodeError.engine(e) }
        return EngineVoice(name: try espeakVoice(name).name, sampleRate: EspeakEngine.rate)
    }

    private func espeakVoice(_ name: String) throws -> EspeakVoice {
        guard let v = EspeakEngine.voices.named(name, variants: EspeakEngine.variants) else {
            throw NodeError.unknownVoice(name, available: EspeakEngine.voices.map(\.name)
                                         + ["any of them +variant (\(EspeakEngine.variants.sorted().prefix(6).joined(separator: ", ")), …)"])
        }
        return v
    }

    func voice(for p: ProsodyChunk, preferred: EngineVoice, utterance: EngineUtterance) throws -> EngineVoice {
        let input = EspeakInput(p)
        let chosen = try choose(p, input, preferred: try espeakVoice(preferred.name), utterance: utterance)
        return EngineVoice(name: chosen.name, sampleRate: EspeakEngine.rate)
    }

    private func choose(_ p: ProsodyChunk, _ input: EspeakInput, preferred: EspeakVoice, utterance: EngineUtterance) throws -> EspeakVoice {
        guard let language = p.language ?? (input.hasPinyin ? "zh" : nil), !language.isEmpty else { return preferred }
        if EspeakLanguage.isMandarin(language) {
            return preferred.readsPinyin ? preferred : try espeakVoice(mandarinVoice)
        }
        if EspeakLanguage.speaks(preferred, language) { return preferred }
        if let v = EspeakEngine.voices.best(forLanguage: language) { return v }
        utterance.warn("language \(language)", "espeak-ng has no voice for language \(language); speaking it with \(preferred.name)", phrase: p.index)
        return preferred
    }

    func residualPitch(_ phrase: EnginePhrase, voice: EngineVoice) -> Double {
        let reach = EspeakProsody.pitchShifts
        return phrase.semitones - min(max(phrase.semitones, reach.lowerBound), reach.upperBound)
    }

    func render(_ phrase: EnginePhrase, voice: EngineVoice, lengthFactor: Double, into writer: PhraseWriter) throws {
        let p = phrase.prosody
        let input = EspeakInput(p)
        let v = try espeakVoice(voice.name)
        if deterministic, !EspeakEngine.canReset {
            writer.warn("shared", "libespeak-ng was loaded by another module of this process; acoustic.espeak cannot reset it, so its output is not deterministic")
        }
        if input.hasIPA { writer.warn("ipa", "espeak-ng reads no IPA; words given in IPA are spoken as written") }
        if input.hasPinyin, !v.readsPinyin {
            writer.warn("pinyin", "voice \(v.name) does not read pinyin; Mandarin words may be mispronounced (use cmn-latn-pinyin)")
        }
        let r = phrase.rate / lengthFactor, semitones = phrase.semitones
        let wpm = EspeakProsody.wordsPerMinute(rate: r)
        if wpm.clamped {
            writer.warn("rate", String(format: "rate %.2f× is %d words/min; espeak-ng speaks 80–450, using %d", r,
                                       Int((EspeakProsody.normalWordsPerMinute * r).rounded()), wpm.value))
        }
        let pv = EspeakProsody.pitchValue(semitones: semitones)
        if pv.clamped {
            let reach = EspeakProsody.pitchShifts
            writer.warn("pitch", String(format: "pitch %+.1f semitones is beyond espeak-ng's %+.1f…%+.1f; using the nearest "
                                        + "(vocoder.stretch applies the remaining %+.1f)", semitones, reach.lowerBound, reach.upperBound,
                                        residualPitch(phrase, voice: voice)))
        }
        guard !input.isSilent else { return }
        let job = EspeakPhraseJob(writer: writer, input: input, gain: max(p.volume, 0))
        do {
            EspeakEngine.lock.lock()
            defer { EspeakEngine.lock.unlock() }
            try EspeakEngine.use(v, fresh: deterministic)
            EspeakEngine.set(rate: wpm.value, pitch: pv.value, range: EspeakProsody.rangeValue(p.pitchRange))
            _ = try EspeakEngine.synthesize(input.text, job: job)
        }
        guard !job.cancelled, !writer.isCancelled else { return }
        job.finishSpeech()
        // The next phrase most likely uses this voice: reload now, not when it arrives.
        if deterministic { EspeakEngine.prewarm(v) }
    }
}
