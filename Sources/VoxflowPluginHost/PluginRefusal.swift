/// Why a plugin file was not loaded. The host reports it with the file's path and goes on.
public enum PluginRefusal: Error, Sendable, CustomStringConvertible {
    case notALibrary(String)
    case noEntrySymbol(String)
    case badMagic(UInt32)
    case abiMismatch(plugin: (UInt16, UInt16), host: (UInt16, UInt16))
    case invalidDescriptor(String)
    case notAVoxflowPlugin
    case duplicatePlugin(String, loadedFrom: String)
    case duplicateNodeType(String, loadedFrom: String)

    public var description: String {
        switch self {
        case let .notALibrary(err):
            return "not a loadable shared library (\(err))"
        case let .noEntrySymbol(sym):
            return "no entry symbol '\(sym)': not a Voxflow plugin (a plugin exports it with @_cdecl, see docs/plugins.md)"
        case let .badMagic(m):
            return "entry symbol returned a descriptor with magic 0x\(String(m, radix: 16)), not a Voxflow descriptor"
        case let .abiMismatch(p, h):
            return "built for plugin ABI \(p.0).\(p.1), this host supports \(h.0).0–\(h.0).\(h.1); rebuild the plugin against this Voxflow's VoxflowKit"
        case let .invalidDescriptor(why):
            return "invalid descriptor: \(why)"
        case .notAVoxflowPlugin:
            return "create() returned an object that is not a VoxflowKit.VoxflowPlugin (was it linked against another copy of VoxflowKit?)"
        case let .duplicatePlugin(name, path):
            return "plugin '\(name)' is already loaded from \(path); this copy is skipped"
        case let .duplicateNodeType(type, path):
            return "node type '\(type)' is already provided by \(path); this plugin is skipped"
        }
    }
}
