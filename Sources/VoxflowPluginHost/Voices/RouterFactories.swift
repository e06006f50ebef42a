import VoxflowKit

/// `acoustic.auto`: every installed engine behind one node — each phrase is spoken by the engine of its voice
/// (`VoiceRouter`). The host provides it (a composite belongs to the runtime), built from the engines plugins declare.
final class AutoVoiceFactory: NodeFactory {
    let directory: () -> VoiceDirectory
    let type = NodeTypeDescriptor(
        name: "acoustic.auto",
        summary: "every installed engine: each phrase spoken by the engine of its voice (SSML <voice>, the utterance's, or the best voice for its language), joined at one rate",
        sinkPads: [PadTemplate("in", .prosody, "one phrase per chunk")],
        srcPads: [PadTemplate("out", .acoustic([.pcm]), "PCM at sample_rate, with word marks")],
        parameters: [
            ParameterSpec("voice", .string, default: .string(""),
                          "voice when the utterance names none and it speaks the phrase's language (voxflow voices); empty: the best voice for each language"),
            ParameterSpec("language", .string, default: .string("en"), "language of phrases that carry none (BCP 47)"),
            ParameterSpec("sample_rate", .int, default: .int(0), range: 0...384_000, unit: "Hz",
                          "output rate; voices at other rates are converted (libsoxr); 0: the default voice's"),
            ParameterSpec("rate", .double, default: .double(1), range: 0.25...4, unit: "×", live: true,
                          "speaking rate; multiplied by the phrase's"),
            ParameterSpec("pitch", .double, default: .double(0), range: -12...12, unit: "semitones", live: true,
                          "pitch shift, added to the phrase's; what a voice cannot shift is left to vocoder.stretch"),
        ],
        traits: [.engine])

    init(directory: @escaping () -> VoiceDirectory) { self.directory = directory }

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        let voice = parameters.string("voice")
        let router = try VoiceRouter(directory: directory(), voice: voice.isEmpty ? nil : voice, language: parameters.string("language"),
                                     outputRate: parameters.int("sample_rate"))
        return EngineNode(renderer: router, type: type.name, rate: parameters.double("rate"), pitch: parameters.double("pitch"))
    }
}

/// `acoustic.fallback`: voices tried in order for each phrase — a phrase that fails with one (a broken model, an
/// engine error) is spoken by the next, with a warning. The voices may belong to any engines.
final class FallbackVoiceFactory: NodeFactory {
    let directory: () -> VoiceDirectory
    let type = NodeTypeDescriptor(
        name: "acoustic.fallback",
        summary: "voices tried in order per phrase: when one fails, the next speaks the phrase (any engines, joined at one rate)",
        sinkPads: [PadTemplate("in", .prosody, "one phrase per chunk")],
        srcPads: [PadTemplate("out", .acoustic([.pcm]), "PCM at sample_rate, with word marks")],
        parameters: [
            ParameterSpec("voices", .string, default: nil,
                          "voices in order, separated by commas (voxflow voices), e.g. \"NEURAL-VOICE, OTHER-VOICE\""),
            ParameterSpec("sample_rate", .int, default: .int(0), range: 0...384_000, unit: "Hz",
                          "output rate; 0: the first voice's"),
            ParameterSpec("rate", .double, default: .double(1), range: 0.25...4, unit: "×", live: true, "speaking rate"),
            ParameterSpec("pitch", .double, default: .double(0), range: -12...12, unit: "semitones", live: true, "pitch shift"),
        ],
        traits: [.engine])

    init(directory: @escaping () -> VoiceDirectory) { self.directory = directory }

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        let voices = parameters.string("voices").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !voices.isEmpty else { throw NodeError.parameter(name: "voices", message: "names no voice (e.g. \"NEURAL-VOICE, OTHER-VOICE\")") }
        let directory = self.directory()
        var chain: [String] = [], problems: [String] = []
        for v in voices {
            // A voice that cannot even be prepared (a missing model) is reported and skipped; the rest still fall back.
            do {
                guard let engine = directory.engine(speaking: v) else { throw directory.unknown(v) }
                _ = try engine.prepare(voice: v)
                chain.append(v)
            } catch { problems.append("\(v) is unavailable: \(error)") }
        }
        guard !chain.isEmpty else { throw NodeError.engine("no voice of acoustic.fallback can speak: \(problems.joined(separator: "; "))") }
        let router = try VoiceRouter(directory: directory, voice: nil, language: "en", outputRate: parameters.int("sample_rate"),
                                     fallbacks: chain, problems: problems)
        return EngineNode(renderer: router, type: type.name, rate: parameters.double("rate"), pitch: parameters.double("pitch"))
    }
}
