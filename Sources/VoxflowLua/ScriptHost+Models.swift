import VoxflowApp

/// `voxflow.models()`, `voxflow.unload_model(path?)` and `voxflow.reload_model(path)`: the models engines hold
/// loaded, shared by every graph of the script (see `Voxflow+Models.swift`).
extension ScriptHost {
    func defineModelFunctions(_ l: LuaState) {
        l.setFunction("models") { [unowned self] _, _ in
            [.list(voxflow.loadedModels().map { m in
                .object(["engine": .string(m.engine), "path": .string(m.path), "voice": .string(m.voice),
                         "sample_rate": .integer(m.sampleRate), "speakers": .integer(m.speakers), "users": .integer(m.users),
                         "load_seconds": .number(m.loadSeconds)])
            })]
        }
        l.setFunction("unload_model") { [unowned self] _, args in
            if let a = args[safe: 0], !a.isNil, a.string == nil { throw LuaHostError("unload_model: give a model path or voice name, or nothing for all") }
            return [.integer(voxflow.unloadModels(path: args[safe: 0]?.string))]
        }
        l.setFunction("reload_model") { [unowned self] _, args in
            guard let path = args[safe: 0]?.string else { throw LuaHostError("reload_model: give a model path or voice name") }
            do { try voxflow.reloadModel(path: path) } catch { throw LuaHostError("reload_model: \(error)") }
            return [.bool(true)]
        }
    }
}
