import Foundation
import VoxflowGraph
import VoxflowKit
import VoxflowPluginHost

/// The one entry point shared by the CLI, the tests (and later the server and Lua): loads the
/// plugins once and builds graphs from descriptions.
///
/// ```swift
/// let vf = Voxflow()
/// let run = try SayRun(voxflow: vf, options: SayOptions(output: "hello.wav"))
/// run.say("Hello there.")
/// let report = try run.finish()
/// ```
public final class Voxflow: NodeCatalog, @unchecked Sendable {
    public let plugins: PluginRegistry
    /// Node types the host itself provides (the server's `sink.stream`), beside the plugins'.
    private var builtins: [String: NodeFactory] = [:]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        plugins = PluginRegistry.standard(environment: environment)
    }

    public init(plugins: PluginRegistry) { self.plugins = plugins }

    /// Control thread, before any graph is built: adds a node type the host implements.
    public func register(builtin factory: NodeFactory) { builtins[factory.type.name] = factory }

    public func factory(for type: String) -> NodeFactory? { builtins[type] ?? plugins.factory(for: type) }
    public var nodeTypeNames: [String] { (plugins.nodeTypeNames + builtins.keys).sorted() }

    public func build(_ spec: GraphSpec) throws(GraphValidationError) -> Graph {
        try GraphBuilder.build(spec, catalog: self)
    }

    /// Every engine the plugins declare and their voices: the host's choices (the best voice for a language, the dub
    /// pool, aliases) come from here, from what engines declare, never from their names.
    public var voiceDirectory: VoiceDirectory { plugins.voices }

    /// The engine node type that speaks `voice`, or nil when none does.
    public func engine(speaking voice: String) -> String? { voiceDirectory.engine(speaking: voice)?.name }

    /// Every engine's voices, by engine node type, best first (quality tier, then each engine's own preference).
    public func voices() -> [(engine: String, voice: VoiceInfo)] {
        let all = voiceDirectory.all.enumerated()
        return all.sorted { a, b in
            if a.element.voice.quality != b.element.voice.quality { return a.element.voice.quality > b.element.voice.quality }
            return a.offset < b.offset
        }.map { ($0.element.engine.name, $0.element.voice) }
    }
}
