import Foundation

/// Opens a model in a separate process (VoxflowSherpaCheck) before the host opens it: sherpa-onnx ends the process that
/// opens a model with broken metadata, so only the child dies and the host reports the file.
///
/// Results are cached per model files (real path, size, modification time) in memory and in the cache folder
/// (`checks/KEY`), failures too, so a model is checked once until it changes. Runs on the control thread (node
/// creation, reload); a check takes about 0.1–0.5 s (the child loads ONNX Runtime).
enum SherpaModelCheck {
    struct Passed: Sendable, Hashable {
        var sampleRate: Int
        var speakers: Int
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var memo: [String: Result<Passed, SherpaError>] = [:]

    /// Checks `spec` (its files must exist: `checkFiles()` first). Throws `brokenModel`/`modelRefused` naming the file.
    static func check(_ spec: SherpaModelSpec) throws -> Passed {
        let key = SherpaCache.key(spec.files.map(\.path) + [spec.kind.rawValue])
        lock.lock()
        if let r = memo[key] { lock.unlock(); return try r.get() }
        lock.unlock()
        let result: Result<Passed, SherpaError>
        if let cached = readCache(key, spec) {
            result = cached
        } else {
            result = try run(spec)
            writeCache(key, result)
        }
        lock.lock()
        memo[key] = result
        lock.unlock()
        return try result.get()
    }

    /// Forgets what is known about `spec` (a reload re-checks).
    static func forget(_ spec: SherpaModelSpec) {
        let key = SherpaCache.key(spec.files.map(\.path) + [spec.kind.rawValue])
        lock.lock()
        memo[key] = nil
        lock.unlock()
        if let dir = try? SherpaCache.folder("checks") { try? FileManager.default.removeItem(atPath: dir + "/" + key) }
    }

    /// Runs the checker. Throws only when it cannot be run at all (missing checker or library).
    private static func run(_ spec: SherpaModelSpec) throws -> Result<Passed, SherpaError> {
        _ = try SherpaLibrary.require()
        let checker = try SherpaLibrary.checker()
        var args = [SherpaLibrary.libraryPath, String(spec.kind.code), "model=\(spec.model)", "tokens=\(spec.tokens)"]
        if let v = spec.lexicon { args.append("lexicon=\(v)") }
        if let v = spec.vocoder { args.append("vocoder=\(v)") }
        if let v = spec.voices { args.append("voices=\(v)") }
        if let v = spec.decoder { args.append("decoder=\(v)") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: checker)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch {
            throw SherpaError.checkerMissing(searched: [checker + " (\(error.localizedDescription))"])
        }
        // Read both pipes to the end (a chatty model must not block the child on a full pipe).
        let errData = LockedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        while !errData.done { usleep(1000) }
        let stderr = String(decoding: errData.data, as: UTF8.self)
        let detail = stderr.split(separator: "\n").map { String($0) }.filter { !$0.isEmpty }.suffix(2)
            .map { line -> String in
                // sherpa-onnx prefixes its messages with source file:function:line.
                if let r = line.range(of: #"^\S+\.cc:\S+:\d+ "#, options: .regularExpression) { return String(line[r.upperBound...]) }
                return line
            }.joined(separator: "; ")
        if p.terminationReason == .uncaughtSignal {
            return .failure(.brokenModel(path: spec.path, status: "killed by signal \(p.terminationStatus)", detail: detail))
        }
        let fields = stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if p.terminationStatus == 0, fields.count == 3, fields[0] == "ok", let rate = Int(fields[1]), let n = Int(fields[2]) {
            return .success(Passed(sampleRate: rate, speakers: max(1, n)))
        }
        if p.terminationStatus == 2 { return .failure(.modelRefused(path: spec.path, detail: detail)) }
        return .failure(.brokenModel(path: spec.path, status: "the process exited with status \(p.terminationStatus)", detail: detail))
    }

    private static func readCache(_ key: String, _ spec: SherpaModelSpec) -> Result<Passed, SherpaError>? {
        guard let dir = try? SherpaCache.folder("checks"), let text = try? String(contentsOfFile: dir + "/" + key, encoding: .utf8)
        else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let f = lines.first?.split(separator: " ").map(String.init) ?? []
        if f.count == 3, f[0] == "ok", let r = Int(f[1]), let n = Int(f[2]) { return .success(Passed(sampleRate: r, speakers: n)) }
        if f.first == "refused" { return .failure(.modelRefused(path: spec.path, detail: lines.dropFirst().joined())) }
        if f.first == "broken", lines.count >= 3 { return .failure(.brokenModel(path: spec.path, status: lines[1], detail: lines[2])) }
        return nil
    }

    private static func writeCache(_ key: String, _ r: Result<Passed, SherpaError>) {
        guard let dir = try? SherpaCache.folder("checks") else { return }
        let text: String
        switch r {
        case let .success(p): text = "ok \(p.sampleRate) \(p.speakers)\n"
        case let .failure(.modelRefused(_, detail)): text = "refused\n\(detail)\n"
        case let .failure(.brokenModel(_, status, detail)): text = "broken\n\(status)\n\(detail)\n"
        case .failure: return
        }
        try? text.write(toFile: dir + "/" + key, atomically: true, encoding: .utf8)
    }
}

/// Bytes handed from a reader thread.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var _data = Data()
    private var _done = false
    func set(_ d: Data) { lock.lock(); _data = d; _done = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return _done }
    var data: Data { lock.lock(); defer { lock.unlock() }; return _data }
}
