import VoxflowKit

final class FlitePlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [FliteFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "flite", version: "0.1.0") { PluginEntry.retain(FlitePlugin()) }
}
