import VoxflowKit

final class FallbackPlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [FallbackFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "acoustic-fallback", version: "0.1.0") { PluginEntry.retain(FallbackPlugin()) }
}
