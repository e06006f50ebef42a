import Foundation

/// Admission control: at most `maxActive` syntheses run; up to `maxQueued` more wait their turn in
/// order; past that, or after waiting `timeout` seconds, a request is refused with 503 and a
/// Retry-After it can act on.
actor SynthesisSlots {
    private let maxActive: Int
    private let maxQueued: Int
    private let timeout: Double
    private var active = 0
    private var waiting: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID = 0

    init(limits: ServerLimits) {
        maxActive = max(1, limits.maxConcurrent)
        maxQueued = max(0, limits.maxQueued)
        timeout = limits.queueTimeout
    }

    var counts: (active: Int, queued: Int) { (active, waiting.count) }

    /// Waits for a slot; throws 503 when the queue is full or the wait times out.
    func acquire() async throws {
        try Task.checkCancellation()
        if active < maxActive && waiting.isEmpty {
            active += 1
            return
        }
        guard waiting.count < maxQueued else {
            throw APIError(.serviceUnavailable, "the server is busy: \(active) syntheses running and \(waiting.count) waiting; retry shortly",
                           retryAfter: 1)
        }
        nextID += 1
        let id = nextID
        let timeout = self.timeout
        let timer = Task { [weak self] in
            try await Task.sleep(for: .seconds(timeout))
            await self?.expire(id)
        }
        defer { timer.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                waiting.append((id, c))
            }
        } onCancel: {
            Task { await self.expire(id, cancelled: true) }
        }
    }

    /// A synthesis finished: the longest-waiting request gets its slot.
    func release() {
        if waiting.isEmpty {
            active -= 1
        } else {
            waiting.removeFirst().continuation.resume()
        }
    }

    private func expire(_ id: Int, cancelled: Bool = false) {
        guard let i = waiting.firstIndex(where: { $0.id == id }) else { return }
        let c = waiting.remove(at: i).continuation
        if cancelled {
            c.resume(throwing: CancellationError())
        } else {
            c.resume(throwing: APIError(.serviceUnavailable, "the server is busy: waited \(Int(timeout)) s for a free synthesis slot; retry shortly",
                                        retryAfter: 2))
        }
    }
}
