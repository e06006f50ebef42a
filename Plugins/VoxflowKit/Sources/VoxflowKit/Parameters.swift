/// A node parameter's declared type.
public enum ParameterType: String, Sendable {
    case int, double, bool, string, choice
}

/// A parameter value as it arrives from the CLI, Lua or the server.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    public var description: String {
        switch self {
        case let .int(v): return String(v)
        case let .double(v): return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
        case let .bool(v): return String(v)
        case let .string(v): return "\"\(v)\""
        }
    }

    public var doubleValue: Double? {
        switch self {
        case let .int(v): return Double(v)
        case let .double(v): return v
        default: return nil
        }
    }
}

/// A parameter declared statically on a node type: type, default, range, unit and meaning.
/// The host validates every value against its spec before a node is created, so `makeNode`
/// only ever sees complete, in-range, correctly typed parameters.
public struct ParameterSpec: Sendable {
    public var name: String
    public var type: ParameterType
    /// nil: the parameter is required.
    public var defaultValue: ParameterValue?
    /// For int and double parameters.
    public var range: ClosedRange<Double>?
    /// For choice parameters.
    public var choices: [String]
    public var unit: String?
    public var summary: String
    /// A live parameter may change while audio flows (`Node.setParameter`).
    public var live: Bool

    public init(_ name: String, _ type: ParameterType, default defaultValue: ParameterValue? = nil,
                range: ClosedRange<Double>? = nil, choices: [String] = [], unit: String? = nil,
                live: Bool = false, _ summary: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.range = range
        self.choices = choices
        self.unit = unit
        self.summary = summary
        self.live = live
    }

    public var isRequired: Bool { defaultValue == nil }

    /// The value converted to this parameter's type, or a sentence saying what is wrong with it.
    public func check(_ value: ParameterValue) -> Result<ParameterValue, ParameterProblem> {
        switch (type, value) {
        case (.int, .int), (.bool, .bool), (.string, .string): break
        case let (.int, .double(d)) where d == d.rounded():
            return check(.int(Int(d)))
        case let (.double, .int(i)):
            return check(.double(Double(i)))
        case (.double, .double): break
        case let (.choice, .string(s)):
            guard choices.contains(s) else {
                return .failure(.notAChoice(value: s, choices: choices))
            }
            return .success(value)
        default:
            return .failure(.wrongType(expected: type, got: value))
        }
        if let range, let d = value.doubleValue, !range.contains(d) || d.isNaN {
            return .failure(.outOfRange(value: value, range: range, unit: unit))
        }
        return .success(value)
    }

    /// "0.25…4.0 ×" — the range in words, for help and errors.
    public var rangeDescription: String? {
        guard let range else { return nil }
        let fmt: (Double) -> String = { type == .int ? String(Int($0)) : String($0) }
        return "\(fmt(range.lowerBound))…\(fmt(range.upperBound))" + (unit.map { " \($0)" } ?? "")
    }
}

public enum ParameterProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case wrongType(expected: ParameterType, got: ParameterValue)
    case outOfRange(value: ParameterValue, range: ClosedRange<Double>, unit: String?)
    case notAChoice(value: String, choices: [String])

    public var description: String {
        switch self {
        case let .wrongType(expected, got):
            return "expects a value of type \(expected.rawValue), got \(got)"
        case let .outOfRange(value, range, unit):
            let u = unit.map { " \($0)" } ?? ""
            return "value \(value) is out of range; allowed \(ParameterValue.double(range.lowerBound))…\(ParameterValue.double(range.upperBound))\(u)"
        case let .notAChoice(value, choices):
            return "\"\(value)\" is not one of \(choices.joined(separator: ", "))"
        }
    }
}

/// Validated parameter values handed to `NodeFactory.makeNode`: every declared parameter is
/// present (given or defaulted) and of its declared type.
public struct Parameters: Sendable {
    public private(set) var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue]) { self.values = values }

    public subscript(name: String) -> ParameterValue? { values[name] }

    public func double(_ name: String) -> Double { values[name]?.doubleValue ?? 0 }
    public func int(_ name: String) -> Int {
        if case let .int(v)? = values[name] { return v }
        return Int(values[name]?.doubleValue ?? 0)
    }
    public func bool(_ name: String) -> Bool {
        if case let .bool(v)? = values[name] { return v }
        return false
    }
    public func string(_ name: String) -> String {
        if case let .string(v)? = values[name] { return v }
        return values[name]?.description ?? ""
    }
}
