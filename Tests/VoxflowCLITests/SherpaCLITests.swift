import Foundation
import Testing
import VoxflowApp
import VoxflowTestSupport

/// Neural voices from the command line: VOXFLOW_VOICES listed by `voxflow voices`, spoken by `voxflow say --voice`,
/// dubbed, and models listed/unloaded/reloaded from Lua — with the tiny real models of scripts/tiny-tts-models.
@Suite struct SherpaCLITests {
    func env() throws -> [String: String] {
        ["VOXFLOW_VOICES": try TinyModels.voicesList(), "VOXFLOW_CACHE_DIR": try TinyModels.dir().appendingPathComponent("cli-cache").path]
    }

    @Test func voicesListsNeuralVoicesWithLanguageRateAndSpeakers() throws {
        let r = try VoxflowProcess.run(["voices", "--engine", "acoustic.sherpa", "--json"], env: try env())
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as! String, $0) })
        #expect(Set(byName.keys) == ["voice", "multi", "sherpa-vits", "broken", "matcha"])
        #expect(byName["voice"]?["language"] as? String == "en-US" && byName["voice"]?["sample_rate"] as? Int == 22_050)
        #expect(byName["multi"]?["speakers"] as? Int == 3 && byName["voice"]?["speakers"] as? Int == 1)
        let table = try VoxflowProcess.run(["voices", "--engine", "acoustic.sherpa"], env: try env())
        #expect(table.stdout.contains("multi") && table.stdout.contains("3 speakers"), "\(table.stdout)")
    }

    @Test func sayWithANeuralVoiceAndABrokenOne() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("hi.wav").path
        let r = try VoxflowProcess.run(["say", "--voice", "voice", "Hello from a neural voice.", "-o", out], env: try env())
        #expect(r.status == 0, "\(r.stderr)")
        let f = try AudioFile.read(out)
        #expect(f.rate == 48_000 && f.seconds > 0.3, "\(f.seconds)")
        let bad = try VoxflowProcess.run(["say", "--voice", "broken", "Hi.", "-o", dir.appendingPathComponent("no.wav").path], env: try env())
        #expect(bad.status != 0)
        #expect(bad.stderr.contains(try TinyModels.path("broken") + ": sherpa-onnx cannot open this model"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("no.wav").path))
    }

    @Test func dubWithNeuralVoices() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let srt = dir.appendingPathComponent("s.srt").path
        try "1\n00:00:00,000 --> 00:00:02,000\nALICE: Hello there.\n\n2\n00:00:02,500 --> 00:00:04,000\nBOB: And hello to you.\n"
            .write(toFile: srt, atomically: true, encoding: .utf8)
        let voices = dir.appendingPathComponent("voices.json").path
        try "{\"ALICE\": \"voice\", \"BOB\": \"sherpa-vits\"}".write(toFile: voices, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("dub.wav").path
        let r = try VoxflowProcess.run(["dub", srt, "-o", out, "--voices", voices], env: try env())
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func luaListsUnloadsAndReloadsModels() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = try TinyModels.path("sherpa-vits")
        let script = try VoxflowProcess.script("""
            local vf = require("voxflow")
            local g = vf.graph{ { "text.normalize" }, { "prosody.tag" }, { "acoustic.sherpa", voice = "\(model)" },
                                { "vocoder.passthrough" }, { "sink.file", path = arg[1] } }
            g:say("Hello.")
            g:finish()
            local m = vf.models()
            print(#m, m[1].voice, m[1].sample_rate)
            print(vf.unload_model("\(model)"), #vf.models())
            vf.reload_model("\(model)")
            print(#vf.models())
            print(pcall(vf.reload_model, "/nowhere/voice.onnx"))
            """, in: dir)
        let r = try VoxflowProcess.run(["run", script, dir.appendingPathComponent("o.wav").path], env: try env())
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(r.stdout)")
        #expect(lines[safe: 0] == "1\tsherpa-vits\t22050")
        #expect(lines[safe: 1] == "1\t0")
        #expect(lines[safe: 2] == "1")
        #expect(lines[safe: 3]?.contains("false") == true && lines[safe: 3]?.contains("/nowhere/voice.onnx: missing") == true, "\(r.stdout)")
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

/// Two `voxflow say` processes opening one new Piper voice on an empty cache at once: both speak, one entry is left.
@Suite struct SherpaColdCacheCLITests {
    @Test func twoProcessesOnAColdCacheBothSucceed() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for round in 0..<3 {
            let voice = dir.appendingPathComponent("v\(round).onnx").path
            try FileManager.default.copyItem(atPath: try TinyModels.path("piper-en/voice.onnx"), toPath: voice)
            try FileManager.default.copyItem(atPath: try TinyModels.path("piper-en/voice.onnx.json"), toPath: voice + ".json")
            let cache = dir.appendingPathComponent("cache\(round)").path
            let env = ["VOXFLOW_VOICES": voice, "VOXFLOW_CACHE_DIR": cache]
            let results = LockedResults()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let out = dir.appendingPathComponent("r\(round)-\(i).wav").path
                let r = try? VoxflowProcess.run(["say", "--voice", "v\(round)", "Cold cache.", "-o", out], env: env)
                results.add(r)
            }
            for r in results.all {
                #expect(r?.status == 0, "round \(round): \(r?.stderr ?? "did not run")")
            }
            let entries = try FileManager.default.contentsOfDirectory(atPath: cache + "/sherpa/piper")
            #expect(entries.count == 1, "round \(round): \(entries)")
        }
    }
}

private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [VoxflowProcess.Result?] = []
    func add(_ r: VoxflowProcess.Result?) { lock.lock(); results.append(r); lock.unlock() }
    var all: [VoxflowProcess.Result?] { lock.lock(); defer { lock.unlock() }; return results }
}
