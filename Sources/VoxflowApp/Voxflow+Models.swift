import Foundation
import VoxflowKit

/// Models loaded once per process and shared by every graph (neural voices): listed, unloaded and reloaded without
/// restarting — by the server (`/api/models`), Lua (`vf.models`, `vf.unload_model`, `vf.reload_model`) and tests.
/// Control thread; each call may wait for a phrase being rendered with the model to finish.
extension Voxflow {
    /// The engines that hold models (their factories implement `ModelHolding`).
    private var modelHolders: [(String, ModelHolding)] {
        plugins.allFactories.compactMap { f in (f as? ModelHolding).map { (f.type.name, $0) } }
    }

    /// Every model loaded now, by engine then path.
    public func loadedModels() -> [LoadedModel] {
        modelHolders.flatMap { $0.1.loadedModels() }
    }

    /// Unloads the model at `path` (a model path or a voice name; nil: every model). Graphs using it load it again on
    /// their next phrase. Returns how many were unloaded.
    public func unloadModels(path: String?) -> Int {
        modelHolders.reduce(0) { $0 + $1.1.unloadModels(path: path) }
    }

    /// Loads the model at `path` (a model path or a voice name) again from disk, checked afresh. Throws a `NodeError`
    /// naming the file when it cannot be loaded (the loaded copy, if any, stays in use).
    public func reloadModel(path: String) throws {
        let holders = modelHolders
        guard !holders.isEmpty else { throw NodeError.engine("no loaded engine holds models (voxflow plugins lists the engines)") }
        var lastError: Error?
        for (_, h) in holders {
            do { try h.reloadModel(path: path); return } catch { lastError = error }
        }
        throw lastError!
    }

    /// Speakers of a voice, for engines that list them (multi-speaker neural voices); nil when unknown.
    public func speakers(engine: String, voice: String) -> Int? {
        voiceDirectory.engines.first { $0.name == engine }?.voices.first { $0.name == voice }?.speakers
    }
}
