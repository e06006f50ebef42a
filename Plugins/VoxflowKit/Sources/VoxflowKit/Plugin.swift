import CVoxflowKit
@_exported import struct CVoxflowKit.voxflow_plugin_descriptor

/// What a plugin's `create` function returns: the node factories it registers.
public protocol VoxflowPlugin: AnyObject {
    var factories: [NodeFactory] { get }
}

/// Helpers a plugin uses in its one entry symbol:
///
/// ```swift
/// @_cdecl("voxflow_plugin_entry")
/// public func voxflowPluginEntry() -> UnsafeRawPointer {
///     PluginEntry.descriptor(name: "flite", version: "0.1.0") {
///         PluginEntry.retain(FlitePlugin())
///     }
/// }
/// ```
///
/// Everything here is emitted into the plugin, so the ABI numbers in the descriptor are the
/// ones the plugin was compiled with, not the ones of whatever SDK library it meets at run time.
public enum PluginEntry {
    @inlinable @_alwaysEmitIntoClient
    public static var abiMajor: UInt16 { UInt16(VOXFLOW_ABI_MAJOR) }

    @inlinable @_alwaysEmitIntoClient
    public static var abiMinor: UInt16 { UInt16(VOXFLOW_ABI_MINOR) }

    /// Builds the descriptor once per call; the host calls the entry symbol once per process.
    @inlinable @_alwaysEmitIntoClient
    public static func descriptor(name: String, version: String,
                                  create: @escaping @convention(c) () -> UnsafeMutableRawPointer?) -> UnsafeRawPointer {
        let d = UnsafeMutablePointer<voxflow_plugin_descriptor>.allocate(capacity: 1)
        d.initialize(to: voxflow_plugin_descriptor(
            magic: VOXFLOW_PLUGIN_MAGIC, abi_major: abiMajor, abi_minor: abiMinor,
            name: strdupStatic(name), version: strdupStatic(version), create: create))
        return UnsafeRawPointer(d)
    }

    @inlinable @_alwaysEmitIntoClient
    public static func retain(_ plugin: VoxflowPlugin) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(plugin as AnyObject).toOpaque()
    }

    /// A NUL-terminated copy that lives as long as the process (plugins are never unloaded).
    @inlinable @_alwaysEmitIntoClient
    static func strdupStatic(_ s: String) -> UnsafePointer<CChar> {
        let utf8 = Array(s.utf8CString)
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
        p.initialize(from: utf8, count: utf8.count)
        return UnsafePointer(p)
    }
}

/// The ABI of the SDK library the host runs with (not inlined: read from the loaded library).
public enum SDK {
    public static var abiMajor: UInt16 { UInt16(VOXFLOW_ABI_MAJOR) }
    public static var abiMinor: UInt16 { UInt16(VOXFLOW_ABI_MINOR) }
    public static let entrySymbol = VOXFLOW_PLUGIN_ENTRY_SYMBOL
    public static let magic = VOXFLOW_PLUGIN_MAGIC
}
