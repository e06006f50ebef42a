import Foundation
import Testing
import VoxflowApp
import VoxflowTestSupport

/// A new engine from one small folder (Tests/Fixtures/ToneEngine: a package that depends on the SDK alone), built here
/// and used from every front door — `voxflow voices`, `say --voice`, SSML `<voice>`, `dub --voices` mixed with flite,
/// Lua and the server — with no change to the host.
@Suite(.serialized) struct ToneEngineCLITests {
    static let built: Result<String, ToneBuildError> = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["swift", "build", "--package-path", VoxflowProcess.repo.appendingPathComponent("Tests/Fixtures/ToneEngine").path,
                       "--scratch-path", VoxflowProcess.repo.appendingPathComponent(".build-tone").path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        do { try p.run() } catch { return .failure(ToneBuildError(output: "\(error)")) }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let lib = VoxflowProcess.repo.appendingPathComponent(".build-tone/debug/libVoxflowPluginToneEngine.so").path
        guard p.terminationStatus == 0, FileManager.default.fileExists(atPath: lib) else { return .failure(ToneBuildError(output: text)) }
        return .success(lib)
    }()

    struct ToneBuildError: Error, CustomStringConvertible {
        var output: String
        var description: String { "the tone engine plugin did not build: \(output)" }
    }

    func env() throws -> [String: String] { ["VOXFLOW_PLUGIN_PATH": try Self.built.get()] }

    /// The frequency of `s` (one tone), from its zero crossings over its length.
    static func frequency(_ s: ArraySlice<Float>, rate: Int) -> Double {
        let v = Array(s)
        var crossings = 0
        for i in v.indices.dropFirst() where (v[i - 1] < 0) != (v[i] < 0) && (v[i - 1] != 0 || v[i] != 0) { crossings += 1 }
        return Double(crossings) / 2 / (Double(v.count) / Double(rate))
    }

    /// The middle 0.1 s of the audio from `second` on (inside one word's tone).
    static func middle(_ s: [Float], at second: Double, rate: Int) -> ArraySlice<Float> {
        let a = Int((second + 0.05) * Double(rate))
        return s[a..<min(s.count, a + rate / 10)]
    }

