import VoxflowKit

final class SinkFilePlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [SinkFileFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "sink-file", version: "0.1.0") { PluginEntry.retain(SinkFilePlugin()) }
}
