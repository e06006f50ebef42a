import Foundation
import Testing
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// acoustic.sherpa with the real sherpa-onnx C library (PyPI sherpa-onnx-core) and real libespeak-ng phonemization, on
/// tiny ONNX voices made at test time (scripts/tiny-tts-models): their "speech" is a tone whose length is exactly
/// 256 samples per phoneme id × length scale, and whose pitch is 200 + 40 × speaker Hz.
@Suite(.serialized) struct SherpaTests {
    let catalog = EngineTestCatalog()

    struct Run {
        let capture: CaptureNode
        let log: EventLog
        func audio(_ id: UtteranceID = 1) -> [Float] { capture.audio(of: id) }
        func chunks(_ id: UtteranceID = 1) -> [AudioChunk] {
            capture.chunks(of: id).compactMap { if case let .audio(a) = $0 { return a } else { return nil } }
        }
        func words(_ id: UtteranceID = 1) -> [Mark] { capture.marks(of: id).filter { $0.kind == .word } }
        var warnings: [String] { log.events.compactMap { if case let .node(_, .warning(w)) = $0 { return w.located } else { return nil } } }
        var statistics: [String: Double] {
            log.events.reduce(into: [:]) { if case let .node(_, .statistics(_, v)) = $1 { $0.merge(v) { $1 } } }
        }
    }

    func render(_ phrases: [ProsodyChunk], type: String = "acoustic.sherpa", controls: Controls = Controls(),
                _ parameters: [String: ParameterValue]) throws -> Run {
        let graph = try GraphBuilder.build(engineChain(type, parameters), catalog: catalog)
        let log = EventLog()
        let pipeline = Pipeline(graph: graph, observer: { log.record($0) })
        let capture = graph.element(named: "cap")!.node as! CaptureNode
        catalog.source.script(1, phrases)
        pipeline.submit(Utterance(id: 1, text: "", controls: controls))
        try pipeline.finish()
        return Run(capture: capture, log: log)
    }

    static func phrase(_ text: String, index: Int = 0, pauseAfter: Double = 0, voice: String? = nil) -> ProsodyChunk {
        ProsodyChunk(text: text, index: index, pauseAfter: pauseAfter, voice: voice)
    }

    /// Samples of the tone (the pauses are exact zeros).
    static func speech(_ s: [Float]) -> Int { s.filter { $0 != 0 }.count }

    /// The tone's frequency from its zero crossings.
    static func frequency(_ s: [Float], rate: Int) -> Double {
        let v = s.filter { $0 != 0 }
        var crossings = 0
        for i in 1..<v.count where (v[i - 1] < 0) != (v[i] < 0) { crossings += 1 }
        return Double(crossings) / 2 / (Double(v.count) / Double(rate))
    }

    func errorText(_ body: () throws -> Void) -> String {
        do { try body() } catch { return String(describing: error) }
        return ""
    }

    @Test func piperVoiceStreamsClausesOfTheModelsLength() throws {
        let voice = try TinyModels.path("piper-en/voice.onnx")
        let run = try render([Self.phrase("Hello there, this is a test.", pauseAfter: 0.1)], ["voice": .string(voice)])
        let chunks = run.chunks()
        #expect(chunks.allSatisfy { $0.rate == TinyModels.rate })
        // Each clause is one generation of exactly (2·phonemes + 3) × 256 samples: the total is a multiple of 256.
        let speech = chunks.filter { $0.samples.contains { $0 != 0 } }.reduce(0) { $0 + $1.frameCount }
        #expect(speech > 0 && speech % TinyModels.hop == 0, "speech \(speech) samples")
        // Streamed in pieces of at most 100 ms, then the phrase's pause.
        #expect(chunks.count > 3 && chunks.allSatisfy { $0.frameCount <= TinyModels.rate / 10 })
        #expect(run.audio().count == speech + Int((0.1 * Double(TinyModels.rate)).rounded()))
        #expect(run.words().map(\.text) == ["Hello", "there", "this", "is", "a", "test"])
        let w = run.words()
        #expect(zip(w, w.dropFirst()).allSatisfy { $0.end <= $1.start + 1 } && w.last!.end <= speech)
    }

