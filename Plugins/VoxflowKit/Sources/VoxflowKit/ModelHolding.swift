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
