/// The node type of one engine: `voice`, live `rate` and `pitch`, and the engine's own parameters; every node is an
/// `EngineNode` over the engine (`configure` may return a copy set up by the node's parameters: a speaker, a
/// reference recording). The host finds engines through these factories (`engine`), for `voxflow voices` and for the
/// voice router (`acoustic.auto`).
///
/// ```swift
/// EngineNodeFactory(engine: ToneEngine(), summary: "a tone per phrase")
/// ```
open class EngineNodeFactory: NodeFactory {
    public let type: NodeTypeDescriptor
    /// The engine with default settings.
    public let engine: SpeechEngine

    /// `parameters`: the engine's own, beside `voice`, `rate` and `pitch`.
    public init(engine: SpeechEngine, summary: String, parameters: [ParameterSpec] = [], voiceSummary: String? = nil) {
        self.engine = engine
        let rate = engine.voices.map(\.sampleRate)
        let fixed = Set(rate).count == 1 ? IntConstraint.exactly(rate[0]) : .any
        type = NodeTypeDescriptor(
            name: engine.name, summary: summary,
            sinkPads: [PadTemplate("in", .prosody, "one phrase per chunk")],
            srcPads: [PadTemplate("out", .acoustic([.pcm], rate: fixed), "PCM at the voice's rate, with word marks")],
            parameters: [
                ParameterSpec("voice", .string, default: .string(""),
                              voiceSummary ?? "voice used when the utterance names none (voxflow voices); empty: the engine's default"),
                ParameterSpec("rate", .double, default: .double(1), range: 0.25...4, unit: "×", live: true,
                              "speaking rate; multiplied by the phrase's"),
                ParameterSpec("pitch", .double, default: .double(0), range: -12...12, unit: "semitones", live: true,
                              "pitch shift, added to the phrase's; what the voice cannot shift is left to vocoder.stretch"),
            ] + parameters,
            traits: [.engine])
    }

    /// The engine a node with `parameters` speaks with, and semitones to add to every phrase. Default: `engine`, 0.
    open func configure(_ parameters: Parameters) throws -> (engine: SpeechEngine, shift: Double) { (engine, 0) }

    /// The voice a node speaks when an utterance names none. Default: the `voice` parameter, else the engine's
    /// `defaultVoice`.
    open func voiceName(_ parameters: Parameters, engine: SpeechEngine) -> String? {
        let given = parameters.string("voice")
        return given.isEmpty ? engine.defaultVoice?.name : given
    }

    public func makeNode(name: String, parameters: Parameters) throws -> Node {
        let (configured, shift) = try configure(parameters)
        guard let voiceName = voiceName(parameters, engine: configured) else {
            throw NodeError.engine("\(engine.name) has no voices")
        }
        let voice = try configured.prepare(voice: voiceName)
        return EngineNode(renderer: SingleEngineRenderer(engine: configured, voice: voice), type: engine.name,
                          rate: parameters.double("rate"), pitch: parameters.double("pitch"), shift: shift)
    }

    public func voices() -> [VoiceInfo] { engine.voices }
    public func speaks(voice name: String) -> Bool { engine.speaks(voice: name) }
}
