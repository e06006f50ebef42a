import Foundation
import VoxflowKit

/// The neural voices installed: those `VOXFLOW_VOICES` names (a colon-separated list of Piper voices `NAME.onnx` with
/// `NAME.onnx.json` next to it, sherpa-onnx model folders, and folders holding either, one level deep), then those found
/// without configuration (`VoiceDiscovery`: the XDG data folders' `voxflow/voices`, voices shipped as Python packages).
/// The first voice of a name wins.
///
/// Scanned once per process on first use, reading only folders, JSON files and ONNX metadata: nothing is loaded and
/// nothing is written (a Piper voice is converted for sherpa-onnx on first use, `PiperVoice.prepare`). Entries that are
/// not voices (a missing path, a `.onnx` without its `.onnx.json`, a broken config) are kept in `problems`, shown once
/// per process on standard error when the voices are listed, and when a voice is not found.
struct SherpaVoiceCatalog: Sendable {
    var voices: [SherpaModelSpec] = []
    var problems: [String] = []

    static let shared = SherpaVoiceCatalog(environment: ProcessInfo.processInfo.environment, sitePackages: nil)

    /// `sitePackages`: where Python packages are looked for; nil: `PythonSitePackages.existing` (found on first need).
    init(environment env: [String: String], sitePackages: [String]?) {
        for entry in (env["VOXFLOW_VOICES"] ?? "").split(separator: ":").map(String.init) where !entry.isEmpty {
            add(entry, top: true, origin: "listed in VOXFLOW_VOICES")
        }
        guard VoiceDiscovery.enabled(env) else { return }
        for dir in VoiceDiscovery.dataFolders(env) where FileManager.default.fileExists(atPath: dir) {
            add(dir, top: true, origin: "found in \(dir)")
        }
        for onnx in VoiceDiscovery.pythonVoices(in: sitePackages ?? PythonSitePackages.existing) { append(onnx) }
    }

    private mutating func add(_ path: String, top: Bool, origin: String) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            if top { problems.append("\(path): missing (\(origin))") }
            return
        }
        if isDir.boolValue {
            let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted()
            let isModelFolder = names.contains("tokens.txt") || names.contains("voices.bin")
            if isModelFolder || !top {
                if isModelFolder || names.contains(where: { $0.hasSuffix(".onnx.json") }) {
                    append(path)
                } else {
                    unpaired(names, in: path, origin: origin)
                }
                return
            }
            for n in VoiceDiscovery.piperPairs(names) { append(path + "/" + n) }
            unpaired(names, in: path, origin: origin)
            for n in names {
                var sub: ObjCBool = false
                if fm.fileExists(atPath: path + "/" + n, isDirectory: &sub), sub.boolValue { add(path + "/" + n, top: false, origin: origin) }
            }
        } else {
            append(path)
        }
    }

    /// A `.onnx` in a folder of voices without its `.onnx.json` is named, not silently dropped.
    private mutating func unpaired(_ names: [String], in dir: String, origin: String) {
        for n in names where n.hasSuffix(".onnx") && !names.contains(n + ".json") {
            problems.append(SherpaError.missingFile(path: "\(dir)/\(n).json", role: "Piper voice config", model: "\(dir)/\(n)").description
                + " (\(origin))")
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
        if !problems.isEmpty { available.append("(voice problems: \(problems.joined(separator: "; ")))") }
        throw SherpaError.unknownVoice(name, available: available)
    }

    /// Writes `problems` to standard error, once per process (when the voices are first listed). A missing
    /// `VOXFLOW_VOICES` entry is left to the host, which names it already.
    static let reportProblems: Void = {
        for p in shared.problems where !p.hasSuffix("missing (listed in VOXFLOW_VOICES)") { FileHandle.standardError.write(Data("warning: acoustic.sherpa: \(p)\n".utf8)) }
    }()

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
