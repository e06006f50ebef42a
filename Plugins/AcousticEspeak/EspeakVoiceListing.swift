import CEspeak
import Foundation

/// espeak-ng's voice list, kept on disk between runs: listing it means loading libespeak-ng and reading every voice file
/// (~370 files, ~25 ms), which a process that never speaks with espeak-ng — `voxflow say` in English, asking which
/// voice is best — should not pay. The file (`$VOXFLOW_CACHE_DIR`, else `$XDG_CACHE_HOME/voxflow`, else
/// `~/.cache/voxflow`, `espeak-voices.json`) records the data folder it was read from and the modification times of it,
/// its `voices` and `voices/!v` folders; a mismatch (espeak-ng updated, a voice added) lists afresh.
struct EspeakVoiceListing {
    var rate: Int
    var voices: [EspeakVoice]
    var variants: Set<String>

    static var file: String {
        let env = ProcessInfo.processInfo.environment
        if let d = env["VOXFLOW_CACHE_DIR"], !d.isEmpty { return d + "/espeak-voices.json" }
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.cache"
        return base + "/voxflow/espeak-voices.json"
    }

    /// The data folders whose modification times vouch for a listing.
    private static func stamps(_ dataPath: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for p in [dataPath, dataPath + "/voices", dataPath + "/voices/!v"] {
            let a = try? FileManager.default.attributesOfItem(atPath: p)
            out[p] = Int((((a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1) * 1000).rounded())   // milliseconds
        }
        return out
    }

    /// The listing on disk, when it still matches the data folders it was read from.
    static func read() -> EspeakVoiceListing? {
        guard let data = FileManager.default.contents(atPath: file),
              let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              doc["format"] as? Int == 1, let path = doc["data_path"] as? String, let rate = doc["rate"] as? Int,
              let recorded = doc["stamps"] as? [String: Int], recorded == stamps(path),
              let rows = doc["voices"] as? [[String: Any]], let variants = doc["variants"] as? [String] else { return nil }
        var voices: [EspeakVoice] = []
        for r in rows {
            guard let name = r["name"] as? String, let id = r["identifier"] as? String, let tags = r["languages"] as? [[Any]] else { return nil }
            let languages = tags.compactMap { t -> (tag: String, priority: Int)? in
                guard t.count == 2, let tag = t[0] as? String, let p = t[1] as? Int else { return nil }
                return (tag, p)
            }
            voices.append(EspeakVoice(name: name, displayName: r["display"] as? String ?? name, identifier: id, languages: languages,
                                      gender: r["gender"] as? String ?? ""))
        }
        return EspeakVoiceListing(rate: rate, voices: voices, variants: Set(variants))
    }

    /// Caller has loaded the library. Writes the listing atomically; a cache that cannot be written is only slower.
    func write() {
        let path = String(cString: vf_espeak_data_path())
        guard !path.isEmpty else { return }
        let doc: [String: Any] = [
            "format": 1, "data_path": path, "rate": rate, "stamps": Self.stamps(path), "variants": variants.sorted(),
            "voices": voices.map { v in
                ["name": v.name, "display": v.displayName, "identifier": v.identifier, "gender": v.gender,
                 "languages": v.languages.map { [$0.tag, $0.priority] as [Any] }] as [String: Any]
            },
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]) else { return }
        let target = Self.file
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let tmp = target + ".tmp\(getpid())"
        guard FileManager.default.createFile(atPath: tmp, contents: data) else { return }
        if rename(tmp, target) != 0 { try? FileManager.default.removeItem(atPath: tmp) }
    }
}
