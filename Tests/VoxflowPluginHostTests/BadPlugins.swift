import Foundation

/// Builds broken plugins with the C compiler, in a fresh folder, for the loader to refuse.
enum BadPlugins {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sdkInclude = repo.appendingPathComponent("Plugins/VoxflowKit/Sources/CVoxflowKit/include").path

    /// Compiles `source` into `dir/name` as a shared library.
    static func compile(_ source: String, as name: String, in dir: URL) throws -> String {
        let c = dir.appendingPathComponent(name + ".c")
        try source.write(to: c, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent(name).path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["cc", "-shared", "-fPIC", "-I", sdkInclude, "-o", out, c.path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return out
    }

    /// A plugin whose descriptor claims the given ABI; its create() kills the process, so a test
    /// that survives proves the loader never called it.
    static func withABI(major: Int, minor: Int, magic: String = "VOXFLOW_PLUGIN_MAGIC") -> String {
        """
        #include <stdlib.h>
        #include "voxflow_plugin.h"
        static void *create(void) { abort(); }
        static const voxflow_plugin_descriptor d = { \(magic), \(major), \(minor), "bad", "9.9", create };
        const voxflow_plugin_descriptor *voxflow_plugin_entry(void) { return &d; }
        """
    }

    static let noEntry = "int something_else(void) { return 42; }\n"

    static func makeFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
