import VoxflowKit

final class EspeakFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "acoustic.espeak",
        summary: "espeak-ng: every espeak-ng language, Mandarin read from pinyin; renders each phrase to PCM with word timings",
        sinkPads: [PadTemplate("in", .prosody, "one phrase per chunk")],
        srcPads: [PadTemplate("out", .acoustic([.pcm], rate: .exactly(EspeakEngine.rate)), "PCM and word marks, ~100 ms per chunk")],
        parameters: [
            ParameterSpec("voice", .string, default: .string("en-us"),
                          "voice when neither the utterance nor the phrase names one and no language rule applies (voxflow voices)"),
            ParameterSpec("mandarin_voice", .string, default: .string("cmn-latn-pinyin"),
                          "voice for Mandarin phrases (language zh or cmn, or pinyin words)"),
            ParameterSpec("rate", .double, default: .double(1), range: 0.25...4, unit: "×", live: true,
                          "speaking rate; multiplied by the phrase's; espeak-ng reaches 0.46…2.57× (80–450 words/min)"),
            ParameterSpec("pitch", .double, default: .double(0), range: -12...12, unit: "semitones", live: true,
                          "pitch shift; added to the phrase's; espeak-ng reaches about −5.7…+8.5"),
            ParameterSpec("deterministic", .bool, default: .bool(true),
                          "a freshly loaded espeak-ng for every phrase, so the same phrase always gives the same samples "
                          + "(~2–5 ms and ~3 KB that espeak-ng 1.51 never frees per phrase); false: one engine for the process"),
        ],
        traits: [.engine])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        if let e = EspeakEngine.loadError { throw NodeError.engine(e) }
        let all = EspeakEngine.voices
        func voice(_ p: String) throws -> EspeakVoice {
            guard let v = all.named(parameters.string(p), variants: EspeakEngine.variants) else {
                throw NodeError.unknownVoice(parameters.string(p), available: all.map(\.name))
            }
            return v
        }
        return EspeakNode(voice: try voice("voice"), mandarinVoice: try voice("mandarin_voice"), voices: all,
                          rate: parameters.double("rate"), pitch: parameters.double("pitch"),
                          deterministic: parameters.bool("deterministic"))
    }

    func speaks(voice name: String) -> Bool { EspeakEngine.voices.named(name, variants: EspeakEngine.variants) != nil }

    func voices() -> [VoiceInfo] {
        EspeakEngine.voices.map { $0.info(rate: EspeakEngine.rate, isDefault: $0.name == "en-us") }
    }
}
