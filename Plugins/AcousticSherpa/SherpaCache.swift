import Foundation

/// Voxflow's cache folder for neural voices: `$VOXFLOW_CACHE_DIR`, else `$XDG_CACHE_HOME/voxflow`, else
/// `~/.cache/voxflow`; under it `sherpa/`. Holds Piper voices made ready for sherpa-onnx and model check results.
///
/// Entries appear atomically (`entry(_:key:files:build:)`): each is built in a private temporary folder and renamed into
/// place, so a reader (another thread, another process) sees either no entry or a complete one, and two builders racing
/// on a cold cache both succeed and leave one entry.
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

    /// The folder `root/sub/key` holding `files`, built by `build(folder)` when it is not there yet.
    ///
    /// `build` writes into a fresh temporary folder beside the entry; the folder is then renamed into place (`rename(2)` of a
    /// directory is atomic, and fails when the target already exists and is not empty). Losing that race is success: the
    /// winner's entry is complete. An entry that lacks one of `files` (left by an older Voxflow) is moved aside and rebuilt.
    static func entry(_ sub: String, key: String, files: [String], build: (String) throws -> Void) throws -> String {
        let parent = try folder(sub)
        let final = parent + "/" + key
        let fm = FileManager.default
        if fm.fileExists(atPath: final) {
            if files.allSatisfy({ fm.fileExists(atPath: final + "/" + $0) }) { return final }
            let aside = parent + "/.\(key).stale-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            if rename(final, aside) == 0 { try? fm.removeItem(atPath: aside) }
        }
        removeAbandoned(in: parent, key: key)
        let tmp = parent + "/.\(key).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do { try fm.createDirectory(atPath: tmp, withIntermediateDirectories: false) } catch {
            throw SherpaError.badFile(path: tmp, message: "cannot be created (\(error.localizedDescription)); set VOXFLOW_CACHE_DIR")
        }
        defer { try? fm.removeItem(atPath: tmp) }
        try build(tmp)
        if rename(tmp, final) != 0 {
            let code = errno
            // Another thread or process made the entry first: use theirs.
            if (code == EEXIST || code == ENOTEMPTY), files.allSatisfy({ fm.fileExists(atPath: final + "/" + $0) }) { return final }
            throw SherpaError.badFile(path: final, message: "cannot be written (\(String(cString: strerror(code)))); set VOXFLOW_CACHE_DIR")
        }
        return final
    }

    /// Temporary folders of `key` whose process is gone (killed while building).
    private static func removeAbandoned(in parent: String, key: String) {
        let prefix = ".\(key).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { pid_t($0) } ?? 0
            if pid > 0, kill(pid, 0) != 0, errno == ESRCH { try? FileManager.default.removeItem(atPath: parent + "/" + name) }
        }
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
