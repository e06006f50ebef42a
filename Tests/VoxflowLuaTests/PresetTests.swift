import Foundation
import Testing
import VoxflowTestSupport
import VoxflowApp

/// Every preset in presets/, run as a user would.
@Suite struct PresetTests {
    static let presets = VoxflowProcess.repo.appendingPathComponent("presets")
    func preset(_ name: String) -> String { Self.presets.appendingPathComponent(name).path }

    @Test func everyPresetIsCovered() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.presets.path).filter { $0.hasSuffix(".lua") }.sorted()
        #expect(names == ["dub.lua", "live.lua", "say.lua", "voices-to-files.lua"], "add a test for every new preset")
    }

    @Test func sayRunsDirectly() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VoxflowProcess.run(["run", preset("say.lua"), "Spoken by the preset itself.", "direct.wav"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let f = try AudioFile.read(dir.appendingPathComponent("direct.wav").path)
        #expect(f.rate == 48_000 && f.seconds > 1)
    }

    @Test func sayCommandUsesACopyOfThePreset() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A user's copy with a different sentence pause: the output gets longer.
        let original = try String(contentsOfFile: preset("say.lua"), encoding: .utf8)
        let copy = original.replacingOccurrences(of: #"{ "prosody.tag", name = "prosody" }"#,
                                                 with: #"{ "prosody.tag", name = "prosody", sentence_pause = 2.0 }"#)
        #expect(copy != original)
        let path = try VoxflowProcess.script(copy, in: dir, name: "my-say.lua")
        let a = try VoxflowProcess.run(["say", "One sentence.", "-o", "a.wav"], cwd: dir)
        let b = try VoxflowProcess.run(["say", "One sentence.", "-o", "b.wav", "--preset", path], cwd: dir)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let fa = try AudioFile.read(dir.appendingPathComponent("a.wav").path), fb = try AudioFile.read(dir.appendingPathComponent("b.wav").path)
        #expect(abs((fb.seconds - fa.seconds) - 1.7) < 0.01, "the copy's 2 s pause replaced the default 0.3 s")
    }

    @Test func dubPlacesEveryCueAtItsTime() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let srt = """
            1
            00:00:00,500 --> 00:00:02,000
            ALICE: Good morning.

            2
            00:00:03,000 --> 00:00:04,500
            [Bob] Morning, Alice.

            3
            00:00:06,250 --> 00:00:08,000
            ALICE: Shall we start?

            """
        try srt.write(to: dir.appendingPathComponent("subs.srt"), atomically: true, encoding: .utf8)
        try #"{"ALICE": "slt"}"#.write(to: dir.appendingPathComponent("voices.json"), atomically: true, encoding: .utf8)
        let r = try VoxflowProcess.run(["run", preset("dub.lua"), "subs.srt", "dub.wav", "voices.json"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("dub.wav: 3 cues from subs.srt"))
        let f = try AudioFile.read(dir.appendingPathComponent("dub.wav").path)
        func firstSound(after t: Double) -> Double {
            let start = Int(t * Double(f.rate))
            let i = f.samples[start...].firstIndex { abs($0) > 0.001 } ?? f.samples.count
            return Double(i) / Double(f.rate)
        }
        for cue in [0.5, 3.0, 6.25] {
            // Silence right up to the cue's time, speech soon after it.
            let before = f.samples[Int((cue - 0.3) * Double(f.rate))..<Int(cue * Double(f.rate))]
            #expect(before.allSatisfy { $0 == 0 }, "nothing before the cue at \(cue) s")
            #expect(firstSound(after: cue) - cue < 0.25, "the cue at \(cue) s starts on time")
        }
        let check = try VoxflowProcess.run(["check", preset("dub.lua"), "subs.srt"], cwd: dir)
        #expect(check.stdout.contains("ok (1 graph, 6 nodes)"))
    }

    @Test func dubReadsWebVTTAndReportsBadSubtitles() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "WEBVTT\n\n00:01.000 --> 00:02.500\n<v Carol>Hello from WebVTT.</v>\n".write(to: dir.appendingPathComponent("s.vtt"), atomically: true, encoding: .utf8)
        let ok = try VoxflowProcess.run(["run", preset("dub.lua"), "s.vtt", "v.wav"], cwd: dir)
        #expect(ok.status == 0, "\(ok.stderr)")
        try "1\n00:00:01,000 -> 00:00:02,000\nBroken arrow.\n".write(to: dir.appendingPathComponent("bad.srt"), atomically: true, encoding: .utf8)
        let bad = try VoxflowProcess.run(["run", preset("dub.lua"), "bad.srt", "bad.wav"], cwd: dir)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.srt:2: expected a time line like '00:00:01,000 --> 00:00:03,500', found '00:00:01,000 -> 00:00:02,000'"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.wav").path))
    }

    @Test func liveQueuesLinesOrInterrupts() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = "The first line is long enough to be cut off when the next one arrives.\nSecond.\n"
        let queued = try VoxflowProcess.run(["run", preset("live.lua"), "queued.wav"], stdin: lines, cwd: dir)
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stderr.contains("live: line 1 completed") && queued.stderr.contains("live: line 2 completed"))
        let cut = try VoxflowProcess.run(["run", preset("live.lua"), "--interrupt", "cut.wav"], stdin: lines, cwd: dir)
        #expect(cut.status == 0, "\(cut.stderr)")
        #expect(cut.stderr.contains("live: line 1 cancelled") && cut.stderr.contains("live: line 2 completed"))
        let q = try AudioFile.read(dir.appendingPathComponent("queued.wav").path), c = try AudioFile.read(dir.appendingPathComponent("cut.wav").path)
        #expect(c.seconds < q.seconds - 1, "the interrupted line was cut short")
    }

    @Test func voicesToFilesWritesOneFilePerVoice() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VoxflowProcess.run(["run", preset("voices-to-files.lua"), "Four voices, four files.", dir.path], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        for v in ["rms", "awb", "slt", "kal16"] {
            let f = try AudioFile.read(dir.appendingPathComponent("\(v).wav").path)
            #expect(f.seconds > 1)
        }
    }

    /// (live.lua's default sink is JACK, checked against a server in VoxflowJackTests; here its file form.)
    @Test(arguments: [["say.lua"], ["live.lua", "out.wav"], ["voices-to-files.lua"]])
    func checkValidatesWithoutSynthesizing(_ args: [String]) throws {
        let name = args[0]
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VoxflowProcess.run(["check", preset(name)] + args.dropFirst(), cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(preset(name)): ok"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "check writes nothing")
    }

    @Test func graphPrintsDot() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VoxflowProcess.run(["graph", preset("say.lua"), "--dot"], cwd: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("digraph voxflow {"))
        #expect(r.stdout.contains("\"tts\" -> \"vocoder\" [label=\"acoustic(pcm, 16000 Hz)\""), "acoustic.auto speaks at its default voice's rate")
        #expect(r.stdout.contains("style=dashed"), "the resampler inserted before the 48 kHz sink is drawn dashed")
        let script = dir.appendingPathComponent("flite.lua")
        try """
            local vf = require("voxflow")
            local g = vf.graph{ { "text.normalize" }, { "prosody.tag" }, { "acoustic.flite", name = "tts" }, { "vocoder.passthrough" },
                                { "sink.file", path = "x.wav", sample_rate = 48000 } }
            g:say("x")
            """.write(to: script, atomically: true, encoding: .utf8)
        let one = try VoxflowProcess.run(["graph", script.path, "--dot"], cwd: dir)
        #expect(one.stdout.contains("style=dashed"), "the resampler inserted after flite's 16 kHz is drawn dashed: \(one.stdout)")
    }
}
