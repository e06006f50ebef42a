import Foundation
import Testing
import VoxflowApp
import VoxflowTestSupport

/// `voxflow dub`, run as a user would: real engines, real files, real signals.
@Suite struct DubCLITests {
    static let rate = 48_000

    // MARK: 1. Sample-accurate placement

    @Test func fiftyCuesStartWithinAMillisecondOfTheirTimes() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Cue times with odd milliseconds, slots of 1.9–2.5 s, gaps of at least 0.2 s.
        let cues = (0..<50).map { i -> SRTCue in
            let start = 0.5 + Double(i) * 2.8 + Double(i * 37 % 100) / 1000
            return SRTCue(start: start, end: start + 1.9 + Double(i % 4) * 0.2, text: Sentences.short(i))
        }
        try SRTCue.write(cues, to: dir.appendingPathComponent("fifty.srt"))
        let r = try VoxflowProcess.run(["dub", "fifty.srt", "-o", "fifty.wav", "--encoding", "float", "--report", "r.csv"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let out = try AudioFile.read(dir.appendingPathComponent("fifty.wav").path)
        #expect(out.rate == Self.rate && out.channels == 1 && out.bits == 32)
        #expect(out.frames == Int((cues.last!.end * Double(Self.rate)).rounded()), "the track lasts as long as the subtitles")
        let rows = try Report.read(dir.appendingPathComponent("r.csv"))
        #expect(rows.count == 50)
        let fitted = rows.contains { $0["natural"] != $0["achieved"] }
        for (cue, row) in zip(cues, rows) {
            let key = try #require(row["key"])
            let take = try AudioFile.read(dir.appendingPathComponent("fifty.wav.cache/\(key).flac").path)
            let expected = Int((cue.start * Double(Self.rate)).rounded())
            // Measured: where the cue's own audio best matches the track, ±10 ms around its time.
            let lag = Alignment.bestLag(of: take.samples, in: out.samples, around: expected, within: 480)
            #expect(abs(lag) <= 48, "cue at \(cue.start) s is \(lag) samples off")
            // And exactly: the track holds the cue's samples from its first frame on (no overlaps here).
            #expect(Array(out.samples[expected..<(expected + take.frames)]) == take.samples, "cue at \(cue.start) s")
            #expect(out.samples[(expected - 480)..<expected].allSatisfy { $0 == 0 }, "silence before the cue at \(cue.start) s")
            if fitted {
                // Silence is trimmed before fitting: the voice itself (above -70 dBFS) starts on the cue's time.
                let onset = try #require(out.samples[expected...].firstIndex { abs($0) > 0.0003 })
                #expect(onset - expected <= 48, "speech of the cue at \(cue.start) s starts \(onset - expected) samples late")
            }
        }

        // A second run finds every cue in the cache and writes the same track.
        let again = try VoxflowProcess.run(["dub", "fifty.srt", "-o", "again.wav", "--encoding", "float", "--cache", "fifty.wav.cache"], cwd: dir)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("50 cues (0 rendered, 50 cached)"))
        #expect(try AudioFile.read(dir.appendingPathComponent("again.wav").path).samples == out.samples)
    }

    // MARK: 2. Speakers, voices, stems

