import Foundation
import VoxflowApp
import VoxflowKit

/// The folder of finished cues: `KEY.flac` (the audio: 24-bit FLAC at the graph's rate, about a
/// quarter of a float WAV's size) and
/// `KEY.json` (a `DubTake`) per line. Both are written under temporary names and renamed into
/// place — the audio by `sink.file` when its utterance completes, the JSON right after — so a
/// killed run leaves only complete cues (and perhaps temporary files of the dead process, which
/// the next run deletes). A cue is cached when both files are there.
final class DubCache {
    let folder: String
    /// A folder made for this run only (`--no-cache`), deleted at the end.
    let temporary: Bool

    init(choice: DubCacheChoice, output: String, create: Bool) throws {
        switch choice {
        case .besideOutput:
            folder = output + ".cache"
            temporary = false
        case let .folder(f):
            folder = f
            temporary = false
        case .none:
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-dub-\(getpid())-\(UUID().uuidString.prefix(8))").path
            temporary = true
        }
        guard create else { return }
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw DubError.cache(folder, "cannot create the cache folder: \(error.localizedDescription)")
        }
        guard access(folder, W_OK) == 0 else { throw DubError.cache(folder, "the cache folder is not writable") }
        if temporary { DubScratch.add(folder) }
    }

    func audioPath(_ key: String) -> String { folder + "/" + key + ".flac" }
    func infoPath(_ key: String) -> String { folder + "/" + key + ".json" }

    /// The take of a finished line, or nil when it must be rendered.
    func lookup(_ key: String) -> DubTake? {
        guard FileManager.default.fileExists(atPath: audioPath(key)),
              let data = FileManager.default.contents(atPath: infoPath(key)) else { return nil }
        return try? JSONDecoder().decode(DubTake.self, from: data)
    }

    /// Writes `KEY.json` atomically. Call after `KEY.flac` is in place.
    func store(_ take: DubTake, key: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(take)
        try AtomicFile.write(data, to: infoPath(key))
    }

    /// Deletes the temporary files that processes no longer running left behind.
    func removeStalePartials() { AtomicFile.removeStalePartials(in: folder) }

    func removeIfTemporary() {
        guard temporary else { return }
        try? FileManager.default.removeItem(atPath: folder)
        DubScratch.remove(folder)
    }
}

/// Temporary cache folders (`--no-cache`) of this process, deleted when it exits, even through
/// an interrupt (the interrupt handler calls `exit`, which runs `atexit` handlers).
enum DubScratch {
    nonisolated(unsafe) private static var folders: Set<String> = []
    private static let lock = NSLock()
    private static let installed: Void = { atexit { DubScratch.removeAll() } }()

    static func add(_ folder: String) {
        _ = installed
        lock.lock(); defer { lock.unlock() }
        folders.insert(folder)
    }

    static func remove(_ folder: String) {
        lock.lock(); defer { lock.unlock() }
        folders.remove(folder)
    }

    static func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for f in folders { try? FileManager.default.removeItem(atPath: f) }
        folders.removeAll()
    }
}
