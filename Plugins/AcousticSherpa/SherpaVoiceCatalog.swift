import Foundation
import VoxflowKit

/// The neural voices named by `VOXFLOW_VOICES`: a colon-separated list of Piper voices (`NAME.onnx`, with
/// `NAME.onnx.json` next to it), sherpa-onnx model folders, and folders holding either (one level deep).
///
/// Scanned once per process on first use (reading only JSON files and ONNX metadata; nothing is loaded). Entries that
/// are not voices are kept in `problems` and shown when a voice is not found.
struct SherpaVoiceCatalog: Sendable {
    var voices: [SherpaModelSpec] = []
    var problems: [String] = []

    static let shared = SherpaVoiceCatalog(list: ProcessInfo.processInfo.environment["VOXFLOW_VOICES"] ?? "")

    init(list: String) {
        for entry in list.split(separator: ":").map(String.init) where !entry.isEmpty {
            add(entry, top: true)
        }
    }

    private mutating func add(_ path: String, top: Bool) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            if top { problems.append("\(path): missing (listed in VOXFLOW_VOICES)") }
            return
        }
        if isDir.boolValue {
            let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted()
            let isModelFolder = names.contains("tokens.txt") || names.contains("voices.bin")
            if isModelFolder || !top {
                if isModelFolder || names.contains(where: { $0.hasSuffix(".onnx.json") }) { append(path) }
                return
            }
            for n in names where n.hasSuffix(".onnx") && names.contains(n + ".json") { append(path + "/" + n) }
            for n in names {
                var sub: ObjCBool = false
                if fm.fileExists(atPath: path + "/" + n, isDirectory: &sub), sub.boolValue { add(path + "/" + n, top: false) }
            }
        } else {
            append(path)
        }
    }

    private mutating func append(_ path: String) {
        do {
            let spec = try SherpaModelSpec.at(path)
            if !voices.contains(where: { $0.name == spec.name }) { voices.append(spec) }
        } catch {
            problems.append(String(describing: error))
        }
    }

    /// The voice called `name`, or at path `name` (a file or folder not in the list).
    func voice(_ name: String) throws -> SherpaModelSpec {
        if let v = voices.first(where: { $0.name == name || $0.path == name }) { return v }
        if name.contains("/") { return try SherpaModelSpec.at(name) }
        var available = voices.map(\.name)
        if !problems.isEmpty { available.append("(VOXFLOW_VOICES problems: \(problems.joined(separator: "; ")))") }
        throw SherpaError.unknownVoice(name, available: available)
    }

    func info(_ spec: SherpaModelSpec, isDefault: Bool) -> VoiceInfo {
        let kind = spec.piperConfig != nil ? "Piper (VITS)" : spec.kind.rawValue.capitalized
        let speakers = spec.speakers > 1 ? "; \(spec.speakers) speakers (speaker = 0…\(spec.speakers - 1))" : "; 1 speaker"
        var features: VoiceFeatures = [.rate, .duration]
        if spec.kind.clones { features.insert(.cloning) }
        return VoiceInfo(name: spec.name, languages: [spec.language], sampleRate: spec.sampleRate, gender: "",
                         summary: "sherpa-onnx \(kind) \(spec.path)\(speakers)", isDefault: isDefault, quality: .natural,
                         features: features, speakers: max(1, spec.speakers))
    }
}
