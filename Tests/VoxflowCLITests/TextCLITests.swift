import Foundation
import Testing
import VoxflowApp
import VoxflowTestSupport

/// `voxflow normalize`, `voxflow tag`, markup errors through `say`, and the intelligibility check.
@Suite struct TextCLITests {
    @Test func normalizePrintsOneLinePerInputLine() throws {
        let r = try VoxflowProcess.run(["normalize"], stdin: "It costs $3.50.\n今天是2024年3月5日。\nChapter IV, page 7.\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "It costs three dollars and fifty cents.\n今天是二零二四年三月五日。\nChapter four, page seven.\n")
        let arg = try VoxflowProcess.run(["normalize", "The", "FBI", "met", "NASA."])
        #expect(arg.stdout == "The F B I met Nasa.\n")
    }

    @Test func normalizeReportsTheBadLineAndGoesOn() throws {
        let r = try VoxflowProcess.run(["normalize"], stdin: "fine\n<speak>broken\nalso fine\n")
        #expect(r.status == 1)
        #expect(r.stdout == "fine\n\nalso fine\n")
        #expect(r.stderr.contains("standard input line 2: line 1, column 1: <speak> is never closed"))
    }

    @Test func tagShowsMandarinReadingsAndTones() throws {
        let text = "今天是2024年3月5日，银行利率上调了0.25%。"
        let r = try VoxflowProcess.run(["tag", "--json", text])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let phrases = (doc["sentences"] as! [[String: Any]]).flatMap { $0["phrases"] as! [[String: Any]] }
        var readings: [String: String] = [:]
        for p in phrases { for w in p["words"] as? [[String: Any]] ?? [] { readings[w["written"] as! String] = w["pinyin"] as? String } }
        #expect(readings["银行"] == "yín háng")
        #expect(readings["今天"] == "jīn tiān")
        #expect(phrases.map { $0["text"] as! String }.joined() == "今天是二零二四年三月五日，银行利率上调了百分之零点二五。")
        let spoken = phrases.flatMap { ($0["words"] as? [[String: Any]] ?? []).compactMap { $0["pinyin"] as? String } }.joined(separator: " ")
        #expect(spoken.contains("èr líng èr sì nián sān yuè wǔ rì"))
        #expect(spoken.contains("shàng tiáo"), "利率上调 is 'raise': tiáo, not diào")
        #expect(spoken.contains("bǎi fēn zhī líng diǎn èr wǔ"))
        let human = try VoxflowProcess.run(["tag", text])
        #expect(human.stdout.contains("银行(yín háng)"))
    }

    @Test func tagExplainsEmotionAndIntonation() throws {
        let r = try VoxflowProcess.run(["tag", "Are you coming? \"No,\" she sobbed. [emotion=angry:0.9]Fine!"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("question, rise"))
        #expect(r.stdout.contains("sad 0.6 (words \"sobbed\")"))
        #expect(r.stdout.contains("angry 0.9 (tag)"))
        let bad = try VoxflowProcess.run(["tag", "--emotion", "grumpy", "Hi."])
        #expect(bad.status == 1 && bad.stderr.contains("--emotion: emotion \"grumpy\" is not one of happy, angry, sad, afraid, disgusted, melancholic, surprised, calm, neutral"),
                "the same words the server and Lua use (RequestModel): \(bad.stderr)")
    }

    @Test func sayRefusesBadMarkupBeforeWritingAnything() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.wav").path
        let r = try VoxflowProcess.run(["say", "<speak>Hello\n<break time=\"soon\"/></speak>", "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("in the text, line 2, column 8: \"soon\" is not a duration"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no file, not even a partial one")
        let plain = try VoxflowProcess.run(["say", "--plain", "<speak>Hello & [pause=soon]", "-o", out])
        #expect(plain.status == 0, "\(plain.stderr)")
    }

    @Test func sayGivesMandarinAndEnglishRunsTheirOwnVoices() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("zh.wav").path, marks = dir.appendingPathComponent("zh.json").path
        let r = try VoxflowProcess.run(["say", "今天是2024年3月5日，银行利率上调了0.25%。Hello world, 我们走吧。", "-o", out, "--marks", marks])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("speaks English only") && !r.stderr.contains("does not read pinyin"), "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: marks))) as? [String: Any])
        let words = try #require(json["marks"] as? [[String: Any]] ?? json["words"] as? [[String: Any]])
        let texts = words.compactMap { $0["text"] as? String }
        #expect(texts.contains("银行") && texts.contains("Hello") && texts.contains("我们"), "\(texts)")
        let starts = words.compactMap { $0["start"] as? Double }
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }, "marks in order: \(starts)")
    }

    @Test func espeakVoicesTakeVariants() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        func say(_ voice: String, _ name: String) throws -> VoxflowProcess.Result {
            try VoxflowProcess.run(["say", "--voice", voice, "你好，我们今天去银行。", "-o", dir.appendingPathComponent(name).path])
        }
        #expect(try say("cmn-latn-pinyin", "a.wav").status == 0)
        #expect(try say("cmn-latn-pinyin+f3", "b.wav").status == 0)
        let a = try AudioFile.read(dir.appendingPathComponent("a.wav").path).samples
        let b = try AudioFile.read(dir.appendingPathComponent("b.wav").path).samples
        #expect(a != b, "a variant is another speaker")
        let bad = try say("cmn-latn-pinyin+nope", "c.wav")
        #expect(bad.status == 1 && bad.stderr.contains("unknown voice 'cmn-latn-pinyin+nope'"), "\(bad.stderr)")
    }

    /// Sentences full of numbers, dates, money, units and abbreviations, spoken from their written
    /// form, must be recognized no worse than their spoken form fed to the same voice.
    @Test(.timeLimit(.minutes(10))) func normalizationLosesNothingAListenerNeeds() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: VoxflowProcess.repo.appendingPathComponent("scripts/intelligibility").path)
        p.arguments = ["--voxflow", VoxflowProcess.executable, "--json"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let result = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let total = result["total"] as! [String: Any]
        #expect(p.terminationStatus == 0, "\(total)")
        #expect(total["words"] as? Int ?? 0 > 300)
        let voxflow = total["voxflow_wer"] as? Double ?? 1, flite = total["flite_spoken_wer"] as? Double ?? 0
        #expect(voxflow <= flite + 0.01, "voxflow \(voxflow) vs flite on the spoken form \(flite)")
    }
}
