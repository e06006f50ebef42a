import Foundation
import VoxflowApp
import VoxflowKit

/// Small files (JSON, CSV) written whole under a temporary name (`.NAME.partial-PID`, the name
/// `sink.file` uses) and renamed into place, so a reader sees the old file or the complete new one.
enum AtomicFile {
    static func partialPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
    }

    static func write(_ data: Data, to path: String) throws {
        let temp = partialPath(for: path)
        PartialFiles.register(temp)
        defer { PartialFiles.unregister(temp) }
        guard FileManager.default.createFile(atPath: temp, contents: data) else {
            throw DubError.io(path, "cannot write here (does the folder exist, is it writable?)")
        }
        guard rename(temp, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temp)
            throw DubError.io(path, "cannot replace the file: \(why)")
        }
    }

    /// Deletes `.NAME.partial-PID` files in `folder` whose process is gone (killed runs), and
    /// only those: a run still going keeps its files.
    static func removeStalePartials(in folder: String, named name: String? = nil) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for n in names where n.hasPrefix(".") {
            guard let r = n.range(of: ".partial-", options: .backwards), let pid = Int32(n[r.upperBound...]) else { continue }
            if let name, String(n[n.index(after: n.startIndex)..<r.lowerBound]) != name { continue }
            if pid == getpid() { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { unlink(folder + "/" + n) }
        }
    }
}
