import Foundation
import Logging
import Prometheus
import VoxflowApp
import VoxflowGraph
import VoxflowKit

/// The server's phrase cache: finished syntheses on disk, content-addressed, so that a phrase a
/// service speaks all day ("The front door is open.") is synthesized once.
///
/// ```
/// request ─▶ key = SHA-256(text, voice, controls, sample rate, channels, the graph, the builds)
///              │ hit: chunks replayed from DIR/<key>.vfpc (no graph, no engine)
///              │ miss: synthesized; the sink's chunks are recorded and, if the utterance completed
///              ▼       with audio, written to DIR (temporary file, then renamed)
/// ```
///
/// Invariants: a failed, cancelled or empty synthesis is never stored; the files stay under
/// `maxBytes` (least recently used first out; a hit refreshes an entry, also across restarts through
/// its modification time); the key covers every loaded plugin's path, size and modification time,
/// the server's executable and the neural voice files (`VOXFLOW_VOICES`), so a rebuilt plugin or a
/// new model never serves the old audio. The encoded format is not in the key: one entry serves
/// WAV, MP3, a stream and Wyoming alike.
public final class PhraseCache: @unchecked Sendable {
    let directory: URL
    let maxBytes: Int
    private let builds: String
    private let lock = NSLock()
    private var entries: [String: (size: Int, used: UInt64)] = [:]
    private var totalBytes = 0
    private var clock: UInt64 = 0
    private let logger: Logger
    private let hits, misses, evictions: Counter
    private let bytesGauge, entriesGauge, ratioGauge: Gauge
    private var hitCount = 0, missCount = 0

    static let suffix = "vfpc"

