import Foundation
import Testing
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// sink.file with `{tag}` or `{id}` in its path: one file per utterance, each appearing only when
/// its utterance completed.
@Suite struct SinkFileTagTests {
    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-sinktag-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    func run(path: String, encoding: String = "float") throws -> SayRun {
        var spec = GraphSpec()
        spec.chain([NodeSpec("normalize", "text.normalize"), NodeSpec("prosody", "prosody.tag"), NodeSpec("tts", "acoustic.flite"),
                    NodeSpec("vocoder", "vocoder.passthrough"),
                    NodeSpec("out", "sink.file", ["path": .string(path), "encoding": .string(encoding)])])
        return try SayRun(voxflow: Voxflow(plugins: TestCatalog.plugins), graph: spec)
    }

    func files(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test func oneFilePerUtteranceNamedByTag() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(path: dir.appendingPathComponent("{tag}.wav").path)
        r.say("The first line.", controls: Controls(voice: "slt", tag: "first"))
        r.say("A second, longer line than the first one.", controls: Controls(tag: "second"))
        r.say("No tag: named by its id.")
        let report = try r.finish()
        #expect(try files(dir) == ["3.wav", "first.wav", "second.wav"])
        for (name, u) in zip(["first", "second", "3"], report.utterances) {
            let f = try AudioFile.read(dir.appendingPathComponent("\(name).wav").path)
            #expect(f.frames == u.frames && f.frames > 24_000, "\(name): the whole utterance, and only it")
            #expect(f.rate == 48_000 && f.bits == 32)
            #expect((u.marks.first?.start ?? .max) < 12_000, "\(name): marks count from the file's own start")
        }
        let second = try AudioFile.read(dir.appendingPathComponent("second.wav").path)
        let first = try AudioFile.read(dir.appendingPathComponent("first.wav").path)
        #expect(second.frames > first.frames + 24_000)
    }

    @Test func idPlaceholderAndUnsafeTags() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(path: dir.appendingPathComponent("line-{id}-{tag}.flac").path, encoding: "pcm16")
        r.say("Slashes in a tag.", controls: Controls(tag: "a/b"))
        r.say("A dot first.", controls: Controls(tag: ".hidden"))
        _ = try r.finish()
        #expect(try files(dir) == ["line-1-a_b.flac", "line-2-_.hidden.flac"])
        #expect(try AudioFile.read(dir.appendingPathComponent("line-1-a_b.flac").path).container == "FLAC")
    }

    @Test func aFailedUtteranceLeavesNoFileAndTheOthersStay() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(path: dir.appendingPathComponent("{tag}.wav").path)
        r.say("This one is fine.", controls: Controls(tag: "good"))
        r.say("This one fails.", controls: Controls(voice: "nobody", tag: "bad"))
        r.say("And this one is fine too.", controls: Controls(tag: "after"))
        #expect(throws: SayError.self) { try r.finish() }
        #expect(try files(dir) == ["after.wav", "good.wav"], "completed utterances keep their files; no partial file left")
    }

    @Test func aFileAppearsOnlyWhenItsUtteranceCompletes() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("long.wav").path
        var spec = GraphSpec()
        spec.chain([NodeSpec("normalize", "text.normalize"), NodeSpec("prosody", "prosody.tag"), NodeSpec("tts", "acoustic.flite"),
                    NodeSpec("vocoder", "vocoder.passthrough"),
                    NodeSpec("out", "sink.file", ["path": .string(dir.appendingPathComponent("{tag}.wav").path)])])
        let graph = try Voxflow(plugins: TestCatalog.plugins).build(spec)
        let seen = Locked<[Bool]>([])
        let pipeline = Pipeline(graph: graph, mode: .threaded(queueCapacity: 2)) { e in
            // While audio reaches the sink, the file is not there yet (only its partial file).
            if case .sinkReceived = e { seen.mutate { $0.append(FileManager.default.fileExists(atPath: target)) } }
        }
        pipeline.submit(Utterance(id: 1, text: String(repeating: "A sentence that takes a while. ", count: 6), controls: Controls(tag: "long")))
        pipeline.waitAll()
        try pipeline.finish()
        #expect(seen.value.count > 3 && seen.value.allSatisfy { !$0 })
        #expect(try files(dir) == ["long.wav"])
    }

    @Test func abortRemovesOpenFiles() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var spec = GraphSpec()
        spec.chain([NodeSpec("normalize", "text.normalize"), NodeSpec("prosody", "prosody.tag"), NodeSpec("tts", "acoustic.flite"),
                    NodeSpec("vocoder", "vocoder.passthrough"),
                    NodeSpec("out", "sink.file", ["path": .string(dir.appendingPathComponent("{tag}.wav").path)])])
        let graph = try Voxflow(plugins: TestCatalog.plugins).build(spec)
        let pipeline = Pipeline(graph: graph, mode: .threaded(queueCapacity: 2))
        pipeline.submit(Utterance(id: 1, text: String(repeating: "A sentence that takes a while. ", count: 40), controls: Controls(tag: "cut")))
        let deadline = Date().addingTimeInterval(20)
        while try files(dir).isEmpty && Date() < deadline { usleep(2_000) }
        #expect(try files(dir).first?.hasPrefix(".cut.wav.partial-") == true, "written under a temporary name")
        pipeline.abort()
        #expect(try files(dir).isEmpty, "no file for an utterance that did not complete")
    }

    @Test func placeholdersOnlyInTheFileName() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            _ = try run(path: dir.appendingPathComponent("{tag}/x.wav").path)
        } throws: { "\($0)".contains("{tag} and {id} may only appear in the file name, not in the folder") }
    }
}

/// A value shared with a graph's observer thread.
final class Locked<T>: @unchecked Sendable {
    private var v: T
    private let lock = NSLock()
    init(_ v: T) { self.v = v }
    var value: T { lock.lock(); defer { lock.unlock() }; return v }
    func mutate(_ f: (inout T) -> Void) { lock.lock(); f(&v); lock.unlock() }
}
