import VoxflowKit

/// A graph as described by the CLI, a Lua script or the server, before validation.
///
/// ```swift
/// var spec = GraphSpec()
/// spec.chain([NodeSpec("norm", "text.normalize"), NodeSpec("tts", "acoustic.auto", ["voice": .string("VOICE")]),
///             NodeSpec("out", "sink.file", ["path": .string("out.wav")])])
/// ```
/// Nothing is checked here; `GraphBuilder.build` checks everything at once.
public struct GraphSpec: Sendable {
    public var nodes: [NodeSpec]
    public var links: [LinkSpec]
    /// Insert a resampler where an audio link joins two sample rates; otherwise such a link is refused.
    public var autoResample: Bool

    public init(nodes: [NodeSpec] = [], links: [LinkSpec] = [], autoResample: Bool = true) {
        self.nodes = nodes
        self.links = links
        self.autoResample = autoResample
    }

    /// Appends `nodes` and links each one's default src pad to the next one's default sink pad.
    public mutating func chain(_ nodes: [NodeSpec]) {
        for (a, b) in zip(nodes, nodes.dropFirst()) {
            links.append(LinkSpec(from: PadRef(a.name), to: PadRef(b.name)))
        }
        self.nodes += nodes
    }
}

public struct NodeSpec: Sendable {
    public var name: String
    public var type: String
    public var parameters: [String: ParameterValue]

    public init(_ name: String, _ type: String, _ parameters: [String: ParameterValue] = [:]) {
        self.name = name
        self.type = type
        self.parameters = parameters
    }
}

/// `node` or `node.pad`; without a pad, the node's first pad of the needed direction.
public struct PadRef: Sendable, Hashable, CustomStringConvertible {
    public var node: String
    public var pad: String?

    public init(_ node: String, _ pad: String? = nil) {
        self.node = node
        self.pad = pad
    }

    /// Parses "node" or "node.pad" (a node name itself never contains a dot).
    public init(parsing s: String) {
        if let dot = s.firstIndex(of: ".") {
            self.init(String(s[..<dot]), String(s[s.index(after: dot)...]))
        } else {
            self.init(s)
        }
    }

    public var description: String { pad.map { "\(node).\($0)" } ?? node }
}

public struct LinkSpec: Sendable {
    public var from: PadRef
    public var to: PadRef
    public init(from: PadRef, to: PadRef) {
        self.from = from
        self.to = to
    }
}

/// Where the graph's node types come from (the plugin registry, in practice).
public protocol NodeCatalog: AnyObject {
    func factory(for type: String) -> NodeFactory?
    var nodeTypeNames: [String] { get }
}