    @Test func lengthScaleAndRateScaleTheAudio() throws {
        let voice = try TinyModels.path("piper-en/voice.onnx")
        let p = [Self.phrase("A longer phrase, to measure the length.")]
        let natural = Self.speech(try render(p, ["voice": .string(voice)]).audio())
        let slow = Self.speech(try render(p, ["voice": .string(voice), "length_scale": .double(2)]).audio())
        let fast = Self.speech(try render(p, ["voice": .string(voice), "rate": .double(2)]).audio())
        #expect(abs(Double(slow) / Double(natural) - 2) < 0.01, "\(slow) vs \(natural)")
        #expect(abs(Double(fast) / Double(natural) - 0.5) < 0.01, "\(fast) vs \(natural)")
    }

    @Test func durationTargetIsReachedThroughTheLengthScale() throws {
        let voice = try TinyModels.path("piper-en/voice.onnx")
        let p = [Self.phrase("Fit this phrase to its slot.")]
        let natural = Double(Self.speech(try render(p, ["voice": .string(voice)]).audio())) / Double(TinyModels.rate)
        let run = try render(p, controls: Controls(ratio: 1.3), ["voice": .string(voice)])
        let fitted = Double(Self.speech(run.audio())) / Double(TinyModels.rate)
        #expect(abs(fitted / natural - 1.3) < 0.02, "\(fitted) vs \(natural)")
        #expect(abs((run.statistics["engine_length_factor"] ?? 0) - 1.3) < 0.01)
    }

    @Test func speakerIdsPickTheSpeaker() throws {
        let voice = try TinyModels.path("piper-multi/multi.onnx")
        let p = [Self.phrase("Speaker test phrase.")]
        let f0 = Self.frequency(try render(p, ["voice": .string(voice), "speaker": .int(0)]).audio(), rate: TinyModels.rate)
        let f2 = Self.frequency(try render(p, ["voice": .string(voice), "speaker": .int(2)]).audio(), rate: TinyModels.rate)
        #expect(abs(f0 - 200) < 3, "\(f0)")
        #expect(abs(f2 - 280) < 3, "\(f2)")
        let e = errorText { _ = try render(p, ["voice": .string(voice), "speaker": .int(5)]) }
        #expect(e.contains("speaker 5 is out of range") && e.contains("3 speakers"), "\(e)")
    }

    @Test func sherpaModelFolderAndMatchaRender() throws {
        let vits = try render([Self.phrase("Model folder.")], ["voice": .string(try TinyModels.path("sherpa-vits"))])
        #expect(vits.audio().count % TinyModels.hop == 0 && Self.speech(vits.audio()) > 0, "\(vits.audio().count)")
        let matcha = try render([Self.phrase("Matcha and a vocoder.")], ["voice": .string(try TinyModels.path("matcha"))])
        #expect(matcha.audio().count > TinyModels.rate / 10)
    }

