import VoxflowKit

/// What can go wrong with neural voices, in words for the user: what, which file, what to do.
enum SherpaError: Error, CustomStringConvertible {
    /// libsherpa-onnx-c-api.so was not found; `searched` lists the places looked at.
    case libraryNotFound(searched: [String])
    case libraryRefused(String)
    /// A file a model needs is missing.
    case missingFile(path: String, role: String, model: String)
    /// A file is there but unreadable or malformed (a Piper .onnx.json that is not JSON).
    case badFile(path: String, message: String)
    /// Not a Piper voice, a sherpa-onnx model folder, or a voice name.
    case notAModel(path: String)
    /// The model killed the process that opened it (voxflow-sherpa-check), or made it fail.
    case brokenModel(path: String, status: String, detail: String)
    /// sherpa-onnx refused the model (returned no engine).
    case modelRefused(path: String, detail: String)
    case checkerMissing(searched: [String])
    case phonemizer(String)
    case unknownVoice(String, available: [String])
    case generationFailed(voice: String, text: String)
    case speaker(voice: String, speaker: Int, count: Int)
    case reference(path: String, message: String)

    var description: String {
        switch self {
        case let .libraryNotFound(searched):
            return "sherpa-onnx is not installed: libsherpa-onnx-c-api.so not found in \(searched.joined(separator: ", ")). "
                + "Run scripts/bootstrap (pip install sherpa-onnx-core) or set VOXFLOW_SHERPA_LIB to the library or its folder"
        case let .libraryRefused(m): return "sherpa-onnx could not be loaded: \(m)"
        case let .missingFile(path, role, model):
            return "\(path): missing (\(role) of model \(model)); put the file there or fix the path (see docs/neural-voices.md)"
        case let .badFile(path, message): return "\(path): \(message)"
        case let .notAModel(path):
            return "\(path): not a voice model (expected a Piper voice NAME.onnx with NAME.onnx.json next to it, "
                + "or a sherpa-onnx model folder with model.onnx/tokens.txt, Matcha, Kokoro, Kitten or ZipVoice files)"
        case let .brokenModel(path, status, detail):
            return "\(path): sherpa-onnx cannot open this model (\(status) while opening it in a separate process)"
                + (detail.isEmpty ? "" : ": \(detail)") + "; the model is broken or its metadata is incomplete (re-export it, or use another voice)"
        case let .modelRefused(path, detail):
            return "\(path): sherpa-onnx refused the model" + (detail.isEmpty ? "" : ": \(detail)")
        case let .checkerMissing(searched):
            return "VoxflowSherpaCheck (the model checker) not found in \(searched.joined(separator: ", ")); "
                + "install it next to libVoxflowPluginAcousticSherpa.so or set VOXFLOW_SHERPA_CHECK"
        case let .phonemizer(m): return "phonemizer: \(m)"
        case let .unknownVoice(v, available):
            return "unknown neural voice '\(v)'; available: \(available.isEmpty ? "none (set VOXFLOW_VOICES to voice files or folders)" : available.joined(separator: ", "))"
        case let .generationFailed(voice, text): return "voice \(voice) produced no audio for \"\(text)\""
        case let .speaker(voice, speaker, count):
            return "speaker \(speaker) is out of range for voice \(voice) (it has \(count) speaker\(count == 1 ? "" : "s"): 0…\(count - 1))"
        case let .reference(path, message): return "voice reference \(path): \(message)"
        }
    }

    /// As the SDK's error, so the host reports it like any other node error.
    var nodeError: NodeError {
        switch self {
        case let .unknownVoice(v, available): return .unknownVoice(v, available: available)
        default: return .engine(description)
        }
    }
}