    @Test func speakersGetVoicesFromJSONAndStemsHoldOnlyTheirLines() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cues = [SRTCue(start: 0.5, end: 2.2, text: "ALICE: Good morning."), SRTCue(start: 2.6, end: 4.4, text: "[Bob] Morning, Alice."),
                    SRTCue(start: 4.9, end: 6.9, text: "Somewhere, a clock strikes."), SRTCue(start: 7.3, end: 9.0, text: "ALICE: Shall we start?"),
                    SRTCue(start: 9.4, end: 11.0, text: "[Bob] We shall.")]
        try SRTCue.write(cues, to: dir.appendingPathComponent("talk.srt"))
        try #"{"ALICE": "slt", "Bob": "awb"}"#.write(to: dir.appendingPathComponent("voices.json"), atomically: true, encoding: .utf8)
        let r = try VoxflowProcess.run(["dub", "talk.srt", "-o", "talk.wav", "--voices", "voices.json", "--stems", "stems",
                                        "--report", "r.csv", "--encoding", "float"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("voices: ALICE → slt (voices.json), Bob → awb (voices.json), (no speaker) → rms"))
        let rows = try Report.read(dir.appendingPathComponent("r.csv"))
        #expect(rows.map { $0["speaker"]! } == ["ALICE", "Bob", "", "ALICE", "Bob"])
        #expect(rows.map { $0["voice"]! } == ["slt", "awb", "rms", "slt", "awb"])
        #expect(rows[1]["text"] == "Morning, Alice.", "speaker tags are not spoken")

        let mix = try AudioFile.read(dir.appendingPathComponent("talk.wav").path)
        let stems = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("stems").path).sorted()
        #expect(stems == ["ALICE.wav", "Bob.wav", "no-speaker.wav"])
        var sum = [Float](repeating: 0, count: mix.frames)
        for (name, speaker) in [("ALICE", "ALICE"), ("Bob", "Bob"), ("no-speaker", "")] {
            let stem = try AudioFile.read(dir.appendingPathComponent("stems/\(name).wav").path)
            #expect(stem.frames == mix.frames, "\(name): the same timeline")
            // Inside its speaker's lines the stem is the mix; everywhere else it is silent.
            var inside = [Bool](repeating: false, count: stem.frames)
            for row in rows where row["speaker"] == speaker {
                let from = Int((Double(row["placed"]!)! * Double(Self.rate)).rounded())
                let to = min(stem.frames, from + (try take(row, dir, "talk.wav.cache")).frames)
                for i in from..<to { inside[i] = true }
                #expect(Array(stem.samples[from..<to]) == Array(mix.samples[from..<to]), "\(name): its line at \(row["start"]!) s")
            }
            #expect(stem.samples.indices.allSatisfy { inside[$0] || stem.samples[$0] == 0 }, "\(name): nothing from other speakers")
            #expect(stem.samples.contains { abs($0) > 0.05 }, "\(name): speech")
            for i in sum.indices { sum[i] += stem.samples[i] }
        }
        #expect(sum == mix.samples, "the stems add up to the mix")
    }

    @Test func voicesFromALuaTableWebVTTSpeakersAndThePool() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
            WEBVTT

            00:00.500 --> 00:02.000
            <v Carol>Hello from WebVTT.</v>

            00:02.500 --> 00:04.000
            ALICE: Hello, Carol.

            00:04.500 --> 00:06.000
            <v Dave>And hello from me.

            00:06.500 --> 00:08.000
            <v Carol>Nice to meet you.
            """.write(to: dir.appendingPathComponent("s.vtt"), atomically: true, encoding: .utf8)
        // Names match ignoring case; speakers it does not name get pool voices not yet in use.
        try "return { alice = \"rms\" }\n".write(to: dir.appendingPathComponent("voices.lua"), atomically: true, encoding: .utf8)
        let r = try VoxflowProcess.run(["dub", "s.vtt", "-o", "s.flac", "--voices", "voices.lua", "--report", "r.csv"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("voices: Carol → slt (pool), ALICE → rms (voices.lua), Dave → awb (pool)"))
        let rows = try Report.read(dir.appendingPathComponent("r.csv"))
        #expect(rows.map { $0["speaker"]! } == ["Carol", "ALICE", "Dave", "Carol"])
        #expect(rows.map { $0["voice"]! } == ["slt", "rms", "awb", "slt"])
        let f = try AudioFile.read(dir.appendingPathComponent("s.flac").path)
        #expect(f.container == "FLAC" && f.bits == 16 && f.frames == 8 * Self.rate)
    }

    @Test func anUnknownVoiceStopsTheRunBeforeRendering() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write([SRTCue(start: 1, end: 2, text: "ALICE: Hi.")], to: dir.appendingPathComponent("a.srt"))
        try #"{"ALICE": "nobody"}"#.write(to: dir.appendingPathComponent("v.json"), atomically: true, encoding: .utf8)
        let r = try VoxflowProcess.run(["dub", "a.srt", "-o", "a.wav", "--voices", "v.json"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("v.json: speaker ALICE → 'nobody': no installed engine speaks it (voxflow voices lists every voice)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.wav").path))
        let cached = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a.wav.cache").path)
        #expect(cached.isEmpty, "nothing rendered")
    }

    // MARK: 3. Resume

    @Test func aKilledRunLosesNoFinishedCueAndTheRerunGoesOn() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cues = (0..<80).map { i in SRTCue(start: Double(i) * 3 + 0.25, end: Double(i) * 3 + 2.5, text: "Line \(i + 1). " + Sentences.short(i)) }
        try SRTCue.write(cues, to: dir.appendingPathComponent("long.srt"))
        let cache = dir.appendingPathComponent("long.wav.cache")
        func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? [] }

        let p = VoxflowProcess.start(["dub", "long.srt", "-o", "long.wav"], cwd: dir)
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while names().filter({ $0.hasSuffix(".json") }).count < 5 && p.isRunning && Date() < deadline { usleep(5_000) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal, "killed mid-run, not finished")

        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("long.wav").path), "no output from a killed run")
        let beside = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".partial-") }
        #expect(beside.allSatisfy { $0.hasSuffix("-\(p.processIdentifier)") })
        let leftovers = names().filter { $0.contains(".partial-") }
        #expect(leftovers.allSatisfy { $0.hasSuffix(".partial-\(p.processIdentifier)") }, "only the dead process's partial files: \(leftovers)")
        let finished = Set(names().filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        #expect(finished.count >= 5 && finished.count < 80)
        #expect(finished.allSatisfy { FileManager.default.fileExists(atPath: cache.appendingPathComponent("\($0).flac").path) })

        let r = try VoxflowProcess.run(["dub", "long.srt", "-o", "long.wav", "--report", "r.csv"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Report.read(dir.appendingPathComponent("r.csv"))
        #expect(rows.count == 80)
        #expect(Set(rows.filter { $0["cached"] == "yes" }.map { $0["key"]! }) == finished, "exactly the finished cues are reused")
        #expect(rows.filter { $0["cached"] == "no" }.count == 80 - finished.count)
        #expect(r.stderr.contains("80 cues (\(80 - finished.count) rendered, \(finished.count) cached)"))
        let out = try AudioFile.read(dir.appendingPathComponent("long.wav").path)
        #expect(out.frames == Int((cues.last!.end * Double(Self.rate)).rounded()))
        #expect(names().filter { $0.hasSuffix(".flac") }.count == 80)
        #expect(!names().contains { $0.contains(".partial-") }, "the dead process's partial files are cleaned up")
    }

    @Test func ctrlCKeepsFinishedCuesAndLeavesNoPartialFile() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cues = (0..<150).map { i in SRTCue(start: Double(i) * 3, end: Double(i) * 3 + 2.5, text: "Number \(i + 1). " + Sentences.short(i)) }
        try SRTCue.write(cues, to: dir.appendingPathComponent("int.srt"))
        let cache = dir.appendingPathComponent("int.wav.cache")
        func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? [] }
        let p = VoxflowProcess.start(["dub", "int.srt", "-o", "int.wav"], cwd: dir)
        let err = Pipe()
        p.standardError = err
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while names().filter({ $0.hasSuffix(".json") }).count < 3 && p.isRunning && Date() < deadline { usleep(5_000) }
        p.interrupt()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130, "\(e)")
        #expect(e.contains("interrupted"))
        #expect(names().filter { $0.hasSuffix(".json") }.count >= 3)
        #expect(!names().contains { $0.contains(".partial-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["int.srt", "int.wav.cache"])
    }

    // MARK: 4. Malformed subtitles

    @Test(arguments: [
        ("bad.srt", "1\n00:00:01,000 -> 00:00:02,000\nBroken arrow.\n", "bad.srt:2: expected a time line like '00:00:01,000 --> 00:00:03,500'"),
        ("late.srt", "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:05,000 --> 00:00:04,000\nEnds first.\n",
         "late.srt:6: the cue ends (00:00:04,000) before it starts"),
        ("words.srt", "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\nSecond cue\n00:00:03,000 --> 00:00:04,000\nNo number.\n",
         "words.srt:5: expected a cue number, found 'Second cue'"),
        ("time.srt", "1\n00:00:01,000 --> 00:00:02,000\nFine.\n\n2\n00:00:0o,000 --> 00:00:04,000\nA letter o.\n",
         "time.srt:6: cannot read the times in '00:00:0o,000 --> 00:00:04,000'"),
        ("hex.srt", "1\n00:00:0x1,000 --> 00:00:02,000\nHex.\n", "hex.srt:2: cannot read the times in '00:00:0x1,000 --> 00:00:02,000'"),
        ("inf.srt", "1\n00:00:01,000 --> 00:00:inf\nForever.\n", "inf.srt:2: cannot read the times in '00:00:01,000 --> 00:00:inf'"),
        ("head.vtt", "WEBVT\n\n00:01.000 --> 00:02.000\nHello.\n", "head.vtt:1: a WebVTT file starts with 'WEBVTT'"),
    ])
    func malformedSubtitlesNameTheLineAndWriteNothing(_ name: String, _ content: String, _ message: String) throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try content.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let r = try VoxflowProcess.run(["dub", name, "-o", "out.wav", "--report", "r.csv"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("voxflow: error: " + message), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name], "no output, report or cache")
    }

    // MARK: 5. Overlaps

    /// Cue 1's line is far too long for its slot: even fitted it runs into cue 2, which runs into cue 3 when shifted.
    static let crowded = [SRTCue(start: 0, end: 0.8, text: "This first line is much too long to fit into its short slot."),
                          SRTCue(start: 1.0, end: 2.5, text: "The second line."), SRTCue(start: 2.6, end: 4.0, text: "A third one.")]

    @Test func overlapsAreMixedByDefaultAndReported() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write(Self.crowded, to: dir.appendingPathComponent("c.srt"))
        let r = try VoxflowProcess.run(["dub", "c.srt", "-o", "mix.wav", "--report", "r.csv", "--encoding", "float"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 overlapping cue mixed"))
        #expect(r.stderr.contains("c.srt:6: cue 2: overlaps cue 1, which plays "))
        let rows = try Report.read(dir.appendingPathComponent("r.csv"))
        #expect(rows.map { $0["placed"]! } == ["0.000", "1.000", "2.600"], "mixing moves nothing")
        #expect(rows[1]["warnings"]!.contains("overlaps cue 1") && rows[1]["warnings"]!.contains("mixed"))
        #expect(Double(rows[0]["overflow"]!)! > 0.2, "cue 1 runs past its slot")
        let out = try AudioFile.read(dir.appendingPathComponent("mix.wav").path)
        let c1 = try take(rows[0], dir, "mix.wav.cache"), c2 = try take(rows[1], dir, "mix.wav.cache")
        let s2 = Self.rate
        #expect(c1.frames > s2, "cue 1 still plays at cue 2's time")
        // Where both play, the track is their sum, sample for sample.
        let both = s2..<min(c1.frames, s2 + c2.frames)
        #expect(both.filter { out.samples[$0] != c1.samples[$0] + c2.samples[$0 - s2] }.isEmpty)
        #expect(both.contains { abs(c2.samples[$0 - s2]) > 0.01 }, "cue 2 speaks while cue 1 still plays")
    }

    @Test func shiftStartsALineWhenThePreviousEndsAndReportsIt() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write(Self.crowded, to: dir.appendingPathComponent("c.srt"))
        let r = try VoxflowProcess.run(["dub", "c.srt", "-o", "shift.wav", "--overlap", "shift", "--report", "r.csv", "--encoding", "float"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Report.read(dir.appendingPathComponent("r.csv"))
        let c1 = try take(rows[0], dir, "shift.wav.cache"), c2 = try take(rows[1], dir, "shift.wav.cache"), c3 = try take(rows[2], dir, "shift.wav.cache")
        let start2 = c1.frames, start3 = max(Int(2.6 * Double(Self.rate)), start2 + c2.frames)
        #expect(rows[1]["placed"] == String(format: "%.3f", Double(start2) / Double(Self.rate)))
        #expect(rows[1]["warnings"]!.contains("shifted") && rows[1]["warnings"]!.contains("cue 1 plays until"))
        #expect(rows[2]["placed"] == String(format: "%.3f", Double(start3) / Double(Self.rate)))
        let shifted = start3 > Int(2.6 * Double(Self.rate)) ? 2 : 1
        #expect(r.stderr.contains("\(shifted) cue\(shifted == 1 ? "" : "s") shifted"))
        let out = try AudioFile.read(dir.appendingPathComponent("shift.wav").path)
        #expect(Array(out.samples[0..<c1.frames]) == c1.samples)
        #expect(Array(out.samples[start2..<(start2 + c2.frames)]) == c2.samples, "cue 2 whole, after cue 1")
        #expect(Array(out.samples[start3..<(start3 + c3.frames)]) == c3.samples)
        #expect(out.frames == start3 + c3.frames, "the track grows to hold the shifted lines")
    }

    // MARK: 6. Length

    @Test func lengthPadsTheTimelineButNeverCutsTheSubtitles() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write([SRTCue(start: 1, end: 2.5, text: "Hello there."), SRTCue(start: 3, end: 4.5, text: "Bye now.")],
                         to: dir.appendingPathComponent("s.srt"))
        let r = try VoxflowProcess.run(["dub", "s.srt", "-o", "long.wav", "--length", "00:00:12.250"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let f = try AudioFile.read(dir.appendingPathComponent("long.wav").path)
        #expect(f.frames == 588_000, "12.25 s exactly")
        #expect(f.samples[(5 * Self.rate)...].allSatisfy { $0 == 0 }, "silence after the last line")
        let seconds = try VoxflowProcess.run(["dub", "s.srt", "-o", "s.wav", "--length", "7.5", "--cache", "long.wav.cache"], cwd: dir)
        #expect(seconds.stderr.contains("2 cues (0 rendered, 2 cached)"), "the length is not part of a line's key")
        #expect(try AudioFile.read(dir.appendingPathComponent("s.wav").path).frames == 360_000)
        let short = try VoxflowProcess.run(["dub", "s.srt", "-o", "short.wav", "--length", "2"], cwd: dir)
        #expect(short.status == 0)
        #expect(try AudioFile.read(dir.appendingPathComponent("short.wav").path).frames == Int(4.5 * Double(Self.rate)))
        #expect(short.stderr.contains("longer than --length 2.000 s"))
        let bad = try VoxflowProcess.run(["dub", "s.srt", "-o", "x.wav", "--length", "1:75"], cwd: dir)
        #expect(bad.status == 1 && bad.stderr.contains("--length '1:75' is not a time"))
    }

    // MARK: 7. Report

    @Test func theReportHasEveryColumnAndTrueFigures() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cues = [SRTCue(start: 0.5, end: 2.0, text: "Good morning, everyone."), SRTCue(start: 2.5, end: 4.75, text: "Shall we begin the meeting?"),
                    SRTCue(start: 5.0, end: 7.0, text: "[Bob] \"Yes\", he said, \"let us\"."), SRTCue(start: 7.5, end: 7.6, text: "Far too long for such a tiny slot.")]
        try SRTCue.write(cues, to: dir.appendingPathComponent("m.srt"))
        let r = try VoxflowProcess.run(["dub", "m.srt", "-o", "m.wav", "--report", "m.csv"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: dir.appendingPathComponent("m.csv"), encoding: .utf8)
        #expect(text.hasPrefix("index,start,end,slot,speaker,voice,text,natural,target,achieved,ratio,placed,overflow,cached,warnings,key\n"))
        let rows = try Report.read(dir.appendingPathComponent("m.csv"))
        #expect(rows.map { $0["index"]! } == ["1", "2", "3", "4"])
        #expect(rows[2]["text"] == "\"Yes\", he said, \"let us\".", "quotes and commas survive the CSV")
        #expect(rows.allSatisfy { $0["cached"] == "no" })
        let fitted = rows.contains { $0["natural"] != $0["achieved"] }
        for (cue, row) in zip(cues, rows) {
            func d(_ k: String) -> Double { Double(row[k]!)! }
            #expect(abs(d("start") - cue.start) < 0.0005 && abs(d("end") - cue.end) < 0.0005)
            #expect(abs(d("slot") - (cue.end - cue.start)) < 0.0015)
            #expect(row["target"] == row["slot"], "the target is the slot")
            let file = try take(row, dir, "m.wav.cache")
            #expect(abs(d("achieved") - file.seconds) < 0.0005, "achieved is the length of the audio placed")
            #expect(abs(d("ratio") - d("achieved") / d("natural")) < 0.01)
            #expect(abs(d("placed") - cue.start) < 0.0005)
            #expect(abs(d("overflow") - max(0, d("placed") + d("achieved") - (cue.start + d("slot")))) < 0.002)
            if fitted && row["warnings"]!.isEmpty {
                #expect(abs(d("achieved") - d("target")) <= 0.005, "fitted to the slot: \(row)")
                #expect(d("overflow") < 0.002)
            }
        }
        if fitted {
            #expect(rows[3]["warnings"]!.contains("clamped"), "a slot under half the natural length is clamped, and said so")
            #expect(Double(rows[3]["overflow"]!)! > 0.3)
        } else {
            Issue.record("no node fitted the lines: the preset's graph should use vocoder.stretch")
        }

        let again = try VoxflowProcess.run(["dub", "m.srt", "-o", "m.wav", "--report", "m.csv"], cwd: dir)
        #expect(again.status == 0)
        let second = try Report.read(dir.appendingPathComponent("m.csv"))
        #expect(second.allSatisfy { $0["cached"] == "yes" })
        #expect(second.map { $0.filter { $0.key != "cached" } } == rows.map { $0.filter { $0.key != "cached" } }, "the same figures from the cache")
    }

    @Test func borrowingTheGapWidensSlotsUpToTheNextCue() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write([SRTCue(start: 0.5, end: 1.5, text: "Borrowing time."), SRTCue(start: 3.25, end: 4.5, text: "The last line.")],
                         to: dir.appendingPathComponent("g.srt"))
        let r = try VoxflowProcess.run(["dub", "g.srt", "-o", "g.wav", "--borrow-gap", "--length", "6", "--report", "g.csv"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Report.read(dir.appendingPathComponent("g.csv"))
        #expect(rows.map { $0["slot"]! } == ["2.750", "2.750"], "up to the next cue; the last one up to --length")
    }

    @Test func refusingToFitFailsTheCueAndNamesItsLine() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write([SRTCue(start: 0.5, end: 2.5, text: "This one fits."), SRTCue(start: 3, end: 3.2, text: "This one cannot possibly fit in time.")],
                         to: dir.appendingPathComponent("f.srt"))
        let r = try VoxflowProcess.run(["dub", "f.srt", "-o", "f.wav", "--fit", "refuse", "--report", "f.csv"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("1 cue could not be rendered; no output was written"), "\(r.stderr)")
        #expect(r.stderr.contains("f.srt:6: "))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("f.wav").path))
        let rows = try Report.read(dir.appendingPathComponent("f.csv"))
        #expect(rows[0]["warnings"] == "" && rows[1]["warnings"]!.hasPrefix("failed: "))
    }

    // MARK: Cache choices, progress

    @Test func cacheFolderNoCacheAndKeysThatFollowTheVoice() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write([SRTCue(start: 0.5, end: 2, text: "ALICE: One."), SRTCue(start: 2.5, end: 4, text: "[Bob] Two.")],
                         to: dir.appendingPathComponent("k.srt"))
        let a = try VoxflowProcess.run(["dub", "k.srt", "-o", "a.wav", "--cache", "takes"], cwd: dir)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("takes").path).count == 4, "two FLAC, two JSON")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.wav.cache").path))
        // Another voice for Bob: only Bob's line is rendered again.
        try #"{"Bob": "kal16"}"#.write(to: dir.appendingPathComponent("v.json"), atomically: true, encoding: .utf8)
        let b = try VoxflowProcess.run(["dub", "k.srt", "-o", "b.wav", "--cache", "takes", "--voices", "v.json"], cwd: dir)
        #expect(b.stderr.contains("2 cues (1 rendered, 1 cached)"), "\(b.stderr)")
        let none = try VoxflowProcess.run(["dub", "k.srt", "-o", "n.wav", "--no-cache"], cwd: dir)
        #expect(none.status == 0 && none.stderr.contains("2 cues (2 rendered, 0 cached)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.wav", "b.wav", "k.srt", "n.wav", "takes", "v.json"])
        let both = try VoxflowProcess.run(["dub", "k.srt", "-o", "x.wav", "--no-cache", "--cache", "takes"], cwd: dir)
        #expect(both.status == 1 && both.stderr.contains("give --cache DIR or --no-cache, not both"))
    }

    @Test func identicalLinesAreRenderedOnceAndPlacedTwice() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write([SRTCue(start: 0.5, end: 2, text: "Again and again."), SRTCue(start: 3.25, end: 4.75, text: "Again and again.")],
                         to: dir.appendingPathComponent("d.srt"))
        let r = try VoxflowProcess.run(["dub", "d.srt", "-o", "d.wav", "--encoding", "float", "--report", "d.csv"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2 cues (2 rendered, 0 cached)"))
        let rows = try Report.read(dir.appendingPathComponent("d.csv"))
        #expect(rows[0]["key"] == rows[1]["key"], "the same text, voice and slot: the same key")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("d.wav.cache").path).count == 2, "one FLAC, one JSON")
        let out = try AudioFile.read(dir.appendingPathComponent("d.wav").path), line = try take(rows[0], dir, "d.wav.cache")
        for start in [24_000, 156_000] { #expect(Array(out.samples[start..<(start + line.frames)]) == line.samples) }
    }

    @Test func aProgressBarOnlyOnATerminal() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SRTCue.write((0..<6).map { SRTCue(start: Double($0) * 2, end: Double($0) * 2 + 1.5, text: Sentences.short($0)) },
                         to: dir.appendingPathComponent("p.srt"))
        let piped = try VoxflowProcess.run(["dub", "p.srt", "-o", "p.wav", "--no-cache"], cwd: dir)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\r") && !piped.stderr.contains("▕"), "no bar into a pipe")

        var master: Int32 = 0, slave: Int32 = 0
        #expect(openpty(&master, &slave, nil, nil, nil) == 0)
        let p = VoxflowProcess.start(["dub", "p.srt", "-o", "t.wav", "--no-cache"], cwd: dir)
        p.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        try p.run()
        close(slave)
        var seen = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }   // EIO once the child has closed the terminal
            seen.append(contentsOf: buffer[0..<n])
        }
        close(master)
        p.waitUntilExit()
        let text = String(decoding: seen, as: UTF8.self)
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("\rcue 6/6") || text.contains("cue 6/6 ▕████████████████████▏ 100%"), "\(text)")
        #expect(text.contains("▕") && text.contains("elapsed 0:0"))
        #expect(text.contains("wrote t.wav: 6 cues"))
    }

    // MARK: Helpers

    func take(_ row: [String: String], _ dir: URL, _ cache: String) throws -> AudioFile {
        try AudioFile.read(dir.appendingPathComponent("\(cache)/\(row["key"]!).flac").path)
    }

    /// Mandarin subtitles go to espeak-ng through pinyin (flite speaks English only), fitted all the same.
    @Test func mandarinSubtitlesAreSpokenAndFitted() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let srt = dir.appendingPathComponent("zh.srt")
        try SRTCue.write([SRTCue(start: 1, end: 4, text: "今天是2024年3月5日。"),
                          SRTCue(start: 4.5, end: 7.5, text: "银行利率上调了0.25%。")], to: srt)
        let report = dir.appendingPathComponent("r.csv")
        let r = try VoxflowProcess.run(["dub", srt.path, "-o", dir.appendingPathComponent("zh.wav").path, "--report", report.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Report.read(report)
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0["voice"] == "cmn-latn-pinyin" })
        for row in rows {
            let achieved = Double(row["achieved"] ?? "") ?? 0, slot = Double(row["slot"] ?? "") ?? -1
            #expect(abs(achieved - slot) < 0.005, "\(row)")
        }
    }
}

/// A cue to write into an .srt file.
struct SRTCue {
    var start: Double
    var end: Double
    var text: String

    static func time(_ t: Double) -> String {
        let ms = Int((t * 1000).rounded())
        return String(format: "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }

    static func write(_ cues: [SRTCue], to url: URL) throws {
        let text = cues.enumerated().map { i, c in "\(i + 1)\n\(time(c.start)) --> \(time(c.end))\n\(c.text)\n" }.joined(separator: "\n")
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}

/// Short lines of dialogue, about one to two seconds each.
enum Sentences {
    static let list = [
        "The quick brown fox jumps.", "Where are you going?", "I will be there at noon.", "Please close the door.",
        "That is not what I said.", "We need more time.", "The train leaves at six.", "Can you hear me now?",
        "It was a long day.", "Let us go home.", "Nobody knew the answer.", "The coffee is cold again.",
        "Look over there!", "She opened the window.", "Thank you very much.", "This is the last chance.",
    ]
    static func short(_ i: Int) -> String { list[i % list.count] }
}

/// The CSV report as rows of column → value (RFC 4180 quoting).
enum Report {
    static func read(_ url: URL) throws -> [[String: String]] {
        let records = parse(try String(contentsOf: url, encoding: .utf8))
        guard let header = records.first else { return [] }
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { record.append(field); field = ""
            } else if c == "\n" { record.append(field); records.append(record); record = []; field = ""
            } else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}

/// Finds where a cue's audio sits in the track: the lag, around an expected frame, at which a
/// loud stretch of the cue correlates best with the track.
enum Alignment {
    static func bestLag(of cue: [Float], in track: [Float], around expected: Int, within range: Int) -> Int {
        let window = 2048
        guard cue.count > window else { return .max }
        // The loudest window of the cue: a distinctive stretch of speech.
        var best = 0, bestEnergy: Float = -1
        var k = 0
        while k + window <= cue.count {
            var e: Float = 0
            for i in k..<(k + window) { e += cue[i] * cue[i] }
            if e > bestEnergy { bestEnergy = e; best = k }
            k += window / 2
        }
        var bestLag = 0, bestScore = -Float.infinity
        cue.withUnsafeBufferPointer { c in
            track.withUnsafeBufferPointer { t in
                for lag in -range...range {
                    let at = expected + lag + best
                    guard at >= 0, at + window <= t.count else { continue }
                    var dot: Float = 0, energy: Float = 0
                    for i in 0..<window {
                        dot += c[best + i] * t[at + i]
                        energy += t[at + i] * t[at + i]
                    }
                    let score = energy > 0 ? dot / energy.squareRoot() : 0
                    if score > bestScore { bestScore = score; bestLag = lag }
                }
            }
        }
        return bestLag
    }
}
