import Foundation

/// A model an engine holds in memory, shared by every graph of the process.
public struct LoadedModel: Sendable, Hashable {
    /// The node type that holds it ("acoustic.sherpa").
    public var engine: String
    /// The model's path as the user gave it (a file or a model folder).
    public var path: String
    /// The voice name the model speaks as (`voxflow voices`).
    public var voice: String
    public var sampleRate: Int
    public var speakers: Int
    /// Nodes currently using it.
    public var users: Int
    /// Seconds since the process started when it was loaded.
    public var loadedAt: Double
    /// Seconds it took to load.
    public var loadSeconds: Double

    public init(engine: String, path: String, voice: String, sampleRate: Int, speakers: Int, users: Int,
                loadedAt: Double, loadSeconds: Double) {
        self.engine = engine
        self.path = path
        self.voice = voice
        self.sampleRate = sampleRate
        self.speakers = speakers
        self.users = users
        self.loadedAt = loadedAt
        self.loadSeconds = loadSeconds
    }
}

/// Implemented by a `NodeFactory` whose nodes load models once per process and share them (acoustic.sherpa): a
/// long-running host (the server, a Lua script) lists, unloads and reloads them without restarting.
///
/// All three run on the control thread; they may block while a node is rendering with the model (the model is
/// replaced between phrases, never under one).
public protocol ModelHolding: AnyObject {
    /// The models loaded now.
    func loadedModels() -> [LoadedModel]
    /// Drops the model loaded from `path` (nil: every model); nodes using it load it again on their next phrase.
    /// Returns how many models were dropped.
    func unloadModels(path: String?) -> Int
    /// Loads the model at `path` again from disk (validated first), replacing the loaded copy if any. Throws a
    /// `NodeError` naming the file when it cannot be loaded; the previous copy is then kept.
    func reloadModel(path: String) throws
}

/// Implemented by an engine's factory whose voices have several speakers (multi-speaker neural models).
public protocol SpeakerListing: AnyObject {
    /// The number of speakers of voice `name`, nil when unknown.
    func speakerCount(voice name: String) -> Int?
}

/// The host's node factories, for plugins whose nodes create other nodes (acoustic.fallback wraps decoders).
///
/// The host registers a lookup for each plugin registry it creates (`PluginRegistry.standard` does); a plugin calls
/// `factory(for:)` on the control thread, while building a node. The most recent lookup that knows the type answers
/// (a registry that is gone answers nil, so an older one is asked).
public enum NodeFactoryDirectory {
    nonisolated(unsafe) private static var lookups: [(String) -> NodeFactory?] = []
    private static let lock = NSLock()

    public static func register(_ lookup: @escaping (String) -> NodeFactory?) {
        lock.lock(); defer { lock.unlock() }
        lookups.append(lookup)
    }

    public static func factory(for type: String) -> NodeFactory? {
        lock.lock()
        let all = lookups
        lock.unlock()
        for l in all.reversed() { if let f = l(type) { return f } }
        return nil
    }

    /// Complete, validated parameters for a node of `type`: `given` checked against the declared specs, defaults for
    /// the rest. Throws `NodeError.parameter` naming what is unknown, missing or out of range.
    public static func parameters(for type: NodeTypeDescriptor, _ given: [String: ParameterValue]) throws -> Parameters {
        var values: [String: ParameterValue] = [:]
        for name in given.keys where type.parameter(name) == nil {
            throw NodeError.parameter(name: name, message: "is not a parameter of \(type.name) (it has \(type.parameters.map(\.name).joined(separator: ", ")))")
        }
        for spec in type.parameters {
            if let v = given[spec.name] {
                switch spec.check(v) {
                case let .success(ok): values[spec.name] = ok
                case let .failure(problem): throw NodeError.parameter(name: spec.name, message: "of \(type.name): \(problem)")
                }
            } else if let d = spec.defaultValue {
                values[spec.name] = d
            } else {
                throw NodeError.parameter(name: spec.name, message: "of \(type.name) is required")
            }
        }
        return Parameters(values)
    }
}
