import Foundation

/// Lines from standard input as they arrive, with a timeout, so a script can go on handling
/// events while it waits for the next line. Reads the file descriptor directly (no stdio buffer
/// that `poll` could not see).
final class StdinLines {
    enum Next { case line(String), timeout, eof }
    private var buffer: [UInt8] = []
    private var atEOF = false
    private let fd: Int32

    init(fd: Int32 = STDIN_FILENO) { self.fd = fd }

    func next(timeout: Double) -> Next {
        while true {
            if let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<nl])
                buffer.removeSubrange(...nl)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if atEOF {
                if buffer.isEmpty { return .eof }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, Int32(max(0, timeout * 1000)))
            if ready == 0 { return .timeout }
            if ready < 0 { if errno == EINTR { continue }; atEOF = true; continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { atEOF = true } else { buffer += chunk[..<n] }
        }
    }
}
