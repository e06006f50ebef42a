import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

@Suite struct GraphValidationTests {
    let catalog = TestCatalog()

    func problems(_ spec: GraphSpec) -> [GraphProblem] {
        do {
            _ = try GraphBuilder.build(spec, catalog: catalog)
            return []
        } catch { return error.problems }
    }

    @Test func everyProblemIsReportedAtOnce() {
        var spec = GraphSpec()
        spec.nodes = [
            NodeSpec("norm", "text.normalize"),
            NodeSpec("prosody", "prosody.tagg"),                                  // unknown type
            NodeSpec("tts", "acoustic.flite", ["rate": .double(9), "volum": .int(1)]), // out of range + unknown param
            NodeSpec("voc", "vocoder.passthrough"),
            NodeSpec("out", "sink.file"),                                          // missing path
            NodeSpec("text_sink", "test.capture", ["kind": .string("audio")]),
            NodeSpec("a", "prosody.tag"), NodeSpec("b", "prosody.tag"),
        ]
        spec.links = [
            LinkSpec(from: PadRef("norm"), to: PadRef("prosody")),
            LinkSpec(from: PadRef("voc"), to: PadRef("out")),
            LinkSpec(from: PadRef("tts", "nope"), to: PadRef("voc")),              // unknown pad
        ]
        let found = problems(spec)
        let text = found.map(\.description).joined(separator: "\n")
        #expect(found.contains(.unknownNodeType(node: "prosody", type: "prosody.tagg", suggestion: "prosody.tag")))
        #expect(text.contains("node 'tts': parameter 'rate' value 9 is out of range; allowed 0.25…4 ×"))
        #expect(text.contains("node 'tts': unknown parameter 'volum'"))
        #expect(text.contains("node 'out': missing required parameter 'path'"))
        #expect(text.contains("node 'tts' has no src pad 'nope'; its src pads: out"))
        #expect(text.contains("sink pad 'voc.in'") && text.contains("is not linked"))
        #expect(found.count >= 7, "got: \(text)")
    }

    @Test func capsMismatchNamesBothPads() {
        var spec = GraphSpec()
        spec.chain([NodeSpec("norm", "text.normalize"), NodeSpec("cap", "test.capture", ["kind": .string("audio")])])
        let found = problems(spec)
        #expect(found.count == 1)
        #expect(found.first?.description == "cannot link 'norm.out' (text) to 'cap.in' (audio(any rate, any channels)): no common format")
    }

    @Test func cycleIsNamed() {
        var spec = GraphSpec()
        spec.nodes = [NodeSpec("in", "text.normalize"), NodeSpec("a", "text.normalize"), NodeSpec("b", "text.normalize"),
                      NodeSpec("cap", "test.capture", ["kind": .string("text")])]
        spec.links = [LinkSpec(from: PadRef("a"), to: PadRef("b")), LinkSpec(from: PadRef("b"), to: PadRef("a")),
                      LinkSpec(from: PadRef("in"), to: PadRef("cap"))]
        let found = problems(spec)
        #expect(found.contains(.cycle(["a", "b"])) || found.contains(.cycle(["b", "a"])), "got: \(found)")
    }

    @Test func duplicateNamesAndDoubleLinksAreRefused() {
        var spec = speechChain()
        spec.nodes.append(NodeSpec("voc", "vocoder.passthrough"))
        spec.links.append(LinkSpec(from: PadRef("tts"), to: PadRef("voc")))
        let found = problems(spec)
        #expect(found.contains(.duplicateNode("voc")))
        #expect(found.contains(.padLinkedTwice(PadRef("tts", "out"))))
    }

    @Test func resamplerIsInsertedWhereRatesDiffer() throws {
        let graph = try GraphBuilder.build(speechChain(rate: 48_000), catalog: catalog)
        let inserted = graph.elements.filter(\.inserted)
        #expect(inserted.count == 1)
        #expect(inserted.first?.type.name == "resample.soxr")
        #expect(inserted.first?.srcCaps["out"] == .audio(rate: .exactly(48_000), channels: .exactly(1)))
        // No resampler when the sink takes the engine's rate.
        let direct = try GraphBuilder.build(speechChain(rate: 16_000), catalog: catalog)
        #expect(direct.elements.allSatisfy { !$0.inserted })
        #expect(graph.dot().contains("resample(voc→cap)"))
    }

    @Test func resamplingIsRefusedWhenTurnedOff() {
        var spec = speechChain(rate: 48_000)
        spec.autoResample = false
        let found = problems(spec)
        #expect(found.count == 1)
        #expect(found.first?.description.contains("no common format; the rates differ") == true)
    }

    @Test func parameterTypesAreChecked() {
        let found = problems(speechChain(extra: ["rate": .string("fast"), "pitch": .bool(true)]))
        #expect(found.contains(.badParameter(node: "tts", parameter: "rate", problem: .wrongType(expected: .double, got: .string("fast")))))
        #expect(found.contains(.badParameter(node: "tts", parameter: "pitch", problem: .wrongType(expected: .double, got: .bool(true)))))
    }

    @Test func emptyGraphHasNoInput() {
        #expect(problems(GraphSpec()) == [.noInput])
    }
}
