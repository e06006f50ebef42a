import VoxflowKit

final class SinkJackPlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [SinkJackFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "sink-jack", version: "0.1.0") { PluginEntry.retain(SinkJackPlugin()) }
}
