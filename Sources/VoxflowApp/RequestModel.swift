import VoxflowKit
import VoxflowText

/// What one utterance may ask for, with one range and one default per field: the CLI (`voxflow say`, `tag`), Lua
/// (`g:say(text, {…})`) and the server (`/api/tts/synthesize`, `/ws/tts`, `/v1/audio/speech`) all check their fields here,
/// so every front door accepts the same things and means the same by a missing one.
public enum RequestModel {
    /// A number a request may carry.
    public struct Number: Sendable {
        public let name: String
        public let range: ClosedRange<Double>
        public let defaultValue: Double?
        public let unit: String

        public init(name: String, range: ClosedRange<Double>, defaultValue: Double?, unit: String) {
            self.name = name
            self.range = range
            self.defaultValue = defaultValue
            self.unit = unit
        }

        /// Nil when `value` is allowed; else what is wrong, with the allowed range.
        public func problem(_ value: Double) -> String? {
            guard !range.contains(value) || !value.isFinite else { return nil }
            return "\(name) \(format(value)) is out of range; allowed \(format(range.lowerBound))…\(format(range.upperBound))\(unit.isEmpty ? "" : " " + unit)"
        }

        private func format(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e9 ? String(Int(d)) : String(d) }
    }

    public static let rate = Number(name: "rate", range: 0.25...4, defaultValue: 1, unit: "×")
    public static let pitch = Number(name: "pitch", range: -12...12, defaultValue: 0, unit: "semitones")
    public static let volume = Number(name: "volume", range: 0...8, defaultValue: 1, unit: "×")
    /// Intensity of a requested emotion.
    public static let intensity = Number(name: "intensity", range: 0...1, defaultValue: 0.6, unit: "")
    /// An exact length target.
    public static let duration = Number(name: "duration", range: 0.05...3600, defaultValue: nil, unit: "s")
    /// A length relative to the natural one.
    public static let ratio = Number(name: "ratio", range: 0.1...10, defaultValue: nil, unit: "×")
    public static let maxDuration = Number(name: "max_duration", range: 0.05...3600, defaultValue: nil, unit: "s")

    /// The emotions a request may name; "neutral" asks for none.
    public static let emotions = Emotion.allCases.map(\.rawValue) + ["neutral"]

    /// The emotion to put in `Controls`: nil for none or "neutral"; throws the message for an unknown one.
    public static func emotion(_ name: String?) throws(RequestProblem) -> String? {
        guard let name else { return nil }
        guard emotions.contains(name) else { throw RequestProblem(field: "emotion", message: "emotion \"\(name)\" is not one of \(emotions.joined(separator: ", "))") }
        return name == "neutral" ? nil : name
    }

    /// Checks `value` for `field`; throws the message naming the allowed range.
    public static func check(_ field: Number, _ value: Double?) throws(RequestProblem) -> Double? {
        guard let value else { return field.defaultValue }
        if let p = field.problem(value) { throw RequestProblem(field: field.name, message: p) }
        return value
    }

    /// At most one of duration, ratio and max_duration.
    public static func checkTargets(duration: Double?, ratio: Double?, maxDuration: Double?) throws(RequestProblem) {
        if [duration, ratio, maxDuration].compactMap({ $0 }).count > 1 {
            throw RequestProblem(field: "duration", message: "give one of duration, ratio and max_duration")
        }
    }
}

/// A request field that is not allowed, and why.
public struct RequestProblem: Error, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String
    public var description: String { message }
}
