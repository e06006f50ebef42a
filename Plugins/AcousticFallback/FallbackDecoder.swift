import Foundation
import VoxflowKit

/// One decoder wrapped by acoustic.fallback: its node (nil when it could not be created) and its output rate.
final class FallbackDecoder: @unchecked Sendable {
    let index: Int
    let type: String
    let node: Node?
    let rate: Int
    /// Why it could not be created, nil when it was.
    let unavailable: String?
    /// Utterances this decoder has seen `begin` of.
    var begun = Set<UtteranceID>()
    /// True while an abandoned call (a timeout) may still be running inside the node: it gets nothing more until it returns.
    private let lock = NSLock()
    private var _busy = false
    var busy: Bool {
        get { lock.lock(); defer { lock.unlock() }; return _busy }
        set { lock.lock(); _busy = newValue; lock.unlock() }
    }

    init(index: Int, type: String, node: Node?, rate: Int, unavailable: String?) {
        self.index = index
        self.type = type
        self.node = node
        self.rate = rate
        self.unavailable = unavailable
    }

    var label: String { "\(type) (decoder \(index + 1))" }
}

/// What a wrapped decoder emits while it handles one packet: kept until the packet succeeded, then sent on (or
/// dropped when the decoder failed). Its `isCancelled` is also true once the call was abandoned (a timeout).
final class FallbackCapture: NodeContext, @unchecked Sendable {
    let nodeName: String
    private weak var outer: NodeContext?
    private let lock = NSLock()
    private var _chunks: [AcousticChunk] = []
    private var _events: [NodeEvent] = []
    private var abandoned = false

    init(nodeName: String, outer: NodeContext) {
        self.nodeName = nodeName
        self.outer = outer
    }

    var chunks: [AcousticChunk] { lock.lock(); defer { lock.unlock() }; return _chunks }
    var events: [NodeEvent] { lock.lock(); defer { lock.unlock() }; return _events }

    func abandon() { lock.lock(); abandoned = true; lock.unlock() }

    func emit(_ chunk: Chunk, of utterance: UtteranceID, on pad: String) {
        lock.lock(); defer { lock.unlock() }
        guard !abandoned, case let .acoustic(a) = chunk else { return }
        _chunks.append(a)
    }

    func isCancelled(_ id: UtteranceID) -> Bool {
        lock.lock()
        let a = abandoned
        lock.unlock()
        return a || (outer?.isCancelled(id) ?? false)
    }

    func post(_ event: NodeEvent) {
        lock.lock(); defer { lock.unlock() }
        if !abandoned { _events.append(event) }
    }
}
