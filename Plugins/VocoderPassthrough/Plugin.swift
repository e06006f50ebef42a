import VoxflowKit

final class PassthroughPlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [PassthroughFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "vocoder-passthrough", version: "0.1.0") { PluginEntry.retain(PassthroughPlugin()) }
}

final class PassthroughFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "vocoder.passthrough",
        summary: "For engines that render PCM themselves: acoustic PCM becomes mono audio, samples and marks untouched",
        sinkPads: [PadTemplate("in", .acoustic([.pcm]), "rendered PCM with marks")],
        srcPads: [PadTemplate("out", .audio(channels: .exactly(1)), "mono audio at the engine's rate")],
        parameters: [
            ParameterSpec("gain", .double, default: .double(1), range: 0...8, unit: "×", live: true, "linear gain"),
        ])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        PassthroughNode(gain: Float(parameters.double("gain")))
    }
}

final class PassthroughNode: Node {
    /// Written on the control thread (`setParameter`), read on the streaming thread.
    private let gain: LiveValue<Float>
    init(gain: Float) { self.gain = LiveValue(gain) }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        guard let rate = inputs["in"]?.rate.fixedValue else { throw NodeError.negotiation("input rate is not fixed") }
        return ["out": .audio(rate: .exactly(rate), channels: .exactly(1))]
    }

    func setParameter(_ name: String, _ value: ParameterValue) throws {
        guard name == "gain", let g = value.doubleValue else {
            throw NodeError.parameter(name: name, message: "is not a live parameter of vocoder.passthrough")
        }
        gain.set(Float(g))
    }

    /// Utterances whose user asked for a pitch shift, until warned once that it cannot be applied
    /// here (a tagger's question rise or emotion on a voice without pitch control is not warned about).
    private var askedPitch: Set<UtteranceID> = []

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        switch packet.body {
        case let .begin(u): if u.controls.pitch != 0 { askedPitch.insert(u.id) }
        case .end: askedPitch.remove(packet.utterance)
        default: break
        }
        guard case let .chunk(.acoustic(a)) = packet.body, case var .pcm(samples) = a.content else { return }
        if a.residualPitch != 0, askedPitch.remove(packet.utterance) != nil {
            context.post(.warning(NodeWarning("the engine could not shift pitch by \(a.residualPitch) st and vocoder.passthrough does not shift pitch; use vocoder.stretch", utterance: packet.utterance, phrase: a.phrase)))
        }
        let g = gain.value
        if g != 1 { for i in samples.indices { samples[i] *= g } }
        context.emit(.audio(AudioChunk(rate: a.rate, channels: 1, samples: samples, startFrame: a.startFrame,
                                       marks: a.marks, phrase: a.phrase)), of: packet.utterance, on: "out")
    }
}
