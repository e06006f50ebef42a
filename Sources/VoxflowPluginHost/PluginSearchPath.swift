import Foundation

/// Where plugins are looked for, in order: `VOXFLOW_PLUGIN_PATH` (colon-separated folders or
/// files), the folder of the running executable (the build's own plugins), then
/// `~/.local/lib/voxflow/plugins`.
public struct PluginSearchPath: Sendable {
    public struct Entry: Sendable, Hashable {
        public let path: String
        /// In the build folder only files named `libVoxflowPlugin*.so` are plugins (it holds other
        /// libraries too); elsewhere every `*.so` is taken for one.
        public let pluginPrefixOnly: Bool
    }
    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> PluginSearchPath {
        var entries: [Entry] = []
        for p in (environment["VOXFLOW_PLUGIN_PATH"] ?? "").split(separator: ":") where !p.isEmpty {
            entries.append(Entry(path: String(p), pluginPrefixOnly: false))
        }
        entries.append(Entry(path: executableDirectory(), pluginPrefixOnly: true))
        let home = environment["HOME"] ?? NSHomeDirectory()
        entries.append(Entry(path: home + "/.local/lib/voxflow/plugins", pluginPrefixOnly: false))
        return PluginSearchPath(entries: entries)
    }

    /// The files to try, in search order. Missing folders are skipped.
    public func candidates() -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for e in entries {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: e.path, isDirectory: &isDir) else { continue }
            if !isDir.boolValue { out.append(e.path); continue }
            let names = ((try? fm.contentsOfDirectory(atPath: e.path)) ?? []).sorted()
            for n in names where n.hasSuffix(".so") && (!e.pluginPrefixOnly || n.hasPrefix("libVoxflowPlugin")) {
                out.append(e.path + "/" + n)
            }
        }
        return out
    }

    static func executableDirectory() -> String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (exe as NSString).deletingLastPathComponent
    }
}