    static func words(_ path: String) throws -> [(text: String, start: Double, end: Double)] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return (json["words"] as? [[String: Any]] ?? []).map { ($0["text"] as! String, $0["start"] as! Double, $0["end"] as! Double) }
    }

    @Test func voicesListsTheNewEnginesVoices() throws {
        let r = try VoxflowProcess.run(["voices", "--json"], env: try env())
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let tone = rows.filter { $0["engine"] as? String == "acoustic.tone" }.map { $0["name"] as! String }
        #expect(tone == ["tone-low", "tone-high"], "\(r.stdout.prefix(500))")
    }

    @Test func sayWithItsVoiceAndSSMLSwitchingEngineMidUtterance() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("t.wav").path, marks = dir.appendingPathComponent("t.json").path
        let r = try VoxflowProcess.run(["say", "--voice", "tone-high", "Two words.", "-o", out, "--marks", marks], env: try env())
        #expect(r.status == 0, "\(r.stderr)")
        let f = try AudioFile.read(out)
        #expect(abs(Self.frequency(Self.middle(f.samples, at: 0, rate: f.rate), rate: f.rate) - 440) < 15)
        #expect(try Self.words(marks).map(\.text) == ["Two", "words"])

        // flite's default voice, then the tone engine for the <voice> span, then flite again: one utterance, marks in order.
        let mixed = try VoxflowProcess.run(["say", "<speak>Hello there <voice name=\"tone-low\">tone words</voice> and back.</speak>",
                                            "-o", out, "--marks", marks], env: try env())
        #expect(mixed.status == 0, "\(mixed.stderr)")
        let w = try Self.words(marks)
        #expect(w.map(\.text) == ["Hello", "there", "tone", "words", "and", "back"], "\(w)")
        #expect(zip(w, w.dropFirst()).allSatisfy { $0.end <= $1.start + 1e-6 }, "\(w)")
        let g = try AudioFile.read(out)
        #expect(abs(Self.frequency(Self.middle(g.samples, at: w[2].start, rate: g.rate), rate: g.rate) - 220) < 15,
                "the <voice> span is the tone engine's")
    }

    @Test func dubMixesTheNewEngineAndFliteInOneTrackEachCueExactlyPlaced() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cues = [SRTCue(start: 0.5, end: 2.0, text: "ALICE: One two three."), SRTCue(start: 2.3, end: 4.5, text: "BOB: Good morning to you."),
                    SRTCue(start: 4.9, end: 6.2, text: "ALICE: Four five.")]
        try SRTCue.write(cues, to: dir.appendingPathComponent("s.srt"))
        try #"{"ALICE": "tone-high", "BOB": "slt"}"#.write(to: dir.appendingPathComponent("v.json"), atomically: true, encoding: .utf8)
        let r = try VoxflowProcess.run(["dub", "s.srt", "-o", "d.wav", "--voices", "v.json", "--encoding", "float", "--report", "r.csv"],
                                       env: try env(), cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try AudioFile.read(dir.appendingPathComponent("d.wav").path)
        let rows = try Report.read(dir.appendingPathComponent("r.csv"))
        #expect(rows.map { $0["voice"] ?? "" } == ["tone-high", "slt", "tone-high"])
        for (cue, row) in zip(cues, rows) {
            let key = try #require(row["key"])
            let take = try AudioFile.read(dir.appendingPathComponent("d.wav.cache/\(key).flac").path)
            let at = Int((cue.start * Double(out.rate)).rounded())
            #expect(Array(out.samples[at..<(at + take.frames)]) == take.samples, "cue at \(cue.start) s starts on its sample")
            #expect(out.samples[(at - 480)..<at].allSatisfy { $0 == 0 })
        }
        #expect(abs(Self.frequency(Self.middle(out.samples, at: 0.5, rate: out.rate), rate: out.rate) - 440) < 15, "ALICE is the tone engine")
    }

    @Test func luaAndTheServerUseItToo() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("tone.lua")
        try """
            local vf = require("voxflow")
            local g = vf.graph{ { "text.normalize" }, { "prosody.tag" }, { "acoustic.tone", voice = "tone-low" },
                                { "vocoder.passthrough" }, { "sink.file", path = arg[1], sample_rate = 24000 } }
            g:say("Lua speaks.")
            """.write(to: script, atomically: true, encoding: .utf8)
        let lua = try VoxflowProcess.run(["run", script.path, dir.appendingPathComponent("lua.wav").path], env: try env())
        #expect(lua.status == 0, "\(lua.stderr)")
        let f = try AudioFile.read(dir.appendingPathComponent("lua.wav").path)
        #expect(f.rate == 24_000 && abs(Self.frequency(Self.middle(f.samples, at: 0, rate: f.rate), rate: f.rate) - 220) < 15)

        let port = 20_000 + Int(getpid() % 20_000)
        let server = VoxflowProcess.start(["serve", "--port", "\(port)"], env: try env())
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let wav = dir.appendingPathComponent("served.wav").path
        var status: Int32 = -1
        for _ in 0..<100 where status != 0 {
            usleep(100_000)
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            curl.arguments = ["curl", "-sf", "-o", wav, "http://127.0.0.1:\(port)/api/tts/synthesize",
                              "-d", #"{"text": "Served words.", "voice": "tone-high"}"#]
            try curl.run()
            curl.waitUntilExit()
            status = curl.terminationStatus
        }
        #expect(status == 0, "the server answered")
        let s = try AudioFile.read(wav)
        #expect(abs(Self.frequency(Self.middle(s.samples, at: 0, rate: s.rate), rate: s.rate) - 440) < 15)
    }
}
