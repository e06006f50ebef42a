import Foundation
import VoxflowGraph
import VoxflowKit

/// The real plugins plus `test.capture` (from `TestCatalog`) and `test.prosody`, a source that
/// turns each submitted utterance into prosody chunks the test wrote itself — so an engine can be
/// tested on exact `ProsodyChunk`s (words, language, pauses, bookmarks) without the text front end.
public final class EngineTestCatalog: NodeCatalog, @unchecked Sendable {
    public let base = TestCatalog()
    public let source = ProsodySourceFactory()
    public init() {}
    public var capture: CaptureFactory { base.capture }
    public func factory(for type: String) -> NodeFactory? {
        type == source.type.name ? source : base.factory(for: type)
    }
    public var nodeTypeNames: [String] { base.nodeTypeNames + [source.type.name] }
}

/// `test.prosody`: on an utterance's text chunk, emits the phrases registered for its id.
public final class ProsodySourceFactory: NodeFactory, @unchecked Sendable {
    public let type = NodeTypeDescriptor(
        name: "test.prosody", summary: "emits the prosody chunks a test registered for each utterance",
        sinkPads: [PadTemplate("in", .text)], srcPads: [PadTemplate("out", .prosody)])
    private let lock = NSLock()
    private var phrases: [UtteranceID: [ProsodyChunk]] = [:]

    /// Any thread. What utterance `id` will say.
    public func script(_ id: UtteranceID, _ chunks: [ProsodyChunk]) {
        lock.lock(); phrases[id] = chunks; lock.unlock()
    }

    func chunks(_ id: UtteranceID) -> [ProsodyChunk] {
        lock.lock(); defer { lock.unlock() }
        return phrases[id] ?? []
    }

    public func makeNode(name: String, parameters: Parameters) throws -> Node { ProsodySourceNode(factory: self) }
}

final class ProsodySourceNode: Node {
    let factory: ProsodySourceFactory
    init(factory: ProsodySourceFactory) { self.factory = factory }
    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { ["out": .prosody] }
    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        guard case .chunk(.text) = packet.body else { return }
        for c in factory.chunks(packet.utterance) {
            if context.isCancelled(packet.utterance) { return }
            context.emit(.prosody(c), of: packet.utterance, on: "out")
        }
    }
}

/// test.prosody → acoustic.espeak → vocoder.passthrough → test.capture (any rate), named
/// "src", "tts", "voc", "cap".
public func espeakChain(_ parameters: [String: ParameterValue] = [:]) -> GraphSpec {
    var spec = GraphSpec()
    spec.chain([
        NodeSpec("src", "test.prosody"),
        NodeSpec("tts", "acoustic.espeak", parameters),
        NodeSpec("voc", "vocoder.passthrough"),
        NodeSpec("cap", "test.capture"),
    ])
    return spec
}
