import Foundation
import Testing
import VoxflowTestSupport

@Suite struct ListingCLITests {
    @Test func pluginsListsTypesPadsParametersAndRefusals() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "not a library".write(to: dir.appendingPathComponent("libjunk.so"), atomically: true, encoding: .utf8)
        let r = try VoxflowProcess.run(["plugins", "--json"], env: ["VOXFLOW_PLUGIN_PATH": dir.path])
        #expect(r.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let plugins = doc["plugins"] as! [[String: Any]]
        let types = plugins.flatMap { ($0["node_types"] as! [[String: Any]]) }
        #expect(Set(types.map { $0["name"] as! String }) == ["text.normalize", "prosody.tag", "acoustic.flite", "acoustic.espeak", "vocoder.stretch",
                                                             "vocoder.passthrough", "resample.soxr", "sink.file", "sink.jack",
                                                             "acoustic.sherpa"])
        let host = (doc["host_node_types"] as! [[String: Any]]).map { $0["name"] as! String }
        #expect(host == ["acoustic.auto", "acoustic.fallback"], "the voice router and fallback are the host's, over every engine")
        let flite = types.first { $0["name"] as? String == "acoustic.flite" }!
        let rate = (flite["parameters"] as! [[String: Any]]).first { $0["name"] as? String == "rate" }!
        #expect(rate["min"] as? Double == 0.25 && rate["max"] as? Double == 4 && rate["unit"] as? String == "×" && rate["live"] as? Bool == true)
        #expect((flite["src_pads"] as! [[String: Any]])[0]["caps"] as? String == "acoustic(pcm, 16000 Hz)")
        let refused = doc["refused"] as! [[String: String]]
        #expect(refused.count == 1 && refused[0]["path"]!.hasSuffix("libjunk.so"))
        #expect(refused[0]["reason"]!.hasPrefix("not a loadable shared library"))

        let text = try VoxflowProcess.run(["plugins"], env: ["VOXFLOW_PLUGIN_PATH": dir.path])
        #expect(text.stdout.contains("param path (string, required) — output file"))
        #expect(text.stdout.contains("refused:\n  \(dir.path)/libjunk.so: not a loadable shared library"))
    }

    @Test func voicesListsEveryEngineWithItsDefault() throws {
        let r = try VoxflowProcess.run(["voices", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        let flite = rows.filter { $0["engine"] as? String == "acoustic.flite" }
        #expect(flite.map { $0["name"] as! String } == ["rms", "slt", "awb", "kal16"])
        #expect(flite.filter { $0["default"] as! Bool }.map { $0["name"] as! String } == ["rms"])
        #expect(flite.allSatisfy { $0["sample_rate"] as? Int == 16_000 })
        let espeak = rows.filter { $0["engine"] as? String == "acoustic.espeak" }
        #expect(espeak.contains { $0["name"] as? String == "cmn-latn-pinyin" && $0["sample_rate"] as? Int == 22_050 })
        #expect(espeak.count > 50)
        let table = try VoxflowProcess.run(["voices"])
        #expect(table.stdout.contains("acoustic.flite  rms*"))
        let zh = try VoxflowProcess.run(["voices", "--language", "cmn"])
        #expect(zh.stdout.contains("cmn-latn-pinyin") && !zh.stdout.contains("rms"))
        let one = try VoxflowProcess.run(["voices", "--engine", "acoustic.flite", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as! [[String: Any]]).count == 4)
    }

    @Test func helpDescribesEveryCommand() throws {
        let r = try VoxflowProcess.run(["--help"])
        #expect(r.stdout.contains("say") && r.stdout.contains("plugins") && r.stdout.contains("voices"))
        let say = try VoxflowProcess.run(["say", "--help"])
        #expect(say.stdout.contains("--sample-rate") && say.stdout.contains("Without TEXT, reads standard input"))
    }
}
