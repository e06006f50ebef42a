import CSherpa
import Foundation

/// A neural voice on disk: which sherpa-onnx model family, its files, and what it declares (language, rate, speakers).
///
/// Two layouts are understood:
/// - a **Piper voice**: `NAME.onnx` with `NAME.onnx.json` next to it, as Piper ships them. Piper models carry no
///   sherpa-onnx metadata, so a copy with it (and a tokens.txt from the JSON's phoneme_id_map) is made once in the cache
///   folder (`PiperVoice`);
/// - a **sherpa-onnx model folder**: VITS (`model.onnx`/`*.onnx` + `tokens.txt`), Matcha (`model-steps-*.onnx` or an
///   acoustic model with model_type matcha-tts, a vocoder `vocos*.onnx`/`hifigan*.onnx`, `tokens.txt`), Kokoro and Kitten
///   (model + `voices.bin` + `tokens.txt`), ZipVoice (`encoder*.onnx`, `decoder*.onnx`, a vocoder, `tokens.txt`).
struct SherpaModelSpec: Hashable, Sendable {
    enum Kind: String, Sendable {
        case vits, matcha, kokoro, kitten, zipvoice
        var code: Int32 {
            switch self {
            case .vits: return Int32(VF_SHERPA_VITS)
            case .matcha: return Int32(VF_SHERPA_MATCHA)
            case .kokoro: return Int32(VF_SHERPA_KOKORO)
            case .kitten: return Int32(VF_SHERPA_KITTEN)
            case .zipvoice: return Int32(VF_SHERPA_ZIPVOICE)
            }
        }
        /// Clones a voice from reference audio and its transcript.
        var clones: Bool { self == .zipvoice }
    }

    var kind: Kind
    /// The voice's name (`voxflow voices`): a Piper voice's file stem, a folder's name.
    var name: String
    /// What the user gave (a .onnx file or a folder): the key of the model cache.
    var path: String
    /// Files handed to sherpa-onnx (for a Piper voice: the user's .onnx and no tokens until `PiperVoice.prepare` points
    /// them at the cached copy with metadata).
    var model: String
    var tokens: String
    var lexicon: String?
    var vocoder: String?
    var voices: String?
    var decoder: String?
    /// espeak-ng voice that phonemizes the text ("en-us").
    var espeakVoice: String
    /// BCP 47 language ("en-US").
    var language: String
    /// Declared output rate; 0 when the model does not say (the check tells).
    var sampleRate: Int
    var speakers: Int
    var noiseScale: Double = 0.667
    var noiseScaleW: Double = 0.8
    var lengthScale: Double = 1
    /// The Piper .onnx.json, for Piper voices.
    var piperConfig: String?

    /// Every file the model needs, with its role, for "missing file" errors before anything is loaded.
    var files: [(path: String, role: String)] {
        var f: [(String, String)] = [(model, kind == .zipvoice ? "encoder" : kind == .matcha ? "acoustic model" : "model")]
        if !tokens.isEmpty { f.append((tokens, "tokens")) }  // empty: a Piper voice not prepared yet
        if let lexicon { f.append((lexicon, "lexicon")) }
        if let vocoder { f.append((vocoder, "vocoder")) }
        if let voices { f.append((voices, "voices file")) }
        if let decoder { f.append((decoder, "decoder")) }
        return f
    }

    /// Throws `missingFile` for the first file that is not there.
    func checkFiles() throws {
        for (p, role) in files where !FileManager.default.fileExists(atPath: p) {
            throw SherpaError.missingFile(path: p, role: role, model: path)
        }
    }

    static func == (a: Self, b: Self) -> Bool { a.path == b.path && a.model == b.model }
    func hash(into h: inout Hasher) { h.combine(path) }

    /// The voice at `path`: a Piper .onnx (or its .onnx.json), or a model folder.
    static func at(_ path: String) throws -> SherpaModelSpec {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let p = path.hasSuffix(".onnx.json") ? String(path.dropLast(5)) : path
        guard fm.fileExists(atPath: p, isDirectory: &isDir) else {
            throw SherpaError.missingFile(path: p, role: p.hasSuffix(".onnx") ? "Piper voice model" : "voice", model: path)
        }
        if !isDir.boolValue {
            guard p.hasSuffix(".onnx") else { throw SherpaError.notAModel(path: p) }
            return try PiperVoice.spec(onnx: p)
        }
        return try folder(p)
    }

