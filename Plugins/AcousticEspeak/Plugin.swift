import VoxflowKit

final class EspeakPlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [EspeakFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "acoustic-espeak", version: "0.1.0") { PluginEntry.retain(EspeakPlugin()) }
}
