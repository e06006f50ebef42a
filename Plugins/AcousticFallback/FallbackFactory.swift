import Foundation
import VoxflowKit

/// `acoustic.fallback`: an acoustic decoder made of an ordered list of decoders; each phrase is rendered by the first
/// one that succeeds.
final class FallbackFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "acoustic.fallback",
        summary: "renders each phrase with the first of its decoders that succeeds (error, timeout or missing model: the next one)",
        sinkPads: [PadTemplate("in", .prosody, "one phrase per chunk")],
        srcPads: [PadTemplate("out", .acoustic([.pcm]), "PCM at the first decoder's rate (others resampled), marks")],
        parameters: [
            ParameterSpec("decoders", .string,
                          "ordered list of decoders, each a node type or a table with the type first and its parameters: "
                          + "{{\"acoustic.sherpa\", voice = \"amy\"}, \"acoustic.flite\"}"),
            ParameterSpec("timeout", .double, default: .double(10), range: 0...600, unit: "s",
                          "a decoder that takes longer than this on one phrase has failed (0: no limit)"),
            ParameterSpec("rate", .int, default: .int(0), range: 0...192_000, unit: "Hz",
                          "output rate; 0: the first available decoder's"),
        ],
        traits: [.engine])

    /// Control thread. Creates every decoder; one that cannot be created (a missing model) is kept as unavailable
    /// with its reason, reported on the first utterance, and skipped.
    func makeNode(name: String, parameters: Parameters) throws -> Node {
        let specs: [FallbackDecoderSpec]
        do { specs = try FallbackDecoderSpec.parse(parameters.string("decoders")) } catch let e as FallbackError { throw e.nodeError }
        var decoders: [FallbackDecoder] = []
        for (i, s) in specs.enumerated() {
            guard let factory = NodeFactoryDirectory.factory(for: s.type), s.type != type.name else {
                throw FallbackError.unknownType(s.type, index: i).nodeError
            }
            do {
                let p = try NodeFactoryDirectory.parameters(for: factory.type, s.parameters)
                let node = try factory.makeNode(name: "\(name).\(i + 1)", parameters: p)
                let caps = try node.negotiate(inputs: ["in": .prosody])
                guard let out = caps["out"] ?? caps.values.first, out.kind == .acoustic, out.forms.contains(.pcm),
                      let rate = out.rate.fixedValue else { throw FallbackError.mel(s.type) }
                decoders.append(FallbackDecoder(index: i, type: s.type, node: node, rate: rate, unavailable: nil))
            } catch {
                decoders.append(FallbackDecoder(index: i, type: s.type, node: nil, rate: 0, unavailable: String(describing: error)))
            }
        }
        guard let first = decoders.first(where: { $0.node != nil }) else {
            throw FallbackError.noDecoder(decoders.map { "\($0.type): \($0.unavailable ?? "?")" }).nodeError
        }
        let rate = parameters.int("rate") > 0 ? parameters.int("rate") : first.rate
        return FallbackNode(decoders: decoders, rate: rate, timeout: parameters.double("timeout"))
    }

    func voices() -> [VoiceInfo] { [] }
}
