import Foundation
import VoxflowKit

/// One entry of acoustic.fallback's `decoders` list: a node type and its parameters.
///
/// The list arrives as JSON (a Lua table parameter): each entry is a node type (`"acoustic.flite"`, or a short name
/// `"flite"`), or a table with the type first (`{"acoustic.sherpa", voice = "amy"}`, which reaches us as
/// `{"1": "acoustic.sherpa", "voice": "amy"}`) or under `type`.
struct FallbackDecoderSpec {
    var type: String
    var parameters: [String: ParameterValue]

    static func parse(_ json: String) throws -> [FallbackDecoderSpec] {
        guard let data = json.data(using: .utf8), let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw FallbackError.badList("is not a list (got \(json.prefix(60)))")
        }
        let items: [Any]
        if let a = parsed as? [Any] {
            items = a
        } else if let d = parsed as? [String: Any] {
            // A Lua array may arrive as an object with keys "1", "2", …
            items = d.keys.compactMap { Int($0) }.sorted().map { d[String($0)]! }
        } else {
            throw FallbackError.badList("is not a list")
        }
        guard !items.isEmpty else { throw FallbackError.badList("is empty") }
        return try items.enumerated().map { i, item in
            if let s = item as? String { return FallbackDecoderSpec(type: full(s), parameters: [:]) }
            guard let d = item as? [String: Any] else { throw FallbackError.badList("entry \(i + 1) is neither a type nor a table") }
            var params: [String: ParameterValue] = [:]
            var type: String?
            for (k, v) in d {
                if k == "type" || k == "1", let s = v as? String { type = full(s); continue }
                guard let pv = parameterValue(v) else { throw FallbackError.badList("entry \(i + 1): parameter '\(k)' has an unsupported value") }
                params[k] = pv
            }
            guard let type else { throw FallbackError.badList("entry \(i + 1) names no node type") }
            return FallbackDecoderSpec(type: type, parameters: params)
        }
    }

    /// "flite" → "acoustic.flite".
    static func full(_ s: String) -> String { s.contains(".") ? s : "acoustic." + s }

    private static func parameterValue(_ v: Any) -> ParameterValue? {
        switch v {
        case let n as NSNumber:
            switch String(cString: n.objCType) {
            case "c", "B": return .bool(n.boolValue)
            case "d", "f": return .double(n.doubleValue)
            default: return .int(n.intValue)
            }
        case let s as String: return .string(s)
        case let a as [Any]:
            return (try? JSONSerialization.data(withJSONObject: a)).map { .string(String(decoding: $0, as: UTF8.self)) }
        case let d as [String: Any]:
            return (try? JSONSerialization.data(withJSONObject: d)).map { .string(String(decoding: $0, as: UTF8.self)) }
        default: return nil
        }
    }
}
