import Foundation
import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// acoustic.auto over the real engines: a mixed English/Mandarin utterance is spoken by two engines in phrase order —
/// each phrase exactly what its engine renders alone (converted to the node's rate where the rates differ) — with
/// marks in order on one timeline.
@Suite(.serialized) struct VoiceRouterTests {
    func render(_ type: String, _ parameters: [String: ParameterValue], _ phrases: [ProsodyChunk]) throws -> [AudioChunk] {
        let catalog = EngineTestCatalog()
        let graph = try GraphBuilder.build(engineChain(type, parameters), catalog: catalog)
        let pipeline = Pipeline(graph: graph, observer: nil)
        catalog.source.script(1, phrases)
        pipeline.submit(Utterance(id: 1, text: ""))
        try pipeline.finish()
        let capture = graph.element(named: "cap")!.node as! CaptureNode
        return capture.chunks(of: 1).compactMap { if case let .audio(a) = $0 { return a } else { return nil } }
    }

    static func samples(_ chunks: [AudioChunk], phrase: Int) -> [Float] { chunks.filter { $0.phrase == phrase }.flatMap(\.samples) }

    @Test func englishAndMandarinRunsAreSpokenByTheirOwnEnginesInOrder() throws {
        let english = ProsodyChunk(text: "Good morning.", index: 0, pauseAfter: 0.1, language: "en")
        let mandarin = ProsodyChunk(text: "ni3 hao3", index: 1, pauseAfter: 0, language: "zh")
        // espeak-ng's rate: its phrase passes unconverted; flite's 16 kHz phrase is converted.
        let routed = try render("acoustic.auto", ["sample_rate": .int(22_050)], [english, mandarin])
        #expect(routed.allSatisfy { $0.rate == 22_050 })
        #expect(zip(routed, routed.dropFirst()).allSatisfy { $0.startFrame + $0.frameCount == $1.startFrame }, "one gapless timeline")

        var alone = mandarin
        alone.index = 0
        let espeak = try render("acoustic.espeak", ["voice": .string("cmn-latn-pinyin")], [alone])
        #expect(Self.samples(routed, phrase: 1) == espeak.flatMap(\.samples), "the Mandarin run is espeak-ng's, sample for sample")

        let flite = try render("acoustic.flite", [:], [english])
        let fliteFrames = flite.reduce(0) { $0 + $1.frameCount }
        #expect(Self.samples(routed, phrase: 0).count == (fliteFrames * 22_050 + 8_000) / 16_000, "the English run is flite's, converted")

        let words = routed.flatMap(\.marks).filter { $0.kind == .word }
        #expect(words.map(\.text) == ["Good", "morning", "ni3", "hao3"], "\(words)")
        #expect(zip(words, words.dropFirst()).allSatisfy { $0.start <= $1.start }, "marks in order: \(words)")
    }
}
