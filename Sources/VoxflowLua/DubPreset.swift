import VoxflowApp
import VoxflowDub

/// `voxflow dub`: runs `presets/dub.lua` (or a user's copy) with the command's options in
/// `voxflow.options`; the preset builds the graph and calls `voxflow.dub`, and returns its summary.
public enum DubPreset {
    public static func run(voxflow: Voxflow, options: LuaValue, preset: String? = nil) throws -> LuaValue {
        let path = try preset ?? Presets.locate("dub.lua")
        let host = ScriptHost(voxflow: voxflow)
        let outcome = host.run(script: path, moduleOptions: options)
        if let e = outcome.error { throw LuaHostError(e) }
        guard case .table = outcome.returned else {
            throw LuaHostError("\(path) did not return the summary of voxflow.dub; a dub preset ends with `if vf.options then return summary end`")
        }
        return outcome.returned
    }
}
