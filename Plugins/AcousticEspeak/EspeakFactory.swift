import VoxflowKit

/// `acoustic.espeak`: espeak-ng's engine behind the SDK's engine node.
final class EspeakFactory: EngineNodeFactory {
    init() {
        super.init(
            engine: EspeakSpeechEngine(),
            summary: "espeak-ng: every espeak-ng language, Mandarin read from pinyin; renders each phrase to PCM with word timings",
            parameters: [
                ParameterSpec("mandarin_voice", .string, default: .string("cmn-latn-pinyin"),
                              "voice for Mandarin phrases (language zh or cmn, or pinyin words)"),
                ParameterSpec("deterministic", .bool, default: .bool(true),
                              "a freshly loaded espeak-ng for every phrase, so the same phrase always gives the same samples "
                              + "(~2–5 ms and ~3 KB that espeak-ng 1.51 never frees per phrase); false: one engine for the process"),
            ],
            voiceSummary: "voice when neither the utterance nor the phrase names one and no language rule applies (voxflow voices); empty: en-us")
    }

    override func configure(_ parameters: Parameters) throws -> (engine: SpeechEngine, shift: Double) {
        if let e = EspeakEngine.loadError { throw NodeError.engine(e) }
        let mandarin = parameters.string("mandarin_voice")
        guard EspeakEngine.voices.named(mandarin, variants: EspeakEngine.variants) != nil else {
            throw NodeError.unknownVoice(mandarin, available: EspeakEngine.voices.map(\.name))
        }
        return (EspeakSpeechEngine(mandarinVoice: mandarin, deterministic: parameters.bool("deterministic")), 0)
    }

    override func voiceName(_ parameters: Parameters, engine: SpeechEngine) -> String? {
        let given = parameters.string("voice")
        return given.isEmpty ? "en-us" : given
    }
}
