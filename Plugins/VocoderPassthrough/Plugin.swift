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
    private var gain: Float
    init(gain: Float) { self.gain = gain }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        guard let rate = inputs["in"]?.rate.fixedValue else { throw NodeError.negotiation("input rate is not fixed") }
        return ["out": .audio(rate: .exactly(rate), channels: .exactly(1))]
    }

    func setParameter(_ name: String, _ value: ParameterValue) throws {
        guard name == "gain", let g = value.doubleValue else {
            throw NodeError.parameter(name: name, message: "is not a live parameter of vocoder.passthrough")
        }
        gain = Float(g)
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        guard case let .chunk(.acoustic(a)) = packet.body, case var .pcm(samples) = a.content else { return }
        let g = gain
        if g != 1 { for i in samples.indices { samples[i] *= g } }
        context.emit(.audio(AudioChunk(rate: a.rate, channels: 1, samples: samples, startFrame: a.startFrame,
                                       marks: a.marks, phrase: a.phrase)), of: packet.utterance, on: "out")
    }
}
