import Foundation
import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// acoustic.fallback over real engines: voices tried in order per phrase — a tiny real ONNX voice (acoustic.sherpa) and
/// flite's voices — joined at one rate.
@Suite(.serialized) struct FallbackTests {
    let catalog = EngineTestCatalog()

    func render(_ phrases: [ProsodyChunk], voices: String, rate: Int = 0) throws -> (CaptureNode, EventLog) {
        let graph = try GraphBuilder.build(engineChain("acoustic.fallback", ["voices": .string(voices), "sample_rate": .int(rate)]),
                                           catalog: catalog)
        let log = EventLog()
        let pipeline = Pipeline(graph: graph, observer: { log.record($0) })
        catalog.source.script(1, phrases)
        pipeline.submit(Utterance(id: 1, text: ""))
        try pipeline.finish()
        return (graph.element(named: "cap")!.node as! CaptureNode, log)
    }

    static func warnings(_ log: EventLog) -> [String] {
        log.events.compactMap { if case let .node(_, .warning(w)) = $0 { return w.located } else { return nil } }
    }

    /// Audio samples above silence, per phrase.
    static func speechByPhrase(_ capture: CaptureNode) -> [Int: Int] {
        capture.chunks(of: 1).reduce(into: [:]) { acc, c in
            if case let .audio(a) = c { acc[a.phrase, default: 0] += a.samples.filter { abs($0) > 1e-3 }.count }
        }
    }

    @Test func aPhraseWhoseVoiceFailsIsSpokenByTheNextVoiceMidUtterance() throws {
        let voice = try TinyModels.path("piper-en/voice.onnx"), broken = try TinyModels.path("broken")
        // The middle phrase asks for a voice whose model is broken (SSML <voice name=…>): it alone falls back.
        let phrases = [
            ProsodyChunk(text: "The first phrase is neural.", index: 0, pauseAfter: 0.1),
            ProsodyChunk(text: "The second one falls back.", index: 1, pauseAfter: 0.1, voice: broken),
            ProsodyChunk(text: "The third is neural again.", index: 2, pauseAfter: 0),
        ]
        let (capture, log) = try render(phrases, voices: "\(voice), slt")
        #expect(capture.endReason(of: 1) == .completed)
        let chunks = capture.chunks(of: 1).compactMap { if case let .audio(a) = $0 { return a } else { return nil } }
        #expect(chunks.allSatisfy { $0.rate == TinyModels.rate })
        // Every phrase has audio, and the timeline has no gap or overlap.
        let speech = Self.speechByPhrase(capture)
        #expect(speech[0, default: 0] > 0 && speech[1, default: 0] > 0 && speech[2, default: 0] > 0, "\(speech)")
        #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.startFrame + $0.frameCount == $1.startFrame })
        let w = Self.warnings(log)
        #expect(w.contains { $0.contains("phrase 2 spoken with voice") && $0.contains(broken) }, "\(w)")
    }

    @Test func aVoiceWhoseModelIsMissingIsSkippedForTheNextEngine() throws {
        let (capture, log) = try render([ProsodyChunk(text: "Only flite can say this.", index: 0, pauseAfter: 0)],
                                        voices: "/nowhere/voice.onnx, slt")
        let chunks = capture.chunks(of: 1).compactMap { if case let .audio(a) = $0 { return a } else { return nil } }
        #expect(chunks.allSatisfy { $0.rate == 16_000 }, "the first voice that can speak sets the rate")
        #expect(Self.speechByPhrase(capture)[0, default: 0] > 8_000)
        let words = capture.marks(of: 1).filter { $0.kind == .word }.map(\.text)
        #expect(words == ["Only", "flite", "can", "say", "this"], "\(words)")
        let w = Self.warnings(log)
        #expect(w.contains { $0.contains("/nowhere/voice.onnx is unavailable") && $0.contains("the next voice speaks instead") }, "\(w)")
    }

    @Test func aNeuralVoiceAndFliteAreJoinedAtOneRateWithExactMarks() throws {
        let voice = try TinyModels.path("piper-en/voice.onnx")
        // The neural voice speaks at 22.05 kHz; flite's 16 kHz phrase is converted, its marks rescaled.
        let phrases = [ProsodyChunk(text: "Neural first.", index: 0, pauseAfter: 0.1),
                       ProsodyChunk(text: "Then flite speaks.", index: 1, pauseAfter: 0, voice: "slt")]
        let (capture, _) = try render(phrases, voices: voice)
        let chunks = capture.chunks(of: 1).compactMap { if case let .audio(a) = $0 { return a } else { return nil } }
        #expect(chunks.allSatisfy { $0.rate == TinyModels.rate })
        #expect(zip(chunks, chunks.dropFirst()).allSatisfy { $0.startFrame + $0.frameCount == $1.startFrame })
        let words = capture.marks(of: 1).filter { $0.kind == .word }
        #expect(words.map(\.text).suffix(3) == ["Then", "flite", "speaks"], "\(words)")
        #expect(zip(words, words.dropFirst()).allSatisfy { $0.start <= $1.start }, "marks in order")
        let total = chunks.reduce(0) { $0 + $1.frameCount }
        #expect(words.allSatisfy { $0.end <= total })
    }

    @Test func aBadListIsAnErrorNamingWhatIsWrong() throws {
        var e = ""
        do { _ = try render([], voices: "nobody") } catch { e = String(describing: error) }
        #expect(e.contains("no voice of acoustic.fallback can speak") && e.contains("unknown voice 'nobody'"), "\(e)")
        do { _ = try render([], voices: " , ") } catch { e = String(describing: error) }
        #expect(e.contains("parameter 'voices' names no voice"), "\(e)")
    }
}
