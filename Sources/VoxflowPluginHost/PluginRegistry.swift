import Foundation
import VoxflowGraph
import VoxflowKit

/// The plugins this process loaded and the node types they provide.
///
/// Loading a file: `dlopen` (RTLD_NOW | RTLD_LOCAL) → `dlsym` of the one entry symbol → call it
/// → check the descriptor's magic and ABI → only then call its `create` → check the object is a
/// `VoxflowPlugin` and its node types are new. A file refused at any step is recorded with the
/// reason, and loading goes on with the next. Plugins are never unloaded.
public final class PluginRegistry: NodeCatalog, @unchecked Sendable {
    public private(set) var plugins: [LoadedPlugin] = []
    public private(set) var refused: [RefusedPlugin] = []
    private var factories: [String: NodeFactory] = [:]
    private var typeOrigin: [String: String] = [:]
    private var loadedPaths = Set<String>()

    /// Plugin names in load order (engines are ranked in it when all else is equal).
    private var order: [String] = []

    /// Adds the host's own engine node types, `acoustic.auto` and `acoustic.fallback`, which drive the engines the
    /// plugins declare (`voices`).
    public init() {
        for f: NodeFactory in [AutoVoiceFactory(directory: { [unowned self] in voices }),
                               FallbackVoiceFactory(directory: { [unowned self] in voices })] {
            factories[f.type.name] = f
            typeOrigin[f.type.name] = "(host)"
        }
    }

    /// Node types the host itself provides (acoustic.auto, acoustic.fallback).
    public var hostNodeTypes: [String] { typeOrigin.filter { $0.value == "(host)" }.keys.sorted() }

    /// Every engine the loaded plugins declare (`EngineNodeFactory`), in load order, and their voices.
    public var voices: VoiceDirectory {
        VoiceDirectory(engines: order.compactMap { (factories[$0] as? EngineNodeFactory)?.engine })
    }

    /// A registry with every plugin on the standard search path.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> PluginRegistry {
        let r = PluginRegistry()
        r.load(PluginSearchPath.standard(environment: environment))
        return r
    }

    public func load(_ searchPath: PluginSearchPath) {
        for file in searchPath.candidates() { load(file: file) }
    }

    /// Loads one file; returns the refusal, if any (also recorded in `refused`).
    @discardableResult
    public func load(file path: String) -> PluginRefusal? {
        let real = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map {
            $0.hasPrefix("/") ? $0 : (path as NSString).deletingLastPathComponent + "/" + $0
        } ?? path
        guard loadedPaths.insert(real).inserted else { return nil }
        do {
            let plugin = try open(path)
            plugins.append(plugin)
            return nil
        } catch {
            refused.append(RefusedPlugin(path: path, reason: error))
            return error
        }
    }

    private func open(_ path: String) throws(PluginRefusal) -> LoadedPlugin {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw .notALibrary(String(cString: dlerror()))
        }
        guard let sym = dlsym(handle, SDK.entrySymbol) else { throw .noEntrySymbol(SDK.entrySymbol) }
        let entry = unsafeBitCast(sym, to: (@convention(c) () -> UnsafeRawPointer?).self)
        guard let raw = entry() else { throw .invalidDescriptor("the entry symbol returned NULL") }
        let d = raw.assumingMemoryBound(to: voxflow_plugin_descriptor.self).pointee
        guard d.magic == SDK.magic else { throw .badMagic(d.magic) }
        guard d.abi_major == SDK.abiMajor, d.abi_minor <= SDK.abiMinor else {
            throw .abiMismatch(plugin: (d.abi_major, d.abi_minor), host: (SDK.abiMajor, SDK.abiMinor))
        }
        guard let cname = d.name, let cversion = d.version, let create = d.create else {
            throw .invalidDescriptor("name, version and create are required")
        }
        let name = String(cString: cname), version = String(cString: cversion)
        guard !name.isEmpty else { throw .invalidDescriptor("empty plugin name") }
        if let other = plugins.first(where: { $0.name == name }) { throw .duplicatePlugin(name, loadedFrom: other.path) }
        guard let object = create() else { throw .invalidDescriptor("create() returned NULL") }
        guard let plugin = Unmanaged<AnyObject>.fromOpaque(object).takeRetainedValue() as? VoxflowPlugin else {
            throw .notAVoxflowPlugin
        }
        let types = plugin.factories.map(\.type.name)
        for t in types {
            if let origin = typeOrigin[t] { throw .duplicateNodeType(t, loadedFrom: origin) }
            guard t.contains("."), !t.hasPrefix("."), !t.hasSuffix(".") else {
                throw .invalidDescriptor("node type name '\(t)' is not of the form family.name")
            }
        }
        for f in plugin.factories {
            factories[f.type.name] = f
            typeOrigin[f.type.name] = path
            order.append(f.type.name)
        }
        return LoadedPlugin(name: name, version: version, path: path, abi: (d.abi_major, d.abi_minor), nodeTypes: types)
    }

    // MARK: NodeCatalog

    public func factory(for type: String) -> NodeFactory? { factories[type] }
    public var nodeTypeNames: [String] { factories.keys.sorted() }
    public var allFactories: [NodeFactory] { nodeTypeNames.compactMap { factories[$0] } }
}
