import Foundation
import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// The Piper cache on a cold start: many graphs opening a new voice at once all succeed and leave one entry, and the
/// user's model is only read (a symlinked or read-only voice is never written to).
@Suite(.serialized) struct SherpaCacheTests {
    /// A copy of the tiny Piper voice under a fresh path (a cache key no other test has used) whose config carries
    /// `marker` as its language code, which the cache writes into the model's metadata: entries made from it can be told
    /// from those other tests make at the same time.
    func freshVoice(in dir: URL, name: String, marker: String) throws -> String {
        let voice = dir.appendingPathComponent(name + ".onnx").path
        try FileManager.default.copyItem(atPath: try TinyModels.path("piper-en/voice.onnx"), toPath: voice)
        let config = try Data(contentsOf: URL(fileURLWithPath: try TinyModels.path("piper-en/voice.onnx.json")))
        var json = try #require(try JSONSerialization.jsonObject(with: config) as? [String: Any])
        json["language"] = ["code": "en-x-" + marker]
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: voice + ".json"))
        return voice
    }

    /// Complete entries of the Piper cache made from a voice carrying `marker`, and this process's temporary folders left behind.
    func cacheEntries(_ marker: String) throws -> (complete: Int, temporary: [String]) {
        let piper = try TinyModels.dir().appendingPathComponent("cache/sherpa/piper").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: piper)) ?? []
        let ours = names.filter { !$0.hasPrefix(".") }.filter { name in
            let model = (try? Data(contentsOf: URL(fileURLWithPath: piper + "/" + name + "/model.onnx"))) ?? Data()
            return model.range(of: Data(marker.utf8)) != nil
        }
        return (ours.count, names.filter { $0.contains(".tmp-\(getpid())-") })
    }

    @Test func manyGraphsOnAColdCacheAllSucceed() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for round in 0..<25 {
            let marker = "t\(UUID().uuidString.prefix(8).lowercased())"
            let voice = try freshVoice(in: dir, name: "round\(round)", marker: marker)
            let errors = NSLock()
            nonisolated(unsafe) var failures: [String] = []
            DispatchQueue.concurrentPerform(iterations: 16) { _ in
                do { _ = try GraphBuilder.build(engineChain("acoustic.sherpa", ["voice": .string(voice)]), catalog: EngineTestCatalog()) } catch {
                    errors.lock(); failures.append(String(describing: error)); errors.unlock()
                }
            }
            #expect(failures.isEmpty, "round \(round): \(failures.count) of 16 failed; first: \(failures.first ?? "")")
            let entries = try cacheEntries(marker)
            #expect(entries.complete == 1 && entries.temporary.isEmpty, "round \(round): \(entries)")
        }
    }

    @Test func aSymlinkedReadOnlyVoiceIsNeverWritten() throws {
        let dir = try VoxflowProcess.tempDir()
        defer {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let store = dir.appendingPathComponent("store")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let marker = "t\(UUID().uuidString.prefix(8).lowercased())"
        let real = try freshVoice(in: store, name: "real", marker: marker)
        let link = dir.appendingPathComponent("linked.onnx").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try FileManager.default.createSymbolicLink(atPath: link + ".json", withDestinationPath: real + ".json")
        chmod(real, 0o444)
        chmod(store.path, 0o555)
        let original = try Data(contentsOf: URL(fileURLWithPath: real))
        let attributes = try FileManager.default.attributesOfItem(atPath: real)
        for _ in 0..<2 {
            let graph = try GraphBuilder.build(engineChain("acoustic.sherpa", ["voice": .string(link)]), catalog: EngineTestCatalog())
            #expect(graph.element(named: "tts") != nil)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: real)) == original)
        let after = try FileManager.default.attributesOfItem(atPath: real)
        #expect(after[.modificationDate] as? Date == attributes[.modificationDate] as? Date)
        // Two runs, one entry: the key does not change when nothing was written.
        #expect(try cacheEntries(marker).complete == 1)
    }
}
