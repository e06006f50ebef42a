import Foundation
import Synchronization

extension PinyinDictionary {
    /// The process's dictionary, loaded on first use from the first directory that has the data:
    ///
    /// 1. `$VOXFLOW_PINYIN_DIR`
    /// 2. `${XDG_DATA_HOME:-~/.local/share}/voxflow/pinyin`  (where scripts/pinyin-data installs it)
    /// 3. `/usr/local/share/voxflow/pinyin`
    /// 4. `/usr/share/voxflow/pinyin`
    ///
    /// Thread-safe: concurrent first calls load it once. A failure is not remembered, so a
    /// long-running process picks the data up once it has been installed.
    public static func shared() throws -> PinyinDictionary {
        try loaded.withLock { dictionary in
            if let dictionary { return dictionary }
            let found = try PinyinDictionary(directory: dataDirectory())
            dictionary = found
            return found
        }
    }

    private static let loaded = Mutex<PinyinDictionary?>(nil)

    /// Directories searched, in order.
    static func searchPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var dirs: [URL] = []
        if let dir = environment["VOXFLOW_PINYIN_DIR"], !dir.isEmpty { dirs.append(URL(fileURLWithPath: dir)) }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? home.appendingPathComponent(".local/share")
        dirs.append(dataHome.appendingPathComponent("voxflow/pinyin"))
        dirs.append(URL(fileURLWithPath: "/usr/local/share/voxflow/pinyin"))
        dirs.append(URL(fileURLWithPath: "/usr/share/voxflow/pinyin"))
        return dirs
    }

    /// The first directory of the search path that holds chars.tsv.
    static func dataDirectory() throws -> URL {
        let dirs = searchPath()
        guard let dir = dirs.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("chars.tsv").path) })
        else { throw PinyinDictionaryError.notInstalled(searched: dirs.map(\.path)) }
        return dir
    }
}
