import Foundation
import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// A node that breaks its contract — a misspelt pad in `negotiate`, caps left open, a chunk emitted on a pad it does not
/// have — is reported with its name: a graph problem before audio flows, or its utterance failed, never a crash or a
/// silent drop.
@Suite struct NodeContractTests {
    /// `test.broken`: text in, audio out; its nodes answer `negotiate` with `answer` and emit one chunk on `emitPad`.
    final class BrokenFactory: NodeFactory, @unchecked Sendable {
        let type = NodeTypeDescriptor(name: "test.broken", summary: "breaks its contract on purpose",
                                      sinkPads: [PadTemplate("in", .text)], srcPads: [PadTemplate("out", .audio())])
        let answer: [String: Caps]
        let emitPad: String
        init(answer: [String: Caps], emitPad: String = "out") {
            self.answer = answer
            self.emitPad = emitPad
        }
        func makeNode(name: String, parameters: Parameters) throws -> Node { BrokenNode(answer: answer, pad: emitPad) }
    }

    final class BrokenNode: Node {
        let answer: [String: Caps], pad: String
        init(answer: [String: Caps], pad: String) {
            self.answer = answer
            self.pad = pad
        }
        func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { answer }
        func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
            guard case .chunk = packet.body else { return }
            context.emit(.audio(AudioChunk(rate: 16_000, channels: 1, samples: [0, 0], startFrame: 0)), of: packet.utterance, on: self.pad)
        }
    }

    final class Catalog: NodeCatalog, @unchecked Sendable {
        let base = TestCatalog()
        let broken: BrokenFactory
        init(_ broken: BrokenFactory) { self.broken = broken }
        func factory(for type: String) -> NodeFactory? { type == "test.broken" ? broken : base.factory(for: type) }
        var nodeTypeNames: [String] { base.nodeTypeNames + ["test.broken"] }
    }

    func build(_ factory: BrokenFactory) throws -> Graph {
        var spec = GraphSpec()
        spec.chain([NodeSpec("bad", "test.broken"), NodeSpec("cap", "test.capture")])
        return try GraphBuilder.build(spec, catalog: Catalog(factory))
    }

    func problems(_ factory: BrokenFactory) -> String {
        do { _ = try build(factory); return "" } catch { return String(describing: error) }
    }

    @Test func aMisspeltPadInNegotiateIsAGraphProblem() {
        let text = problems(BrokenFactory(answer: ["outt": .audio(rate: .exactly(16_000), channels: .exactly(1))]))
        #expect(text.contains("node 'bad'") && text.contains("answered caps for 'outt', which is not one of its src pads (out)"), "\(text)")
        #expect(text.contains("gave no caps for its linked src pad 'out'"), "\(text)")
    }

    @Test func capsThatAreNotFixedAreAGraphProblem() {
        let text = problems(BrokenFactory(answer: ["out": .audio()]))
        #expect(text.contains("node 'bad'") && text.contains("answered caps for 'out' that are not fixed"), "\(text)")
    }

    @Test func emittingOnAPadThatDoesNotExistFailsTheUtterance() throws {
        let graph = try build(BrokenFactory(answer: ["out": .audio(rate: .exactly(16_000), channels: .exactly(1))], emitPad: "elsewhere"))
        let log = EventLog()
        let pipeline = Pipeline(graph: graph, observer: { log.record($0) })
        pipeline.submit(Utterance(id: 1, text: "Hello."))
        try? pipeline.finish()
        let failures = log.events.compactMap { if case let .failed(node, _, message) = $0 { return "\(node): \(message)" } else { return nil } }
        #expect(failures.contains { $0.contains("bad: emitted on pad 'elsewhere', which is not a src pad of this node (its src pads: out)") },
                "\(failures)")
    }
}
