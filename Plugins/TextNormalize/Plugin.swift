import VoxflowKit

final class TextNormalizePlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [TextNormalizeFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "text-normalize", version: "0.1.0") { PluginEntry.retain(TextNormalizePlugin()) }
}
