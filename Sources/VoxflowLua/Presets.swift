import Foundation

/// Where preset scripts are found: `$VOXFLOW_PRESET_PATH` (colon-separated folders), then a
/// `presets/` folder beside or above the executable (the source tree, for a build), then
/// `~/.local/share/voxflow/presets`.
public enum Presets {
    public static func folders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var out = (environment["VOXFLOW_PRESET_PATH"] ?? "").split(separator: ":").map(String.init)
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<6 {
            out.append(dir.appendingPathComponent("presets").path)
            dir = dir.deletingLastPathComponent()
        }
        out.append((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/voxflow/presets")
        return out
    }

    /// The path of preset `name` (e.g. "say.lua"), or an error listing where it was looked for.
    public static func locate(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let dirs = folders(environment: environment)
        for d in dirs where FileManager.default.fileExists(atPath: d + "/" + name) { return d + "/" + name }
        throw LuaHostError("cannot find preset \(name); looked in: \(dirs.joined(separator: ", ")). Set VOXFLOW_PRESET_PATH to the folder that holds it.")
    }
}
