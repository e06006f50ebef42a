import Foundation

/// A JSON object read field by field, each error naming the field: the server's requests are
/// checked this way rather than by `Codable`, whose errors name coding paths, not what to fix.
struct JSONFields {
    let values: [String: Any]
    /// Known field names; any other is refused (a misspelt "voise" must not pass silently).
    let allowed: Set<String>

    init(data: Data, allowed: Set<String>) throws(APIError) {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            let reason = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error)"
            throw APIError(.badRequest, "the request body is not valid JSON: \(reason)")
        }
        try self.init(object: object, allowed: allowed)
    }

    init(object: Any, allowed: Set<String>) throws(APIError) {
        guard let dict = object as? [String: Any] else { throw APIError(.badRequest, "the request body must be a JSON object") }
        values = dict
        self.allowed = allowed
        if let unknown = dict.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw APIError.badField(unknown, "unknown field; known fields: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil && !(values[key] is NSNull) }

    func string(_ key: String) throws(APIError) -> String? {
        guard has(key) else { return nil }
        guard let s = values[key] as? String else { throw APIError.badField(key, "must be a string") }
        return s
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws(APIError) -> Double? {
        guard has(key) else { return nil }
        guard let n = values[key] as? NSNumber, !Self.isBool(n) else {
            throw APIError.badField(key, "must be a number")
        }
        let d = n.doubleValue
        guard d.isFinite, range.contains(d) else {
            throw APIError.badField(key, "\(d) is out of range \(Self.format(range.lowerBound))–\(Self.format(range.upperBound))")
        }
        return d
    }

    func integer(_ key: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let d = try number(key, in: Double(range.lowerBound)...Double(range.upperBound)) else { return nil }
        guard d == d.rounded() else { throw APIError.badField(key, "must be a whole number") }
        return Int(d)
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        guard has(key) else { return nil }
        guard let n = values[key] as? NSNumber, Self.isBool(n) else {
            throw APIError.badField(key, "must be true or false")
        }
        return n.boolValue
    }

    func choice(_ key: String, _ choices: [String]) throws(APIError) -> String? {
        guard let s = try string(key) else { return nil }
        guard choices.contains(s) else { throw APIError.badField(key, "'\(s)' is not one of \(choices.joined(separator: ", "))") }
        return s
    }

    /// JSON's true/false arrive as NSNumbers of type char; numbers never do.
    private static func isBool(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    private static func format(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}
