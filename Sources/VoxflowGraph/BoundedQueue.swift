import Foundation

/// A blocking FIFO of fixed capacity between two streaming threads: `put` waits while it is
/// full (backpressure), `take` waits while it is empty. Never used on a real-time thread.
final class BoundedQueue<Element>: @unchecked Sendable {
    private var items: [Element] = []
    private var head = 0
    private let capacity: Int
    private let condition = NSCondition()
    private var closed = false
    /// The most elements ever held at once (for tests of memory bounds).
    private(set) var highWater = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    private var count: Int { items.count - head }

    /// Blocks while full. Returns false when the queue was closed.
    @discardableResult
    func put(_ e: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count >= capacity && !closed { condition.wait() }
        if closed { return false }
        items.append(e)
        highWater = max(highWater, count)
        condition.broadcast()
        return true
    }

    /// Whether a `put` now would return without waiting.
    var hasRoom: Bool {
        condition.lock()
        defer { condition.unlock() }
        return count < capacity || closed
    }

    /// Blocks while empty. Returns nil once closed and drained.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !closed { condition.wait() }
        if count == 0 { return nil }
        let e = items[head]
        head += 1
        if head > 64 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return e
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
