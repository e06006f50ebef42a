import CJackCapture
import Foundation

/// A private dummy JACK server (scripts/jack-test-server), stopped by its PID.
public final class JackServer: @unchecked Sendable {
    public let name: String
    public private(set) var pid: Int32
    public let period: Int
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/jack-test-server").path

    public init(period: Int = 256, name: String? = nil) throws {
        self.period = period
        var args = ["start", "--period", String(period)]
        if let name { args += ["--name", name] }
        let out = try Self.run(args)
        let parts = out.split(separator: " ")
        guard parts.count == 2, let pid = Int32(parts[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "jack-test-server: \(out)"])
        }
        self.name = String(parts[0])
        self.pid = pid
    }

    public func stop() {
        guard pid > 0 else { return }
        _ = try? Self.run(["stop", name, String(pid)])
        pid = 0
    }

    /// Starts a server again under the same name (after `stop`).
    public func restart() throws {
        let again = try JackServer(period: period, name: name)
        pid = again.pid
        again.pid = 0
    }

    deinit { stop() }

    /// Runs the script with posix_spawn and waitpid. (Foundation's Process never sees the script
    /// exit here: the daemonized jackd inherits the descriptor it watches.)
    @discardableResult
    static func run(_ args: [String]) throws -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        let argv = ([script] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, script, &actions, nil, argv, environ)
        close(fds[1])
        guard rc == 0 else { close(fds[0]); throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL) }
        var out = Data()
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buf, buf.count)
            if n <= 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        close(fds[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A real JACK client that records what arrives on its input ports.
public final class JackCapture: @unchecked Sendable {
    let handle: OpaquePointer
    public let ports: Int
    private var recorded: [[Float]]

    public init(server: JackServer, ports: Int = 1, seconds: Double = 30, name: String = "capture") throws {
        guard let h = vf_capture_open(server.name, name, Int32(ports), Int(seconds * 48_000)) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot open capture client on \(server.name)"])
        }
        handle = h
        self.ports = ports
        recorded = Array(repeating: [], count: ports)
    }

    /// Connects `source` to input i, retrying for up to `timeout` seconds while the port appears.
    public func connect(_ source: String, to i: Int = 0, timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if vf_capture_connect(handle, source, Int32(i)) == 0 { return true }
            usleep(20_000)
        }
        return false
    }

    /// Everything recorded on input i so far (drains the client's ring into this object).
    public func samples(_ i: Int = 0) -> [Float] {
        var buf = [Float](repeating: 0, count: 65_536)
        while true {
            let n = buf.withUnsafeMutableBufferPointer { vf_capture_read(handle, Int32(i), $0.baseAddress, $0.count) }
            if n == 0 { break }
            recorded[i] += buf[0..<n]
        }
        return recorded[i]
    }

    public func totalFrames(_ i: Int = 0) -> Int { Int(vf_capture_total(handle, Int32(i))) }
    public func firstSoundNanoseconds(_ i: Int = 0) -> UInt64? {
        let t = vf_capture_first_sound_ns(handle, Int32(i))
        return t > 0 ? UInt64(t) : nil
    }
    public func resetFirstSound(_ i: Int = 0) { vf_capture_reset_first_sound(handle, Int32(i)) }

    public func close() { vf_capture_close(handle) }
}

/// The samples between the first and the last non-zero one.
public func trimmedSilence(_ s: [Float]) -> ArraySlice<Float> {
    guard let a = s.firstIndex(where: { $0 != 0 }), let b = s.lastIndex(where: { $0 != 0 }) else { return [] }
    return s[a...b]
}