    @Test func missingFilesAreNamedBeforeAnythingLoads() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = [Self.phrase("Hi.")]
        var e = errorText { _ = try render(p, ["voice": .string(dir.path + "/none/voice.onnx")]) }
        #expect(e.contains(dir.path + "/none/voice.onnx: missing"), "\(e)")
        // A Piper model without its .onnx.json.
        try FileManager.default.copyItem(atPath: try TinyModels.path("piper-en/voice.onnx"), toPath: dir.path + "/lonely.onnx")
        e = errorText { _ = try render(p, ["voice": .string(dir.path + "/lonely.onnx")]) }
        #expect(e.contains(dir.path + "/lonely.onnx.json: missing (Piper voice config"), "\(e)")
        // A sherpa-onnx folder without tokens.txt.
        try FileManager.default.createDirectory(atPath: dir.path + "/vits", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try TinyModels.path("sherpa-vits/model.onnx"), toPath: dir.path + "/vits/model.onnx")
        e = errorText { _ = try render(p, ["voice": .string(dir.path + "/vits")]) }
        #expect(e.contains(dir.path + "/vits/tokens.txt: missing (tokens of model"), "\(e)")
        // Kokoro (model, voices.bin, tokens) and ZipVoice (encoder, decoder, vocoder, tokens): the real loading code
        // names what is missing.
        try FileManager.default.createDirectory(atPath: dir.path + "/kokoro", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try TinyModels.path("sherpa-vits/tokens.txt"), toPath: dir.path + "/kokoro/tokens.txt")
        _ = FileManager.default.createFile(atPath: dir.path + "/kokoro/voices.bin", contents: Data(count: 1024))
        e = errorText { _ = try render(p, ["voice": .string(dir.path + "/kokoro")]) }
        #expect(e.contains(dir.path + "/kokoro/model.onnx: missing (model of model"), "\(e)")
        try FileManager.default.createDirectory(atPath: dir.path + "/zipvoice", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try TinyModels.path("sherpa-vits/model.onnx"), toPath: dir.path + "/zipvoice/encoder.onnx")
        try FileManager.default.copyItem(atPath: try TinyModels.path("sherpa-vits/tokens.txt"), toPath: dir.path + "/zipvoice/tokens.txt")
        e = errorText { _ = try render(p, ["voice": .string(dir.path + "/zipvoice")]) }
        #expect(e.contains(dir.path + "/zipvoice/vocos.onnx: missing (vocoder of model"), "\(e)")
        // A malformed Piper config.
        try FileManager.default.copyItem(atPath: try TinyModels.path("piper-en/voice.onnx"), toPath: dir.path + "/bad.onnx")
        try "{ not json".write(toFile: dir.path + "/bad.onnx.json", atomically: true, encoding: .utf8)
        e = errorText { _ = try render(p, ["voice": .string(dir.path + "/bad.onnx")]) }
        #expect(e.contains(dir.path + "/bad.onnx.json: is not valid JSON"), "\(e)")
    }

    @Test func brokenMetadataFailsInAChildProcessAndTheHostSurvives() throws {
        let broken = try TinyModels.path("broken")
        let e = errorText { _ = try render([Self.phrase("Hi.")], ["voice": .string(broken)]) }
        #expect(e.contains(broken + ": sherpa-onnx cannot open this model"), "\(e)")
        #expect(e.contains("'sample_rate' does not exist in the metadata"), "\(e)")
        // Still here, and a good model still speaks.
        let run = try render([Self.phrase("Still alive.")], ["voice": .string(try TinyModels.path("piper-en/voice.onnx"))])
        #expect(Self.speech(run.audio()) > 0)
    }

    @Test func referenceRecordingSetsThePitchOfAVoiceThatCannotClone() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two recordings of espeak-ng at a low and a high pitch.
        for (name, pitch) in [("low", "10"), ("high", "90")] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["espeak-ng", "-p", pitch, "-w", dir.path + "/\(name).wav", "This is my voice, a few seconds of speech for the reference."]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        let voice = try TinyModels.path("piper-en/voice.onnx")
        func shift(_ name: String) throws -> Double {
            try residualPitch("{\"reference\":\"\(dir.path)/\(name).wav\",\"text\":\"This is my voice\"}", voice)
        }
        let low = try shift("low"), high = try shift("high")
        #expect(high - low > 4, "low \(low), high \(high)")
        let e = errorText { _ = try render([Self.phrase("Hi.")], ["voice": .string("{\"reference\":\"\(dir.path)/none.wav\"}"), "model": .string(voice)]) }
        #expect(e.contains("voice reference \(dir.path)/none.wav: missing"), "\(e)")
    }

    /// The residual pitch acoustic.sherpa puts on its chunks (test.capture taking acoustic chunks).
    func residualPitch(_ voiceTable: String, _ model: String) throws -> Double {
        var spec = GraphSpec()
        spec.chain([
            NodeSpec("src", "test.prosody"),
            NodeSpec("tts", "acoustic.sherpa", ["voice": .string(voiceTable), "model": .string(model)]),
            NodeSpec("cap", "test.capture", ["kind": .string("acoustic")]),
        ])
        let graph = try GraphBuilder.build(spec, catalog: catalog)
        let pipeline = Pipeline(graph: graph)
        catalog.source.script(7, [Self.phrase("Hello.")])
        pipeline.submit(Utterance(id: 7, text: ""))
        try pipeline.finish()
        let capture = graph.element(named: "cap")!.node as! CaptureNode
        let first = capture.chunks(of: 7).compactMap { if case let .acoustic(a) = $0 { return a } else { return nil } }.first
        return try #require(first).residualPitch
    }

    @Test func modelsAreSharedAndCanBeUnloadedAndReloaded() throws {
        let folder = try TinyModels.path("sherpa-vits")
        let vf = Voxflow(plugins: TestCatalog.plugins)
        let a = try GraphBuilder.build(engineChain("acoustic.sherpa", ["voice": .string(folder)]), catalog: catalog)
        let b = try GraphBuilder.build(engineChain("acoustic.sherpa", ["voice": .string(folder)]), catalog: catalog)
        let mine = { vf.loadedModels().filter { $0.path == folder } }
        #expect(mine().count == 1)
        #expect(mine().first?.users ?? 0 >= 2 && mine().first?.sampleRate == TinyModels.rate)
        #expect(vf.unloadModels(path: folder) == 1)
        #expect(mine().isEmpty)
        // A graph built before the unload loads it again on its next phrase.
        let pipeline = Pipeline(graph: a)
        catalog.source.script(3, [Self.phrase("Back again.")])
        pipeline.submit(Utterance(id: 3, text: ""))
        try pipeline.finish()
        #expect(Self.speech((a.element(named: "cap")!.node as! CaptureNode).audio(of: 3)) > 0)
        #expect(mine().count == 1)
        try vf.reloadModel(path: folder)
        #expect(mine().count == 1)
        let e = errorText { try vf.reloadModel(path: try TinyModels.path("broken")) }
        #expect(e.contains("cannot open this model"), "\(e)")
        _ = b
    }
    /// A config's noise_scale reaches the model as written, 0 included (sherpa-onnx reads exactly 0 as "the default", so
    /// 0 is passed as 1e-5): the tiny "piper-noise" model's tone has the noise scale it was given as its amplitude.
    @Test func noiseScaleZeroInAConfigIsHonoured() throws {
        let source = try TinyModels.path("piper-noise/noise.onnx")
        let dir = try VoxflowProcess.tempDir()
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: source + ".json"))) as! [String: Any]
        var peaks: [Double: Float] = [:]
        for scale in [0.667, 0.25, 0] {
            let onnx = dir.appendingPathComponent("noise-\(scale).onnx").path
            try FileManager.default.copyItem(atPath: source, toPath: onnx)
            var c = config
            c["inference"] = ["noise_scale": scale, "length_scale": 1, "noise_w": 0]
            try JSONSerialization.data(withJSONObject: c).write(to: URL(fileURLWithPath: onnx + ".json"))
            let run = try render([Self.phrase("Hello there.")], ["voice": .string(onnx)])
            peaks[scale] = run.audio().map(abs).max() ?? -1
        }
        #expect(abs(Double(peaks[0.667]!) - 0.667) < 0.01, "\(peaks)")
        #expect(abs(Double(peaks[0.25]!) - 0.25) < 0.01, "\(peaks)")
        #expect(peaks[0]! < 1e-4, "\(peaks)")
    }
}
