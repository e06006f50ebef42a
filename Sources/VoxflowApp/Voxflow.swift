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

    /// Engine node types in the order they are asked whether they speak a voice (flite first:
    /// asking espeak-ng starts it, ~10 ms; then the neural voices of VOXFLOW_VOICES, which only reads their files).
    public static let engineOrder = ["acoustic.flite", "acoustic.espeak", "acoustic.sherpa"]

    /// The engine node type that speaks `voice`, or nil when none does.
    public func engine(speaking voice: String) -> String? {
        Self.engineOrder.first { plugins.factory(for: $0)?.speaks(voice: voice) == true }
    }

    /// Every engine's voices, by engine node type.
    public func voices() -> [(engine: String, voice: VoiceInfo)] {
        plugins.allFactories.filter { $0.type.traits.contains(.engine) }.flatMap { f in f.voices().map { (f.type.name, $0) } }
    }
}
