import Foundation

/// The `voxflow` Lua module (voxflow.lua beside this file, a resource of this module), written in Lua over the host
/// functions. Loaded into every script's state before the script runs; `require("voxflow")` and the global `voxflow`
/// both give it.
enum Prelude {
    static let source: String = {
        guard let url = Bundle.module.url(forResource: "voxflow", withExtension: "lua"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return "error('the voxflow Lua module (voxflow.lua) is missing from this installation; rebuild Voxflow')"
        }
        return text
    }()
}
