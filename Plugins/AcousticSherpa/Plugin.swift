import VoxflowKit

final class SherpaPlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [SherpaFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "acoustic-sherpa", version: "0.1.0") { PluginEntry.retain(SherpaPlugin()) }
}
