import VoxflowKit

public struct LoadedPlugin: Sendable {
    public let name: String
    public let version: String
    public let path: String
    public let abi: (major: UInt16, minor: UInt16)
    public let nodeTypes: [String]
}

public struct RefusedPlugin: Sendable, CustomStringConvertible {
    public let path: String
    public let reason: PluginRefusal
    public var description: String { "\(path): \(reason)" }
}
