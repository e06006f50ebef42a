import Foundation
import Testing
import VoxflowTestSupport
import VoxflowApp

@Suite struct SayCLITests {
    @Test func saysASentenceIntoAWav() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("hello.wav").path
        let r = try VoxflowProcess.run(["say", "Hello from Voxflow. This is the default voice.", "-o", out, "--stats"])
        #expect(r.status == 0, "\(r.stderr)")
        let f = try AudioFile.read(out)
        #expect(f.container == "WAV" && f.rate == 48_000 && f.channels == 1 && f.bits == 16)
        #expect(f.seconds > 2 && f.seconds < 6)
        #expect(r.stderr.contains("wrote \(out): "))
        let statsLine = try #require(r.stderr.split(separator: "\n").first { $0.hasPrefix("{") })
        let stats = try JSONSerialization.jsonObject(with: Data(statsLine.utf8)) as! [String: Any]
        let u = (stats["utterances"] as! [[String: Any]])[0]
        #expect((u["time_to_first_audio_ms"] as! Double) > 0)
        #expect(abs((stats["audio_seconds"] as! Double) - f.seconds) < 0.001)
    }

    @Test func readsOneUtterancePerLineFromStdin() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("lines.flac").path
        let r = try VoxflowProcess.run(["say", "-o", out, "--voice", "slt", "--sample-rate", "22050"], stdin: "First line.\n\nSecond line.\nThird.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("3 utterances"))
        let f = try AudioFile.read(out)
        #expect(f.container == "FLAC" && f.rate == 22_050)
    }

    @Test func defaultOutputIsSayWavInTheCurrentFolder() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try VoxflowProcess.run(["say", "Default file."], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("say.wav").path))
    }

    @Test func badOptionsReportEveryProblemAndWriteNothing() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.wav").path
        let r = try VoxflowProcess.run(["say", "Nothing.", "-o", out, "--rate", "9", "--voice", "bob", "--encoding", "float", "--channels", "3"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the graph is not valid (2 problems)"))
        #expect(r.stderr.contains("parameter 'rate' value 9 is out of range; allowed 0.25…4 ×"))
        #expect(r.stderr.contains("parameter 'channels' value 3 is out of range"))
        // A voice is checked when its node is made, which a node with an invalid parameter never is: alone, it is named.
        let bob = try VoxflowProcess.run(["say", "Nothing.", "-o", out, "--voice", "bob", "--channels", "3"])
        #expect(bob.stderr.contains("the graph is not valid (2 problems)") && bob.stderr.contains("unknown voice 'bob'; did you mean 'awb'? the best installed: rms (parametric, en-US)") && bob.stderr.contains("`voxflow voices` lists all"), "\(bob.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let flac = try VoxflowProcess.run(["say", "x", "-o", dir.appendingPathComponent("x.flac").path, "--encoding", "float"])
        #expect(flac.stderr.contains("float is not available for FLAC; use pcm16 or pcm24"))
        let folder = try VoxflowProcess.run(["say", "x", "-o", "/nonexistent/dir/x.wav"])
        #expect(folder.status == 1 && folder.stderr.contains("folder /nonexistent/dir does not exist"))
    }

    @Test func refusingToResampleIsExplained() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // acoustic.auto speaks at the sink's rate; one engine alone (flite, 16 kHz) into a 48 kHz file needs a resampler.
        let script = dir.appendingPathComponent("one.lua")
        try """
            local vf = require("voxflow")
            local g = vf.graph{ auto_resample = false, { "text.normalize" }, { "prosody.tag" }, { "acoustic.flite", name = "tts" },
                                { "vocoder.passthrough", name = "vocoder" }, { "sink.file", name = "out", path = arg[1], sample_rate = 48000 } }
            g:say("x")
            """.write(to: script, atomically: true, encoding: .utf8)
        let r = try VoxflowProcess.run(["run", script.path, dir.appendingPathComponent("x.wav").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot link 'vocoder.out' (audio(16000 Hz, 1 ch)) to 'out.in' (audio(48000 Hz, 1 ch)): no common format"), "\(r.stderr)")
    }

    @Test func interruptLeavesNoFile() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("int.wav").path
        let p = VoxflowProcess.start(["say", "-o", out])
        let input = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardError = err
        try p.run()
        input.fileHandleForWriting.write(Data("A first line is written to the partial file.\n".utf8))
        // Wait until the partial file exists: the run is under way.
        let deadline = Date().addingTimeInterval(20)
        while (try FileManager.default.contentsOfDirectory(atPath: dir.path)).isEmpty && Date() < deadline { usleep(20_000) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).first?.hasPrefix(".int.wav.partial-") == true)
        p.interrupt()
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(e.contains("interrupted; no output was written"))
    }

    @Test func marksAreWrittenAsJSONAndWebVTTInTheOutputTimeline() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = dir.appendingPathComponent("m.wav").path, json = dir.appendingPathComponent("m.json").path
        let vtt = dir.appendingPathComponent("m.vtt").path
        let text = "Hello there, my friend. <mark name=\"here\"/>How are you today?"
        let r = try VoxflowProcess.run(["say", text, "-o", wav, "--marks", json, "--sample-rate", "24000"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as! [String: Any]
        #expect(doc["sample_rate"] as? Int == 24_000)
        let words = doc["words"] as! [[String: Any]]
        #expect(words.map { $0["text"] as! String } == ["Hello", "there", "my", "friend", "How", "are", "you", "today"])
        let frames = try AudioFile.read(wav).frames
        var last = 0
        for w in words {
            let s = w["start_sample"] as! Int, e = w["end_sample"] as! Int
            #expect(s >= last && e >= s && e <= frames, "monotonic and inside the audio")
            #expect(abs(w["start"] as! Double - Double(s) / 24_000) < 0.001)
            last = s
        }
        let marks = doc["bookmarks"] as! [[String: Any]]
        #expect(marks.count == 1 && marks[0]["name"] as? String == "here")
        #expect((marks[0]["sample"] as! Int) <= (words[4]["start_sample"] as! Int))
        #expect((marks[0]["sample"] as! Int) >= (words[3]["end_sample"] as! Int))

        let p = try VoxflowProcess.run(["say", text, "-o", wav, "--marks", vtt, "--marks-per", "phrase"])
        #expect(p.status == 0)
        let cues = try String(contentsOfFile: vtt, encoding: .utf8)
        #expect(cues.hasPrefix("WEBVTT\n"))
        #expect(cues.contains("Hello there\n") && cues.contains("How are you today\n"))
        #expect(cues.contains(" --> "))
        let bad = try VoxflowProcess.run(["say", "Hi.", "-o", wav, "--marks", dir.appendingPathComponent("m.txt").path])
        #expect(bad.status == 1 && bad.stderr.contains("write marks to a .json or .vtt file"))
    }

    @Test func durationTargetsAreFittedAndReported() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = dir.appendingPathComponent("fit.wav").path
        let r = try VoxflowProcess.run(["say", "This line must fill two seconds exactly.", "--duration", "2", "-o", wav])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("utterance 1 fitted: natural "), "\(r.stderr)")
        #expect(r.stderr.contains("target 2.000 s, achieved 2.000 s"), "\(r.stderr)")
        #expect(abs(Double(try AudioFile.read(wav).frames) / 48_000 - 2) < 0.005)
        let refused = try VoxflowProcess.run(["say", "Too short a slot for all of these words.", "--duration", "0.3", "--fit", "refuse", "-o", wav])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("natural length"), "\(refused.stderr)")
        let both = try VoxflowProcess.run(["say", "x", "--duration", "1", "--ratio", "2", "-o", wav])
        #expect(both.status == 1 && both.stderr.contains("give one of --duration, --ratio and --max-duration"))
    }

    /// `<prosody duration>` fits one phrase's speech and leaves the rest natural.
    @Test(arguments: [0.8, 1.5, 2.0])
    func phraseDurationTargets(_ target: Double) throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = dir.appendingPathComponent("p.wav").path
        let text = "<speak><prosody duration=\"\(target)s\">Short words here.</prosody> And then the rest, spoken naturally.</speak>"
        let r = try VoxflowProcess.run(["say", text, "-o", wav, "--sample-rate", "16000"])
        #expect(r.status == 0, "\(r.stderr)")
        let s = try AudioFile.read(wav).samples
        let threshold = Float(pow(10, -50.0 / 20))
        let first = try #require(s.firstIndex { abs($0) >= threshold })
        // The phrase ends at the last audible sample before its pause (150 ms of silence).
        var last = first, quiet = 0
        for i in first..<s.count {
            if abs(s[i]) >= threshold { last = i; quiet = 0 } else { quiet += 1; if quiet >= 2_400 { break } }
        }
        let achieved = Double(last + 1 - first) / 16_000
        #expect(abs(achieved - target) < 0.04, "phrase speech \(achieved) s for a target of \(target) s")
    }
}