    /// A sherpa-onnx model folder.
    static func folder(_ dir: String) throws -> SherpaModelSpec {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        func first(_ test: (String) -> Bool) -> String? { names.first(where: test).map { dir + "/" + $0 } }
        let onnx = names.filter { $0.hasSuffix(".onnx") }
        // A folder holding one Piper pair is that Piper voice.
        if !names.contains("tokens.txt"), let pair = onnx.first(where: { names.contains($0 + ".json") }) {
            return try PiperVoice.spec(onnx: dir + "/" + pair)
        }
        let tokens = dir + "/tokens.txt"
        let lexiconFile = first { $0 == "lexicon.txt" }
        let vocoder = first { ($0.hasPrefix("vocos") || $0.hasPrefix("hifigan") || $0.hasPrefix("vocoder")) && $0.hasSuffix(".onnx") }
        let name = (dir as NSString).lastPathComponent
        func spec(_ kind: Kind, model: String, meta: [String: String]) -> SherpaModelSpec {
            // Models made for espeak-ng phonemes (has_espeak=1: Piper and most VITS/Matcha/Kokoro exports) get IPA from
            // Voxflow; a lexicon next to them is then not used. Others (lexicon models) read their text through it.
            let lexicon = meta["has_espeak"] == "1" ? nil : lexiconFile
            return SherpaModelSpec(kind: kind, name: name, path: dir, model: model, tokens: tokens, lexicon: lexicon,
                            vocoder: kind == .matcha || kind == .zipvoice ? (vocoder ?? dir + "/vocos.onnx") : nil,
                            voices: kind == .kokoro || kind == .kitten ? dir + "/voices.bin" : nil,
                            decoder: kind == .zipvoice ? (first { $0.hasPrefix("decoder") && $0.hasSuffix(".onnx") } ?? dir + "/decoder.onnx") : nil,
                            espeakVoice: meta["voice"].flatMap { $0.isEmpty ? nil : $0 } ?? "en-us",
                            language: language(meta), sampleRate: Int(meta["sample_rate"] ?? "") ?? 0,
                            speakers: max(1, Int(meta["n_speakers"] ?? "") ?? 1))
        }
        if let encoder = first({ $0.hasPrefix("encoder") && $0.hasSuffix(".onnx") }) {
            return spec(.zipvoice, model: encoder, meta: (try? OnnxMetadata.read(encoder)) ?? [:])
        }
        let models = onnx.filter { !$0.hasPrefix("vocos") && !$0.hasPrefix("hifigan") && !$0.hasPrefix("vocoder") }
        guard let modelName = models.first(where: { $0 == "model.onnx" }) ?? models.first(where: { $0.hasPrefix("model") }) ?? models.first
        else {
            if names.contains("tokens.txt") || names.contains("voices.bin") {
                throw SherpaError.missingFile(path: dir + "/model.onnx", role: "model", model: dir)
            }
            throw SherpaError.notAModel(path: dir)
        }
        let model = dir + "/" + modelName
        let meta = (try? OnnxMetadata.read(model)) ?? [:]
        let type = meta["model_type"]?.lowercased() ?? ""
        if type.hasPrefix("matcha") || modelName.hasPrefix("model-steps") { return spec(.matcha, model: model, meta: meta) }
        if type == "kokoro" || (names.contains("voices.bin") && type != "kitten") { return spec(.kokoro, model: model, meta: meta) }
        if type == "kitten" { return spec(.kitten, model: model, meta: meta) }
        return spec(.vits, model: model, meta: meta)
    }

    /// A BCP 47 tag from sherpa-onnx metadata ("English" or "en-us" → "en-US").
    static func language(_ meta: [String: String]) -> String {
        let names = ["english": "en-US", "chinese": "zh", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
                     "russian": "ru", "japanese": "ja", "korean": "ko", "portuguese": "pt", "dutch": "nl", "polish": "pl"]
        if let l = meta["language"], !l.isEmpty {
            if let n = names[l.lowercased()] { return n }
            return bcp47(l)
        }
        return bcp47(meta["voice"] ?? "en-us")
    }

    /// "en_us"/"en-us" → "en-US".
    static func bcp47(_ tag: String) -> String {
        tag.replacingOccurrences(of: "_", with: "-").split(separator: "-").enumerated()
            .map { i, s in i == 0 ? s.lowercased() : s.count == 2 ? s.uppercased() : s.lowercased() }.joined(separator: "-")
    }
}
