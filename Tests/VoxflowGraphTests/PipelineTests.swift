import Foundation
import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

@Suite struct PipelineTests {
    let catalog = TestCatalog()

    func run(_ spec: GraphSpec, _ text: String, mode: Pipeline.Mode = .offline, log: EventLog? = nil) throws -> (CaptureNode, Pipeline) {
        let graph = try GraphBuilder.build(spec, catalog: catalog)
        let p = Pipeline(graph: graph, mode: mode) { e in log?.record(e) }
        p.submit(Utterance(id: 1, text: text))
        p.waitAll()
        try p.finish()
        return (graph.element(named: "cap")!.node as! CaptureNode, p)
    }

    @Test func firstAudioLeavesBeforeLastPhraseIsSynthesized() throws {
        let log = EventLog()
        let (cap, _) = try run(speechChain(), paragraph, log: log)
        let events = log.events
        let ttsChunks = events.indices.filter { if case .emitted(node: "tts", _, _, _, _) = events[$0] { return true }; return false }
        let firstAtSink = events.firstIndex { if case .sinkReceived(node: "cap", _, .audio, _) = $0 { return true }; return false }
        #expect(ttsChunks.count >= 4, "one acoustic chunk per phrase")
        #expect(firstAtSink != nil)
        #expect(firstAtSink! < ttsChunks.last!, "first audio reached the sink before the last phrase was synthesized")
        #expect(cap.endReason(of: 1) == .completed)
    }

    @Test func offlineRunsAreDeterministic() throws {
        let (a, _) = try run(speechChain(), paragraph)
        let (b, _) = try run(speechChain(), paragraph)
        let sameAudio = a.audio(of: 1) == b.audio(of: 1)
        #expect(sameAudio)
        #expect(a.marks(of: 1) == b.marks(of: 1))
        #expect(a.audio(of: 1).count > 48_000 * 3)
    }

    @Test func marksStayExactThroughTheResampler() throws {
        let (at16, _) = try run(speechChain(rate: 16_000), paragraph)
        let (at48, _) = try run(speechChain(rate: 48_000), paragraph)
        let m16 = at16.marks(of: 1), m48 = at48.marks(of: 1)
        #expect(m16.map(\.text) == ["The", "first", "sentence", "is", "here", "with", "a", "pause", "in", "it", "The", "second", "sentence",
                                    "follows", "it", "has", "two", "parts", "And", "the", "third", "one", "ends", "the", "paragraph"],
                "one word mark per written word")
        #expect(m48 == m16.map { $0.rescaled(from: 16_000, to: 48_000) })
        #expect(m48.map { $0.start } == m16.map { $0.start * 3 })
        // Monotonic and inside the audio.
        let n = at48.audio(of: 1).count
        #expect(n == at16.audio(of: 1).count * 3)
        for (a, b) in zip(m48, m48.dropFirst()) { #expect(a.start <= b.start && a.end <= b.start + 1) }
        #expect(m48.allSatisfy { $0.start < $0.end && $0.end <= n })
        // Each chunk carries only marks that start inside it.
        for case let .audio(c) in at48.chunks(of: 1) where !c.marks.isEmpty && c.frameCount > 0 {
            #expect(c.marks.allSatisfy { $0.start >= c.startFrame && $0.start < c.startFrame + c.frameCount })
        }
    }

    @Test func cancelStopsTheSinkWithinOneChunk() throws {
        let graph = try GraphBuilder.build(speechChain(rate: 16_000), catalog: catalog)
        let cap = graph.element(named: "cap")!.node as! CaptureNode
        cap.delayPerChunk = 20_000
        let p = Pipeline(graph: graph, mode: .threaded(queueCapacity: 2))
        nonisolated(unsafe) var chunksAtCancel = -1
        cap.onPacket = { packet in
            guard packet.utterance == 1, case .chunk = packet.body, chunksAtCancel < 0 else { return }
            chunksAtCancel = cap.chunks(of: 1).count
            p.cancel(1)
        }
        let long = String(repeating: paragraph + " ", count: 6)
        p.submit(Utterance(id: 1, text: long))
        p.submit(Utterance(id: 2, text: "After the cancel, this one plays in full."))
        #expect(p.wait(1) == .cancelled)
        p.waitAll()
        try p.finish()
        #expect(chunksAtCancel == 1)
        #expect(cap.chunks(of: 1).count <= chunksAtCancel + 1, "at most the chunk in hand after cancel")
        #expect(cap.endReason(of: 1) == .cancelled)
        #expect(cap.endReason(of: 2) == .completed)
        #expect(cap.audio(of: 2).count > 16_000)
    }

    @Test func threadedQueuesStayBounded() throws {
        let long = String(repeating: paragraph + " ", count: 10)
        let (cap, p) = try run(speechChain(rate: 16_000), long, mode: .threaded(queueCapacity: 3))
        #expect(p.queueHighWater <= 3)
        let (offline, _) = try run(speechChain(rate: 16_000), long)
        let same = cap.audio(of: 1) == offline.audio(of: 1)
        #expect(same, "threaded and offline runs give the same audio")
    }

    @Test func aFailingUtteranceEndsFailedAndLaterOnesFlow() throws {
        let graph = try GraphBuilder.build(speechChain(rate: 16_000), catalog: catalog)
        let log = EventLog()
        let p = Pipeline(graph: graph) { log.record($0) }
        p.submit(Utterance(id: 1, text: "Nobody speaks this.", controls: Controls(voice: "nobody")))
        p.submit(Utterance(id: 2, text: "But this is spoken."))
        try p.finish()
        let cap = graph.element(named: "cap")!.node as! CaptureNode
        guard case let .failed(node, message) = cap.endReason(of: 1) else { Issue.record("utterance 1 should fail"); return }
        #expect(node == "tts")
        #expect(message.contains("unknown voice 'nobody'"))
        #expect(cap.audio(of: 1).isEmpty)
        #expect(cap.endReason(of: 2) == .completed && !cap.audio(of: 2).isEmpty)
        #expect(log.events.contains { if case .failed(node: "tts", utterance: 1, _) = $0 { return true }; return false })
    }
}
