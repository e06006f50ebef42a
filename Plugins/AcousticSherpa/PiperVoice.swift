import Foundation

/// A Piper voice (`NAME.onnx` + `NAME.onnx.json`) made ready for sherpa-onnx.
///
/// Piper's ONNX files carry none of the metadata sherpa-onnx reads (model_type, sample_rate, n_speakers, …; without it
/// sherpa-onnx ends the process), and Piper keeps its symbol table in the JSON (`phoneme_id_map`). `spec` only reads
/// the JSON (listing voices writes nothing); on first use, `prepare` writes once per (file, size, modification time)
/// into a cache entry (made atomically, `SherpaCache.entry`) a copy of the model with that metadata appended
/// (`OnnxMetadata.write`; the user's file is only read) and a `tokens.txt` from the symbol table; sherpa-onnx opens
/// those. The text is phonemized the way Piper does it: libespeak-ng with the JSON's `espeak.voice`, IPA (see
/// `SherpaPhonemizer`).
enum PiperVoice {
    static func spec(onnx: String) throws -> SherpaModelSpec {
        let json = onnx + ".json"
        guard FileManager.default.fileExists(atPath: json) else {
            throw SherpaError.missingFile(path: json, role: "Piper voice config", model: onnx)
        }
        guard let data = FileManager.default.contents(atPath: json),
              let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw SherpaError.badFile(path: json, message: "is not valid JSON (a Piper voice config is expected)")
        }
        guard let audio = config["audio"] as? [String: Any], let rate = audio["sample_rate"] as? Int else {
            throw SherpaError.badFile(path: json, message: "has no audio.sample_rate")
        }
        guard let idMap = config["phoneme_id_map"] as? [String: Any], !idMap.isEmpty else {
            throw SherpaError.badFile(path: json, message: "has no phoneme_id_map")
        }
        let espeak = (config["espeak"] as? [String: Any])?["voice"] as? String ?? "en-us"
        let languageCode = (config["language"] as? [String: Any])?["code"] as? String ?? espeak
        let speakers = max(1, config["num_speakers"] as? Int ?? 1)
        let inference = config["inference"] as? [String: Any] ?? [:]
        let name = ((onnx as NSString).lastPathComponent as NSString).deletingPathExtension

        // Nothing is written here (listing voices only reads): `model` is the user's file until `prepare` converts it.
        var spec = SherpaModelSpec(kind: .vits, name: name, path: onnx, model: onnx, tokens: "", espeakVoice: espeak,
                                   language: SherpaModelSpec.bcp47(languageCode), sampleRate: rate, speakers: speakers)
        spec.noiseScale = inference["noise_scale"] as? Double ?? 0.667
        spec.noiseScaleW = inference["noise_w"] as? Double ?? 0.8
        spec.lengthScale = inference["length_scale"] as? Double ?? 1
        spec.piperConfig = json
        return spec
    }

    /// `spec` with `model` and `tokens` pointing at the copy sherpa-onnx opens, made once per (file, size, modification
    /// time) in the cache (first use of the voice: loading, checking). Other specs are returned as they are.
    static func prepare(_ spec: SherpaModelSpec) throws -> SherpaModelSpec {
        guard let json = spec.piperConfig, spec.tokens.isEmpty else { return spec }
        let onnx = spec.path
        guard let data = FileManager.default.contents(atPath: json),
              let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let idMap = config["phoneme_id_map"] as? [String: Any], !idMap.isEmpty else {
            throw SherpaError.badFile(path: json, message: "has no phoneme_id_map (or is no longer valid JSON)")
        }
        let languageCode = (config["language"] as? [String: Any])?["code"] as? String ?? spec.espeakVoice
        let dir = try SherpaCache.entry("piper", key: SherpaCache.key([onnx, json]), files: ["model.onnx", "tokens.txt"]) { tmp in
            try writeTokens(idMap, to: tmp + "/tokens.txt", json: json)
            try OnnxMetadata.write(copyOf: onnx, to: tmp + "/model.onnx", adding: [
                ("model_type", "vits"), ("comment", "piper"), ("language", languageCode), ("voice", spec.espeakVoice),
                ("has_espeak", "1"), ("n_speakers", String(spec.speakers)), ("sample_rate", String(spec.sampleRate)), ("add_blank", "0"),
            ])
        }
        var ready = spec
        ready.model = dir + "/model.onnx"
        ready.tokens = dir + "/tokens.txt"
        return ready
    }

    /// sherpa-onnx's tokens.txt ("SYMBOL ID" per line) from Piper's phoneme_id_map.
    private static func writeTokens(_ idMap: [String: Any], to path: String, json: String) throws {
        var lines: [(Int, String)] = []
        for (symbol, ids) in idMap {
            guard let id = (ids as? [Int])?.first ?? ids as? Int else {
                throw SherpaError.badFile(path: json, message: "phoneme_id_map entry \"\(symbol)\" has no id")
            }
            guard symbol.unicodeScalars.count == 1 else { continue }
            lines.append((id, symbol))
        }
        let text = lines.sorted { $0.0 < $1.0 }.map { "\($0.1) \($0.0)\n" }.joined()
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw SherpaError.badFile(path: path, message: "cannot be written (\(error.localizedDescription))")
        }
    }
}
