import VoxflowKit

final class FliteFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "acoustic.flite",
        summary: "CMU flite, the embedded default engine: renders each phrase to 16 kHz PCM with word timings",
        sinkPads: [PadTemplate("in", .prosody, "one phrase per chunk")],
        srcPads: [PadTemplate("out", .acoustic([.pcm], rate: .exactly(FliteVoices.rate)), "PCM and word marks per phrase")],
        parameters: [
            ParameterSpec("voice", .choice, default: .string("rms"), choices: FliteVoices.names,
                          "voice used when the utterance names none"),
            ParameterSpec("rate", .double, default: .double(1), range: 0.25...4, unit: "×", live: true,
                          "speaking rate (flite duration stretch); multiplied by the utterance's rate"),
            ParameterSpec("pitch", .double, default: .double(0), range: -12...12, unit: "semitones", live: true,
                          "pitch shift (flite f0 target); added to the utterance's; rms has none: its shift is left to vocoder.stretch"),
        ],
        traits: [.engine])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        FliteNode(voice: parameters.string("voice"), rate: parameters.double("rate"), pitch: parameters.double("pitch"))
    }

    func voices() -> [VoiceInfo] { FliteVoices.all }
}
