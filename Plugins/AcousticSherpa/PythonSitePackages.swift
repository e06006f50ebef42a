import Foundation

/// The site-packages folders of the usual Python installs, found without running Python: `$VIRTUAL_ENV`, `~/.local`,
/// `/usr/local`, `/usr`, pyenv's versions (`$PYENV_ROOT` or `~/.pyenv`), and the prefix of each `python3` on `PATH`
/// (`lib/python3*/site-packages` and `dist-packages`, and Debian's `lib/python3/dist-packages`).
///
/// sherpa-onnx's library (`SherpaLibrary`) and voices shipped as Python packages (`VoiceDiscovery`) are looked for there.
enum PythonSitePackages {
    /// Every candidate folder, most specific first, whether it exists or not (the library search names them).
    static func candidates(environment env: [String: String]) -> [String] {
        let fm = FileManager.default
        let home = env["HOME"] ?? NSHomeDirectory()
        var prefixes: [String] = []
        if let v = env["VIRTUAL_ENV"], !v.isEmpty { prefixes.append(v) }
        prefixes += [home + "/.local", "/usr/local", "/usr"]
        let pyenv = env["PYENV_ROOT"] ?? home + "/.pyenv"
        prefixes += ((try? fm.contentsOfDirectory(atPath: pyenv + "/versions")) ?? []).sorted().reversed().map { pyenv + "/versions/" + $0 }
        for dir in (env["PATH"] ?? "").split(separator: ":") where fm.isExecutableFile(atPath: dir + "/python3") {
            prefixes.append((String(dir) as NSString).deletingLastPathComponent)
        }
        var out: [String] = []
        var seen = Set<String>()
        for prefix in prefixes where seen.insert(prefix).inserted {
            let lib = prefix + "/lib"
            let pythons = ((try? fm.contentsOfDirectory(atPath: lib)) ?? []).filter { $0.hasPrefix("python3") }.sorted().reversed()
            for py in pythons {
                for sub in ["site-packages", "dist-packages"] { out.append("\(lib)/\(py)/\(sub)") }
            }
            out.append("\(lib)/python3/dist-packages")
        }
        return out
    }

    /// The candidates that exist, each real folder once (read once per process).
    static let existing: [String] = {
        var seen = Set<String>()
        return candidates(environment: ProcessInfo.processInfo.environment).filter { dir in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else { return false }
            return seen.insert((dir as NSString).resolvingSymlinksInPath).inserted
        }
    }()
}
