import VoxflowApp
import VoxflowGraph

/// The graph of `voxflow say`, built by running `presets/say.lua` (or a user's copy) with the
/// command's options in `voxflow.options`: one definition of the default graph, in Lua.
public enum SayPreset {
    public static func graph(voxflow: Voxflow, options: SayOptions, preset: String? = nil) throws -> GraphSpec {
        let path = try preset ?? Presets.locate("say.lua")
        var o = ScriptHost.Options()
        o.checking = true
        let host = ScriptHost(voxflow: voxflow, options: o)
        var fields: [String: LuaValue] = [
            "output": .string(options.output), "rate": .number(options.rate), "language": .string(options.language),
            "markup": .bool(options.markup),
            "pitch": .number(options.pitch), "sample_rate": .integer(options.sampleRate), "channels": .integer(options.channels),
            "encoding": .string(options.encoding), "auto_resample": .bool(options.autoResample), "jack": .bool(options.jack),
            "stream": .bool(options.stream),
        ]
        if let c = options.connect { fields["connect"] = .string(c) }
        if let v = options.voice { fields["voice"] = .string(v) }
        let table: LuaValue = .object(fields)
        let outcome = host.run(script: path, moduleOptions: table)
        if let e = outcome.error { throw LuaHostError(e) }
        guard let spec = host.graphSpec(of: outcome.returned) else {
            throw LuaHostError("\(path) did not return a graph; a say preset ends with `if vf.options then return g end`")
        }
        return spec
    }
}
