import Foundation
import VoxflowApp

/// A one-line progress bar on standard error, redrawn in place with `\r`:
///
///     cue 37/700 ▕████░░░░░░░░░░░░░░░░▏ 5%  elapsed 0:12  ETA 3:40
///
/// Drawn only when standard error is a terminal (`DubProgress.make` returns nil otherwise), at
/// most ten times a second. Cached cues count as done from the start; the ETA comes from the pace
/// of the cues rendered so far. Any thread may call it.
final class DubProgress: @unchecked Sendable {
    private let total: Int
    private let lock = NSLock()
    private var done: Int
    private let cachedAtStart: Int
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// nil unless `enabled` and standard error is a terminal.
    static func make(enabled: Bool, total: Int, cached: Int) -> DubProgress? {
        guard enabled, isatty(STDERR_FILENO) == 1, total > 0 else { return nil }
        return DubProgress(total: total, cached: cached)
    }

    private init(total: Int, cached: Int) {
        self.total = total
        done = cached
        cachedAtStart = cached
        draw(force: true)
    }

    /// `n` more cues are finished (rendered or failed).
    func advance(by n: Int = 1) {
        lock.lock()
        done += n
        lock.unlock()
        draw(force: false)
    }

    /// Runs `body`, which prints whole lines to standard error, with the bar cleared first; the
    /// bar is drawn again below them.
    func above(_ body: () -> Void) {
        lock.lock()
        if drawn { write("\r\u{1B}[2K") }
        drawn = false
        body()
        lastDraw = .distantPast
        lock.unlock()
        draw(force: true)
    }

    /// Clears the bar (at the end of the run).
    func clear() {
        lock.lock(); defer { lock.unlock() }
        if drawn { write("\r\u{1B}[2K") }
        drawn = false
    }

    static func line(done: Int, total: Int, elapsed: Double, eta: Double?) -> String {
        let width = 20
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let full = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: full) + String(repeating: "░", count: width - full)
        let etaText = eta.map { "  ETA \(DubTime.clock($0))" } ?? ""
        return "cue \(done)/\(total) ▕\(bar)▏ \(Int(fraction * 100))%  elapsed \(DubTime.clock(elapsed))\(etaText)"
    }

    private func draw(force: Bool) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard force || done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(started)
        let rendered = done - cachedAtStart
        let eta: Double? = rendered > 0 ? elapsed / Double(rendered) * Double(total - done) : nil
        write("\r\u{1B}[2K" + Self.line(done: done, total: total, elapsed: elapsed, eta: eta))
        drawn = true
    }

    private func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
