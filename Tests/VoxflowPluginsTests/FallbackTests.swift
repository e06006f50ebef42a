import Foundation
import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// acoustic.fallback over real decoders: acoustic.sherpa (a tiny real ONNX voice) first, acoustic.flite behind it.
@Suite(.serialized) struct FallbackTests {
    let catalog = EngineTestCatalog()

    func render(_ phrases: [ProsodyChunk], decoders: String, timeout: Double = 10) throws -> (CaptureNode, EventLog) {
        let graph = try GraphBuilder.build(engineChain("acoustic.fallback", ["decoders": .string(decoders), "timeout": .double(timeout)]),
                                           catalog: catalog)
        let log = EventLog()
        let pipeline = Pipeline(graph: graph, observer: { log.record($0) })
        catalog.source.script(1, phrases)
        pipeline.submit(Utterance(id: 1, text: ""))
        try pipeline.finish()
        return (graph.element(named: "cap")!.node as! CaptureNode, log)
    }

    static func warnings(_ log: EventLog) -> [String] {
        log.events.compactMap { if case let .node(_, .warning(w)) = $0 { return w } else { return nil } }
    }

    static func statistics(_ log: EventLog) -> [String: Double] {
        log.events.reduce(into: [:]) { if case let .node(_, .statistics(_, v)) = $1 { $0.merge(v) { $1 } } }
    }

    /// Audio samples above silence, per phrase.
    static func speechByPhrase(_ capture: CaptureNode) -> [Int: Int] {
        capture.chunks(of: 1).reduce(into: [:]) { acc, c in
            if case let .audio(a) = c { acc[a.phrase, default: 0] += a.samples.filter { abs($0) > 1e-3 }.count }
        }
    }

    @Test func aPhraseTheNeuralVoiceCannotSpeakIsRenderedByFliteMidUtterance() throws {
        let voice = try TinyModels.path("piper-en/voice.onnx"), broken = try TinyModels.path("broken")
        let decoders = "[{\"1\": \"acoustic.sherpa\", \"voice\": \"\(voice)\"}, \"flite\"]"
        // The middle phrase asks for a voice whose model is broken (SSML <voice name=…>): sherpa fails on it only.
        let phrases = [
            ProsodyChunk(text: "The first phrase is neural.", index: 0, pauseAfter: 0.1),
            ProsodyChunk(text: "The second one falls back to flite.", index: 1, pauseAfter: 0.1, voice: broken),
            ProsodyChunk(text: "The third is neural again.", index: 2, pauseAfter: 0),
        ]
        let (capture, log) = try render(phrases, decoders: decoders)
        #expect(capture.endReason(of: 1) == .completed)
        let chunks = capture.chunks(of: 1).compactMap { if case let .audio(a) = $0 { return a } else { return nil } }
        #expect(chunks.allSatisfy { $0.rate == TinyModels.rate })
        // Every phrase has audio, and the timeline has no gap or overlap.
        let speech = Self.speechByPhrase(capture)
        #expect(speech[0, default: 0] > 0 && speech[1, default: 0] > TinyModels.rate / 2 && speech[2, default: 0] > 0, "\(speech)")
        #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.startFrame + $0.frameCount == $1.startFrame })
        // flite's words (resampled to the neural voice's rate) are on the phrase flite spoke.
        let words = capture.marks(of: 1).filter { $0.kind == .word }.map(\.text)
        #expect(words.contains("falls") && words.contains("neural"), "\(words)")
        let w = Self.warnings(log)
        #expect(w.contains { $0.contains("phrase 2 rendered by acoustic.flite (decoder 2)") && $0.contains(broken) }, "\(w)")
        #expect(Self.statistics(log)["fallback_switches"] == 1)
        #expect(Self.statistics(log)["fallback_phrases_decoder_1"] == 2 && Self.statistics(log)["fallback_phrases_decoder_2"] == 1)
    }

    @Test func aDecoderWhoseModelIsMissingIsSkippedWithAWarning() throws {
        let decoders = "[{\"type\": \"acoustic.sherpa\", \"voice\": \"/nowhere/voice.onnx\"}, {\"1\": \"acoustic.flite\", \"voice\": \"slt\"}]"
        let (capture, log) = try render([ProsodyChunk(text: "Only flite can say this.", index: 0, pauseAfter: 0)], decoders: decoders)
        #expect(capture.chunks(of: 1).allSatisfy { if case let .audio(a) = $0 { return a.rate == 16_000 } else { return true } })
        #expect(Self.speechByPhrase(capture)[0, default: 0] > 8_000)
        let w = Self.warnings(log)
        #expect(w.contains { $0.contains("acoustic.sherpa (decoder 1) is unavailable") && $0.contains("/nowhere/voice.onnx: missing") }, "\(w)")
        #expect(Self.statistics(log)["fallback_switches"] == 1)
    }

    @Test func aBadListIsAnErrorNamingWhatIsWrong() throws {
        var e = ""
        do { _ = try render([], decoders: "[\"acoustic.nothing\"]") } catch { e = String(describing: error) }
        #expect(e.contains("unknown node type 'acoustic.nothing'"), "\(e)")
        do { _ = try render([], decoders: "[{\"1\": \"acoustic.flite\", \"voice\": \"nobody\"}]") } catch { e = String(describing: error) }
        #expect(e.contains("no decoder that could be created") && e.contains("nobody"), "\(e)")
    }
}
