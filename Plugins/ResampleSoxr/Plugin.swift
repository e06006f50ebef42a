import VoxflowKit

final class SoxrPlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [SoxrFactory()]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "resample-soxr", version: "0.1.0") { PluginEntry.retain(SoxrPlugin()) }
}
