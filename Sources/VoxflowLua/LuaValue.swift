/// A Lua value copied out of the Lua state: what host functions receive and return.
public indirect enum LuaValue: Sendable, Equatable, CustomStringConvertible {
    case `nil`
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    /// Array part (1…n, in order) and the other keys.
    case table(array: [LuaValue], fields: [String: LuaValue])
    /// A function or other value the host does not copy.
    case opaque(String)

    public var description: String {
        switch self {
        case .nil: return "nil"
        case let .bool(b): return String(b)
        case let .integer(i): return String(i)
        case let .number(d): return String(d)
        case let .string(s): return s
        case .table: return "table"
        case let .opaque(t): return t
        }
    }

    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .bool: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .table: return "table"
        case let .opaque(t): return t
        }
    }

    public var string: String? { if case let .string(s) = self { return s }; return nil }
    public var double: Double? {
        switch self {
        case let .integer(i): return Double(i)
        case let .number(d): return d
        default: return nil
        }
    }
    public var fields: [String: LuaValue] { if case let .table(_, f) = self { return f }; return [:] }
    public var array: [LuaValue] { if case let .table(a, _) = self { return a }; return [] }
    public var isNil: Bool { self == .nil }

    public static func object(_ fields: [String: LuaValue]) -> LuaValue { .table(array: [], fields: fields) }
    public static func list(_ items: [LuaValue]) -> LuaValue { .table(array: items, fields: [:]) }
}

/// An error a host function raises in Lua: the script sees `file:line: message` and may `pcall` it.
public struct LuaHostError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
