import Foundation
import VoxflowGraph
import VoxflowKit

/// Tiny real ONNX voices for acoustic.sherpa's tests, made once per test process by scripts/tiny-tts-models into a
/// temporary folder (see that script: a tone whose length follows the phoneme count × 256 × length scale and whose
/// pitch is 200 + 40 × speaker Hz). Also points acoustic.sherpa's cache (`VOXFLOW_CACHE_DIR`) into that folder.
public enum TinyModels {
    public static let hop = 256
    public static let rate = 22_050

    /// The folder, or why the models could not be made (sherpa-onnx/onnx missing: run scripts/bootstrap).
    public static let made: Result<URL, TinyModelError> = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-tiny-models-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        VoxflowProcess.isolateInProcess()
        setenv("VOXFLOW_CACHE_DIR", dir.appendingPathComponent("cache").path, 1)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", VoxflowProcess.repo.appendingPathComponent("scripts/tiny-tts-models").path, dir.path]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        do { try p.run() } catch { return .failure(TinyModelError(message: "cannot run python3: \(error)")) }
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return .failure(TinyModelError(message: e)) }
        return .success(dir)
    }()

    /// The models' folder; throws (failing the test) with what to do when they cannot be made.
    public static func dir() throws -> URL { try made.get() }

    /// Path of a model: "piper-en/voice.onnx", "piper-multi/multi.onnx", "sherpa-vits", "broken", "matcha".
    public static func path(_ name: String) throws -> String { try dir().appendingPathComponent(name).path }

    /// VOXFLOW_VOICES for every tiny model.
    public static func voicesList() throws -> String {
        try ["piper-en/voice.onnx", "piper-multi", "sherpa-vits", "broken", "matcha"].map { try path($0) }.joined(separator: ":")
    }
}

public struct TinyModelError: Error, CustomStringConvertible {
    public var message: String
    public var description: String {
        "could not make the tiny test models (scripts/tiny-tts-models): \(message.trimmingCharacters(in: .whitespacesAndNewlines)); run scripts/bootstrap (it installs sherpa-onnx-core and onnx)"
    }
}

/// test.prosody → ENGINE (acoustic.sherpa by default) → vocoder.passthrough → test.capture (any rate), named
/// "src", "tts", "voc", "cap".
public func engineChain(_ type: String = "acoustic.sherpa", _ parameters: [String: ParameterValue] = [:]) -> GraphSpec {
    var spec = GraphSpec()
    spec.chain([
        NodeSpec("src", "test.prosody"),
        NodeSpec("tts", type, parameters),
        NodeSpec("voc", "vocoder.passthrough"),
        NodeSpec("cap", "test.capture"),
    ])
    return spec
}