    init(directory: String, maxBytes: Int, voxflow: Voxflow, registry: PrometheusCollectorRegistry, logger: Logger) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
        self.maxBytes = maxBytes
        self.logger = logger
        builds = Self.buildIdentity(voxflow)
        func name(_ m: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "voxflow", subsystem: "phrase_cache", metricName: m, unitName: unit, helpText: help)
        }
        hits = registry.makeCounter(descriptor: name("hits", "total", "Requests served from the phrase cache, without synthesis"))
        misses = registry.makeCounter(descriptor: name("misses", "total", "Requests the phrase cache did not hold"))
        evictions = registry.makeCounter(descriptor: name("evictions", "total", "Entries removed to keep the cache under its size"))
        bytesGauge = registry.makeGauge(descriptor: name("size", "bytes", "Bytes the phrase cache holds on disk"))
        entriesGauge = registry.makeGauge(descriptor: name("entries", "", "Phrases the cache holds"))
        ratioGauge = registry.makeGauge(descriptor: name("hit", "ratio", "Hits divided by lookups since the server started"))
        try? FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        loadIndex()
    }

    // MARK: keys

    /// The entry's key: every input that shapes the audio.
    func key(_ r: SpeechRequest, spec: GraphSpec) -> String {
        let fields: [String] = [
            "voxflow phrase cache 1", r.text, r.voice ?? "-", "\(r.rate)", "\(r.pitch)", r.emotion ?? "-", "\(r.intensity)",
            r.duration.map { "\($0)" } ?? "-", r.language, "\(r.markup)", "\(r.sampleRate)", "\(r.channels)",
            Self.canonical(spec), builds,
        ]
        return SHA256.hex(fields.joined(separator: "\u{1f}"))
    }

    /// The graph, written the same way in every process (parameters sorted by name).
    static func canonical(_ spec: GraphSpec) -> String {
        let nodes = spec.nodes.map { n in
            "\(n.name):\(n.type){" + n.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
        }
        let links = spec.links.map { "\($0.from)>\($0.to)" }
        return (nodes + links + ["resample=\(spec.autoResample)"]).joined(separator: ";")
    }

    /// What identifies the code and models that speak: each plugin file, the executable, the voice files.
    static func buildIdentity(_ voxflow: Voxflow) -> String {
        func stamp(_ path: String) -> String {
            guard let a = try? FileManager.default.attributesOfItem(atPath: path) else { return "\(path):missing" }
            let size = (a[.size] as? NSNumber)?.intValue ?? -1
            let mtime = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path):\(size):\(mtime)"
        }
        var parts = voxflow.plugins.plugins.map { "\($0.name) \($0.version) abi \($0.abi.major).\($0.abi.minor) " + stamp($0.path) }.sorted()
        parts.append("exe " + stamp((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]))
        for v in (ProcessInfo.processInfo.environment["VOXFLOW_VOICES"] ?? "").split(separator: ":") {
            var isDir: ObjCBool = false
            let path = String(v)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                parts += files.sorted().map { "voice " + stamp(path + "/" + $0) }
            } else {
                parts.append("voice " + stamp(path))
                parts.append("voice " + stamp(path + ".json"))
            }
        }
        return parts.joined(separator: "\n")
    }

    // MARK: lookup and store

    /// The entry for `key`, counted as a hit or a miss.
    func lookup(_ key: String) -> CachedPhrase? {
        let known = lock.withLock { entries[key] != nil }
        let url = file(key)
        if known, let data = try? Data(contentsOf: url), let phrase = CachedPhrase(data: data) {
            lock.withLock {
                clock += 1
                entries[key]?.used = clock
                hitCount += 1
            }
            try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
            hits.increment()
            updateRatio()
            return phrase
        }
        if known { forget(key) }   // unreadable: removed, synthesized again
        lock.withLock { missCount += 1 }
        misses.increment()
        updateRatio()
        return nil
    }

    /// Stores a completed synthesis (any thread); evicts the least recently used entries past the bound.
    func store(_ key: String, _ phrase: CachedPhrase) {
        guard phrase.frames > 0 else { return }
        let data = phrase.encoded()
        guard data.count <= maxBytes else { return }
        let url = file(key)
        let temporary = directory.appendingPathComponent(".\(key).\(UUID().uuidString).partial")
        do {
            try data.write(to: temporary)
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            logger.warning("phrase cache: cannot write \(url.path): \(error)")
            return
        }
        var evict: [String] = []
        lock.withLock {
            if let old = entries[key] { totalBytes -= old.size }
            clock += 1
            entries[key] = (data.count, clock)
            totalBytes += data.count
            while totalBytes > maxBytes, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key, oldest != key {
                totalBytes -= entries.removeValue(forKey: oldest)!.size
                evict.append(oldest)
            }
        }
        for k in evict { try? FileManager.default.removeItem(at: file(k)) }
        evictions.increment(by: Int64(evict.count))
        updateGauges()
    }

    private func forget(_ key: String) {
        lock.withLock { if let e = entries.removeValue(forKey: key) { totalBytes -= e.size } }
        try? FileManager.default.removeItem(at: file(key))
        updateGauges()
    }

    private func file(_ key: String) -> URL { directory.appendingPathComponent("\(key).\(Self.suffix)") }

    /// Reads what an earlier run left: oldest modification first, so the order of use survives a restart.
    private func loadIndex() {
        let fm = FileManager.default
        let urls = (try? fm.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])) ?? []
        var found: [(key: String, size: Int, date: Date)] = []
        for u in urls {
            if u.lastPathComponent.hasPrefix(".") && u.pathExtension == "partial" { try? fm.removeItem(at: u); continue }
            guard u.pathExtension == Self.suffix else { continue }
            let v = try? u.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            found.append((u.deletingPathExtension().lastPathComponent, v?.fileSize ?? 0, v?.contentModificationDate ?? .distantPast))
        }
        for f in found.sorted(by: { $0.date < $1.date }) {
            clock += 1
            entries[f.key] = (f.size, clock)
            totalBytes += f.size
        }
        var evict: [String] = []
        while totalBytes > maxBytes, let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            totalBytes -= entries.removeValue(forKey: oldest)!.size
            evict.append(oldest)
        }
        for k in evict { try? fm.removeItem(at: file(k)) }
        updateGauges()
    }

    private func updateGauges() {
        let (b, n) = lock.withLock { (totalBytes, entries.count) }
        bytesGauge.set(Double(b))
        entriesGauge.set(Double(n))
    }

    private func updateRatio() {
        let (h, m) = lock.withLock { (hitCount, missCount) }
        ratioGauge.set(h + m > 0 ? Double(h) / Double(h + m) : 0)
    }

    /// Counts for tests and /health.
    var counts: (entries: Int, bytes: Int) { lock.withLock { (entries.count, totalBytes) } }
}
