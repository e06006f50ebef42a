import Foundation

/// JSON ↔ Lua values, through Codable. A table with only an array part is a JSON array; any other
/// table an object. Integers stay integers.
enum JSONBridge {
    static func decode(_ text: String) throws -> LuaValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)).lua
        } catch let DecodingError.dataCorrupted(ctx) {
            let detail = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? ctx.debugDescription
            throw LuaHostError("json.decode: invalid JSON: \(detail)")
        } catch {
            throw LuaHostError("json.decode: invalid JSON: \(error)")
        }
    }

    static func encode(_ v: LuaValue, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(try JSONValue(v, path: "value")), as: UTF8.self)
    }
}

private enum JSONValue: Codable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case let .bool(b): try c.encode(b)
        case let .int(i): try c.encode(i)
        case let .double(d): try c.encode(d)
        case let .string(s): try c.encode(s)
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        }
    }

    var lua: LuaValue {
        switch self {
        case .null: return .nil
        case let .bool(b): return .bool(b)
        case let .int(i): return .integer(i)
        case let .double(d): return .number(d)
        case let .string(s): return .string(s)
        case let .array(a): return .list(a.map(\.lua))
        case let .object(o): return .object(o.mapValues(\.lua))
        }
    }

    init(_ v: LuaValue, path: String) throws {
        switch v {
        case .nil: self = .null
        case let .bool(b): self = .bool(b)
        case let .integer(i): self = .int(i)
        case let .number(d):
            guard d.isFinite else { throw LuaHostError("json.encode: \(path) is \(d), which JSON cannot hold") }
            self = .double(d)
        case let .string(s): self = .string(s)
        case let .table(array, fields):
            if fields.isEmpty && !array.isEmpty {
                self = .array(try array.enumerated().map { try JSONValue($1, path: "\(path)[\($0 + 1)]") })
            } else {
                var o: [String: JSONValue] = [:]
                for (i, item) in array.enumerated() { o[String(i + 1)] = try JSONValue(item, path: "\(path)[\(i + 1)]") }
                for (k, item) in fields { o[k] = try JSONValue(item, path: "\(path).\(k)") }
                self = .object(o)
            }
        case let .opaque(t): throw LuaHostError("json.encode: \(path) is a \(t), which JSON cannot hold")
        }
    }
}
