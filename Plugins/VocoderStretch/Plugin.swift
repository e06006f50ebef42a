import VoxflowKit

final class StretchPlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [StretchFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "vocoder-stretch", version: "0.1.0") { PluginEntry.retain(StretchPlugin()) }
}
