import Foundation
import VoxflowKit

/// The process-wide cache of loaded models: a model is loaded once (checked in a child process first) and shared by
/// every node and graph that speaks with it, until it is unloaded or reloaded (`ModelHolding`, through the host).
///
/// Nodes do not keep an engine between phrases: they ask `engine(for:)` at each phrase (a dictionary lookup), so an
/// unloaded model is loaded again on the next phrase and a reloaded one is used from the next phrase on.
/// All methods may be called from any thread.
final class SherpaModelCache: @unchecked Sendable {
    static let shared = SherpaModelCache()

    private struct Entry {
        var engine: SherpaEngine
        var loadedAt: Double
        var loadSeconds: Double
    }
    private let lock = NSLock()
    /// Serializes loading (two graphs asking for one model load it once).
    private let loading = NSLock()
    private var entries: [String: Entry] = [:]
    private var users: [String: Int] = [:]
    private var specs: [String: SherpaModelSpec] = [:]
    private let start = Date()
    /// ONNX Runtime threads of the next model loaded: one per core by default, as Piper (a node's `threads` sets it).
    var threads = cores
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The loaded engine of `spec`, loading (and first checking) it if needed. Throws a `SherpaError` naming the file.
    func engine(for spec: SherpaModelSpec) throws -> SherpaEngine {
        lock.lock()
        if let e = entries[spec.path] { lock.unlock(); return e.engine }
        lock.unlock()
        loading.lock()
        defer { loading.unlock() }
        lock.lock()
        if let e = entries[spec.path] { lock.unlock(); return e.engine }
        lock.unlock()
        return try load(spec)
    }

    /// Caller holds `loading`.
    private func load(_ spec: SherpaModelSpec) throws -> SherpaEngine {
        try spec.checkFiles()
        let ready = try PiperVoice.prepare(spec)
        _ = try SherpaModelCheck.check(ready)
        let t0 = Date()
        let engine = try SherpaEngine(ready, threads: threads)
        let entry = Entry(engine: engine, loadedAt: t0.timeIntervalSince(start), loadSeconds: Date().timeIntervalSince(t0))
        lock.lock()
        entries[spec.path] = entry
        specs[spec.path] = spec
        lock.unlock()
        return engine
    }

    /// A node starts or stops using `spec` (for `loadedModels().users`).
    func use(_ spec: SherpaModelSpec, _ delta: Int) {
        lock.lock()
        users[spec.path, default: 0] += delta
        specs[spec.path] = spec
        lock.unlock()
    }

    func loaded() -> [LoadedModel] {
        lock.lock(); defer { lock.unlock() }
        return entries.sorted { $0.key < $1.key }.map { path, e in
            LoadedModel(engine: "acoustic.sherpa", path: path, voice: e.engine.spec.name, sampleRate: e.engine.sampleRate,
                        speakers: e.engine.speakers, users: users[path] ?? 0, loadedAt: e.loadedAt, loadSeconds: e.loadSeconds)
        }
    }

    func unload(path: String?) -> Int {
        lock.lock(); defer { lock.unlock() }
        guard let path else {
            let n = entries.count
            entries.removeAll()
            return n
        }
        let key = entries[path] != nil ? path : entries.keys.first { $0 == Self.normalize(path) || entries[$0]?.engine.spec.name == path }
        guard let key else { return 0 }
        entries[key] = nil
        return 1
    }

    /// Loads `path` (a model path, a voice name) again, checked afresh; the old copy stays if that fails.
    func reload(path: String, resolve: (String) throws -> SherpaModelSpec) throws {
        lock.lock()
        let known = specs[path] ?? specs.values.first { $0.name == path || $0.path == Self.normalize(path) }
        lock.unlock()
        let spec = try known ?? resolve(path)
        try spec.checkFiles()
        SherpaModelCheck.forget(try PiperVoice.prepare(spec))
        loading.lock()
        defer { loading.unlock() }
        _ = try load(spec)
    }

    static func normalize(_ path: String) -> String { (path as NSString).standardizingPath }
}
