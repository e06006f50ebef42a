import Foundation
import Testing
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowLua
import VoxflowTestSupport

@Suite struct SinkFileTests {
    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// The default graph from presets/say.lua, as `voxflow say` builds it.
    func makeRun(_ o: SayOptions) throws -> SayRun {
        let vf = Voxflow(plugins: TestCatalog.plugins)
        return try SayRun(voxflow: vf, graph: try SayPreset.graph(voxflow: vf, options: o))
    }

    func say(_ text: String, to path: String, _ configure: (inout SayOptions) -> Void = { _ in }) throws -> SayReport {
        var o = SayOptions(output: path)
        configure(&o)
        let run = try makeRun(o)
        run.say(text)
        return try run.finish()
    }

    @Test(arguments: [("a.wav", "pcm16", "WAV", 16), ("b.wav", "pcm24", "WAV", 24), ("c.wav", "float", "WAV", 32),
                      ("d.flac", "pcm16", "FLAC", 16), ("e.flac", "pcm24", "FLAC", 24), ("f.ogg", "pcm16", "OGG", 0)])
    func writesEveryFormat(_ name: String, _ encoding: String, _ container: String, _ bits: Int) throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(name).path
        let report = try say("Formats are chosen by extension.", to: path) { $0.encoding = encoding }
        let file = try AudioFile.read(path)
        #expect(file.container == container && file.bits == bits && file.rate == 48_000 && file.channels == 1)
        if container == "OGG" {
            #expect(abs(file.frames - report.totalFrames) < 2048)
        } else {
            #expect(file.frames == report.totalFrames)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name], "no temporary file left")
    }

    @Test func stereoCopiesMonoToBothChannels() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.wav").path
        _ = try say("Left and right.", to: path) { $0.channels = 2; $0.encoding = "float" }
        let f = try AudioFile.read(path)
        #expect(f.channels == 2)
        #expect((0..<f.frames).allSatisfy { f.samples[2 * $0] == f.samples[2 * $0 + 1] })
    }

    @Test func aFailedRunLeavesThePreviousFileAndNoPartialOne() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("keep.wav").path
        _ = try say("The first version.", to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        var o = SayOptions(output: path)
        o.sampleRate = 22_050
        let run = try makeRun(o)
        run.say("This line is written to the partial file first.")
        run.say("This one fails.", controls: Controls(voice: "nobody"))
        #expect(throws: SayError.self) { try run.finish() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the old file is untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["keep.wav"], "no partial file left")
    }

    @Test func abortDeletesThePartialFile() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("never.wav").path
        let run = try makeRun(SayOptions(output: path))
        run.say("Half of a job.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 1, "written under a temporary name")
        #expect(!FileManager.default.fileExists(atPath: path))
        run.abort()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func marksAreReportedInTheFilesTimeline() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("m.wav").path
        var o = SayOptions(output: path)
        o.encoding = "float"
        let run = try makeRun(o)
        run.say("First utterance here.")
        run.say("Second utterance follows.")
        let report = try run.finish()
        let first = report.utterances[0], second = report.utterances[1]
        #expect(first.marks.map(\.text) == ["First", "utterance", "here"])
        #expect(second.marks.map(\.text) == ["Second", "utterance", "follows"])
        #expect(second.marks[0].start >= first.frames, "the second utterance's marks are placed after the first")
        let f = try AudioFile.read(path)
        #expect(report.marks.allSatisfy { $0.end <= f.frames })
        // The word "Second" starts with sound, not silence: energy right after its mark.
        let m = second.marks[0]
        let window = f.samples[m.start..<min(m.end, m.start + 4800)]
        #expect(window.map { abs($0) }.max()! > 0.05)
    }
}
