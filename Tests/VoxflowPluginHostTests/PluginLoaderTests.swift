import Foundation
import Testing
import VoxflowPluginHost

@Suite struct PluginLoaderTests {
    @Test func brokenPluginsAreRefusedWithReasonsAndTheHostGoesOn() throws {
        let dir = try BadPlugins.makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let major = try BadPlugins.compile(BadPlugins.withABI(major: 99, minor: 0), as: "libabi_major.so", in: dir)
        let minor = try BadPlugins.compile(BadPlugins.withABI(major: 2, minor: 99), as: "libabi_minor.so", in: dir)
        let magic = try BadPlugins.compile(BadPlugins.withABI(major: 2, minor: 0, magic: "0x1234"), as: "libmagic.so", in: dir)
        let noEntry = try BadPlugins.compile(BadPlugins.noEntry, as: "libno_entry.so", in: dir)
        let text = dir.appendingPathComponent("libtext.so").path
        try "this is not a library\n".write(toFile: text, atomically: true, encoding: .utf8)

        var env = ProcessInfo.processInfo.environment
        env["VOXFLOW_PLUGIN_PATH"] = dir.path
        let registry = PluginRegistry.standard(environment: env)

        func reason(_ path: String) -> String? { registry.refused.first { $0.path == path }.map { "\($0.reason)" } }
        #expect(reason(major) == "built for plugin ABI 99.0, this host supports 3.0–3.0; rebuild the plugin against this Voxflow's VoxflowKit")
        #expect(reason(minor)?.hasPrefix("built for plugin ABI 2.99") == true)
        #expect(reason(magic)?.contains("magic 0x1234") == true)
        #expect(reason(noEntry)?.hasPrefix("no entry symbol 'voxflow_plugin_entry'") == true)
        #expect(reason(text)?.hasPrefix("not a loadable shared library") == true)
        #expect(reason(text)?.contains("libtext.so") == true, "dlerror names the file")
        // The real plugins from the build folder still load.
        #expect(Set(registry.nodeTypeNames).isSuperset(of: ["text.normalize", "prosody.tag", "acoustic.flite",
                                                            "vocoder.passthrough", "resample.soxr", "sink.file"]))
        #expect(registry.refused.count == 5)
    }

    @Test func aSecondCopyOfAPluginIsSkipped() throws {
        let registry = PluginRegistry.standard()
        let flite = try #require(registry.plugins.first { $0.name == "flite" })
        let dir = try BadPlugins.makeFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("libcopy.so").path
        try FileManager.default.copyItem(atPath: flite.path, toPath: copy)
        let refusal = registry.load(file: copy)
        #expect("\(refusal!)" == "plugin 'flite' is already loaded from \(flite.path); this copy is skipped")
        #expect(registry.factory(for: "acoustic.flite") != nil)
    }

    @Test func searchPathOrder() {
        let path = PluginSearchPath.standard(environment: ["VOXFLOW_PLUGIN_PATH": "/a:/b", "HOME": "/home/u"])
        #expect(path.entries.map(\.path).first == "/a")
        #expect(path.entries.map(\.path)[1] == "/b")
        #expect(path.entries[2].pluginPrefixOnly)
        #expect(path.entries.last?.path == "/home/u/.local/lib/voxflow/plugins")
    }

    @Test func everyPluginDeclaresItsParametersFully() {
        let registry = PluginRegistry.standard()
        #expect(registry.refused.isEmpty, "\(registry.refused)")
        for f in registry.allFactories {
            #expect(!f.type.summary.isEmpty)
            for p in f.type.parameters {
                #expect(!p.summary.isEmpty, "\(f.type.name).\(p.name) has no description")
                if p.type == .choice { #expect(!p.choices.isEmpty) }
                if let d = p.defaultValue { #expect((try? p.check(d).get()) != nil, "\(f.type.name).\(p.name) default is invalid") }
            }
        }
    }
}
