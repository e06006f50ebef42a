import Foundation
import VoxflowKit

/// What a synthesis hands its consumer, in order: audio chunks, then how it ended.
enum StreamItem: Sendable {
    case audio(AudioChunk)
    case ended(EndReason)
}

/// The bridge between a graph's sink thread (producer, may block) and an async consumer (a
/// network writer, must not block): at most `window` chunks wait unconsumed; the producer waits
/// for the consumer to call `consumed()` before sending more. Closing it (cancel, client gone)
/// releases a waiting producer at once.
final class StreamOutlet: @unchecked Sendable {
    let items: AsyncStream<StreamItem>
    private let continuation: AsyncStream<StreamItem>.Continuation
    private let window: Int
    private let condition = NSCondition()
    private var unconsumed = 0
    private var closed = false
    /// Set before the utterance is submitted: sees every chunk sent and the end, on the sink's thread (the phrase cache).
    var observer: (@Sendable (StreamItem) -> Void)?

    init(window: Int) {
        (items, continuation) = AsyncStream.makeStream(of: StreamItem.self)
        self.window = max(1, window)
    }

    var isClosed: Bool { condition.withLock { closed } }

    /// Sink's streaming thread. Blocks while the window is full; false once the outlet is closed.
    func send(_ chunk: AudioChunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while unconsumed >= window && !closed { condition.wait() }
        if closed { return false }
        unconsumed += 1
        continuation.yield(.audio(chunk))
        observer?(.audio(chunk))
        return true
    }

    /// Sink's streaming thread. The utterance ended; the stream ends after this item.
    func end(_ reason: EndReason) {
        observer?(.ended(reason))
        continuation.yield(.ended(reason))
        continuation.finish()
    }

    /// Consumer: one audio chunk was written out; the producer may send another.
    func consumed() {
        condition.withLock { unconsumed -= 1 }
        condition.signal()
    }

    /// Any thread. Stops the stream: a waiting producer returns, the consumer's loop ends.
    func close() {
        condition.withLock { closed = true }
        condition.broadcast()
        continuation.finish()
    }
}
