import VoxflowKit

final class ProsodyTagPlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [ProsodyTagFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "prosody-tag", version: "0.1.0") { PluginEntry.retain(ProsodyTagPlugin()) }
}
