import Foundation
import VoxflowGraph
import VoxflowKit
import VoxflowPluginHost

/// The real plugins (loaded once per test process) plus a `test.capture` sink that records every
/// packet it receives, so tests can look at what a real graph produced.
public final class TestCatalog: NodeCatalog, @unchecked Sendable {
    public static let plugins: PluginRegistry = {
        VoxflowProcess.isolateInProcess()
        return PluginRegistry.standard()
    }()
    public let capture = CaptureFactory()
    public init() {}
    public func factory(for type: String) -> NodeFactory? {
        type == capture.type.name ? capture : Self.plugins.factory(for: type)
    }
    public var nodeTypeNames: [String] { Self.plugins.nodeTypeNames + [capture.type.name] }
}

public final class CaptureFactory: NodeFactory {
    public let type = NodeTypeDescriptor(
        name: "test.capture", summary: "records packets",
        sinkPads: [PadTemplate("in", .audio())], srcPads: [],
        parameters: [
            ParameterSpec("kind", .choice, default: .string("audio"), choices: MediaKind.allCases.map(\.rawValue), "what it accepts"),
            ParameterSpec("rate", .int, default: .int(0), "fixed rate, 0 for any"),
        ], traits: [.sink], preferredResampleQuality: "high")
    public private(set) var nodes: [String: CaptureNode] = [:]
    public func makeNode(name: String, parameters: Parameters) throws -> Node {
        let n = CaptureNode(kind: MediaKind(rawValue: parameters.string("kind"))!, rate: parameters.int("rate"))
        nodes[name] = n
        return n
    }
}

public final class CaptureNode: Node, @unchecked Sendable {
    public let kind: MediaKind
    public let rate: Int
    private let lock = NSLock()
    private var _packets: [Packet] = []
    /// Called after each packet is recorded (on the streaming thread).
    public var onPacket: ((Packet) -> Void)?
    public var delayPerChunk: useconds_t = 0

    init(kind: MediaKind, rate: Int) {
        self.kind = kind
        self.rate = rate
    }

    public var packets: [Packet] { lock.lock(); defer { lock.unlock() }; return _packets }

    public func acceptedCaps(onSinkPad pad: String, template: Caps) -> Caps {
        switch kind {
        case .audio: return .audio(rate: rate > 0 ? .exactly(rate) : .any)
        case .acoustic: return .acoustic()
        case .text: return .text
        case .prosody: return .prosody
        }
    }

    public func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { [:] }

    public func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        lock.lock()
        _packets.append(packet)
        lock.unlock()
        onPacket?(packet)
        if case .chunk = packet.body, delayPerChunk > 0 { usleep(delayPerChunk) }
    }

    public func chunks(of id: UtteranceID) -> [Chunk] {
        packets.compactMap { if $0.utterance == id, case let .chunk(c) = $0.body { return c } else { return nil } }
    }

    public func audio(of id: UtteranceID) -> [Float] {
        chunks(of: id).flatMap { if case let .audio(a) = $0 { return a.samples } else { return [Float]() } }
    }

    public func marks(of id: UtteranceID) -> [Mark] {
        chunks(of: id).flatMap { if case let .audio(a) = $0 { return a.marks } else { return [Mark]() } }
    }

    public func endReason(of id: UtteranceID) -> EndReason? {
        packets.lazy.compactMap { if $0.utterance == id, case let .end(r) = $0.body { return r } else { return nil } }.first
    }
}

/// The default speaking chain ending in a capture sink.
public func speechChain(rate: Int = 48_000, voice: String = "rms", extra: [String: ParameterValue] = [:]) -> GraphSpec {
    var spec = GraphSpec()
    spec.chain([
        NodeSpec("norm", "text.normalize"),
        NodeSpec("prosody", "prosody.tag"),
        NodeSpec("tts", "acoustic.flite", ["voice": .string(voice)].merging(extra) { $1 }),
        NodeSpec("voc", "vocoder.passthrough"),
        NodeSpec("cap", "test.capture", ["rate": .int(rate)]),
    ])
    return spec
}

public final class EventLog: @unchecked Sendable {
    public init() {}
    private let lock = NSLock()
    private var _events: [GraphEvent] = []
    public var events: [GraphEvent] { lock.lock(); defer { lock.unlock() }; return _events }
    public func record(_ e: GraphEvent) { lock.lock(); _events.append(e); lock.unlock() }
}

public let paragraph = "The first sentence is here, with a pause in it. The second sentence follows; it has two parts. And the third one ends the paragraph."
