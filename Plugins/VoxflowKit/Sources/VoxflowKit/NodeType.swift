/// A pad as declared on a node type.
public struct PadTemplate: Sendable {
    public var name: String
    public var caps: Caps
    /// A required sink pad must be linked (except the graph's one text input); a required src
    /// pad must be linked unless the node is the end of the graph.
    public var required: Bool
    public var summary: String

    public init(_ name: String, _ caps: Caps, required: Bool = true, _ summary: String = "") {
        self.name = name
        self.caps = caps
        self.required = required
        self.summary = summary
    }
}

/// What a node type can do for the graph beyond its pads.
public struct NodeTraits: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Converts `audio` between rates; takes an int parameter `rate` and a choice `quality`.
    /// The graph inserts one where an audio link joins two rates.
    public static let resampler = NodeTraits(rawValue: 1 << 0)
    /// Renders speech (an acoustic decoder); lists voices.
    public static let engine = NodeTraits(rawValue: 1 << 1)
    /// Puts audio out of the graph.
    public static let sink = NodeTraits(rawValue: 1 << 2)
}

/// Everything the host knows about a node type before creating one: it validates graphs,
/// prints `voxflow plugins` and checks Lua parameter tables from this alone.
public struct NodeTypeDescriptor: Sendable {
    /// `family.name`, e.g. `acoustic.flite`.
    public var name: String
    public var summary: String
    public var sinkPads: [PadTemplate]
    public var srcPads: [PadTemplate]
    public var parameters: [ParameterSpec]
    public var traits: NodeTraits
    /// For sinks: the `quality` a resampler inserted in front of this sink should use
    /// (`"low-latency"` for live sinks, `"high"` for files).
    public var preferredResampleQuality: String?

    public init(name: String, summary: String, sinkPads: [PadTemplate], srcPads: [PadTemplate],
                parameters: [ParameterSpec] = [], traits: NodeTraits = [], preferredResampleQuality: String? = nil) {
        self.name = name
        self.summary = summary
        self.sinkPads = sinkPads
        self.srcPads = srcPads
        self.parameters = parameters
        self.traits = traits
        self.preferredResampleQuality = preferredResampleQuality
    }

    public func parameter(_ name: String) -> ParameterSpec? { parameters.first { $0.name == name } }
    public func sinkPad(_ name: String) -> PadTemplate? { sinkPads.first { $0.name == name } }
    public func srcPad(_ name: String) -> PadTemplate? { srcPads.first { $0.name == name } }
}

/// Creates nodes of one type. Registered by a plugin; called on the control thread.
public protocol NodeFactory: AnyObject {
    var type: NodeTypeDescriptor { get }
    /// `parameters` holds every declared parameter, validated against its spec.
    func makeNode(name: String, parameters: Parameters) throws -> Node
    /// The voices of an engine; empty for other node types.
    func voices() -> [VoiceInfo]
    /// Whether the engine speaks with the voice `name`: one it lists, or a form of one (espeak-ng's
    /// "cmn-latn-pinyin+f3" variants).
    func speaks(voice name: String) -> Bool
}

extension NodeFactory {
    public func voices() -> [VoiceInfo] { [] }
    public func speaks(voice name: String) -> Bool { voices().contains { $0.name == name } }
}
