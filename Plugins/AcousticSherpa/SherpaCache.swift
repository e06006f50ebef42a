import Foundation

/// Voxflow's cache folder for neural voices: `$VOXFLOW_CACHE_DIR`, else `$XDG_CACHE_HOME/voxflow`, else
/// `~/.cache/voxflow`; under it `sherpa/`. Holds Piper voices made ready for sherpa-onnx and model check results.
enum SherpaCache {
    static var root: String {
        let env = ProcessInfo.processInfo.environment
        if let d = env["VOXFLOW_CACHE_DIR"], !d.isEmpty { return d + "/sherpa" }
        let base = env["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.cache"
        return base + "/voxflow/sherpa"
    }

    /// `root/sub`, created if needed.
    static func folder(_ sub: String) throws -> String {
        let d = root + "/" + sub
        do { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) } catch {
            throw SherpaError.badFile(path: d, message: "cannot be created (\(error.localizedDescription)); set VOXFLOW_CACHE_DIR")
        }
        return d
    }

    /// A stable key for files as they are now: each file's real path, size and modification time, hashed (FNV-1a 64).
    static func key(_ files: [String]) -> String {
        var text = ""
        for f in files {
            let real = (f as NSString).resolvingSymlinksInPath
            let a = try? FileManager.default.attributesOfItem(atPath: real)
            let size = (a?[.size] as? NSNumber)?.int64Value ?? -1
            let mtime = (a?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            text += "\(real)\u{0}\(size)\u{0}\(String(format: "%.6f", mtime))\u{0}"
        }
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(format: "%016llx", h)
    }
}
