/// What a pad carries. Caps are checked when a graph is built, never while audio flows:
/// a link whose caps do not intersect is refused with "no common format".
///
/// ```
/// text ──▶ prosody ──▶ acoustic(pcm|mel, rate) ──▶ audio(rate, channels)
/// ```
///
/// Invariants: `rate` and `channels` only constrain `acoustic` and `audio` caps; a caps value
/// is *fixed* when every constraint names exactly one value (what a src pad produces).
public struct Caps: Sendable, Hashable, CustomStringConvertible {
    public var kind: MediaKind
    public var forms: Set<AcousticForm>
    public var rate: IntConstraint
    public var channels: IntConstraint

    public init(kind: MediaKind, forms: Set<AcousticForm> = [], rate: IntConstraint = .any, channels: IntConstraint = .any) {
        self.kind = kind
        self.forms = kind == .acoustic ? (forms.isEmpty ? Set(AcousticForm.allCases) : forms) : []
        self.rate = kind.hasRate ? rate : .any
        self.channels = kind == .audio ? channels : .any
    }

    public static let text = Caps(kind: .text)
    public static let prosody = Caps(kind: .prosody)
    public static func acoustic(_ forms: Set<AcousticForm> = [], rate: IntConstraint = .any) -> Caps {
        Caps(kind: .acoustic, forms: forms, rate: rate)
    }
    public static func audio(rate: IntConstraint = .any, channels: IntConstraint = .any) -> Caps {
        Caps(kind: .audio, rate: rate, channels: channels)
    }

    /// The caps both sides accept, or nil when there is no common format.
    public func intersection(_ other: Caps) -> Caps? {
        guard kind == other.kind else { return nil }
        var result = self
        if kind == .acoustic {
            result.forms = forms.intersection(other.forms)
            if result.forms.isEmpty { return nil }
        }
        guard let r = rate.intersection(other.rate), let c = channels.intersection(other.channels) else { return nil }
        result.rate = r
        result.channels = c
        return result
    }

    /// True when every constraint names one value.
    public var isFixed: Bool {
        switch kind {
        case .text, .prosody: return true
        case .acoustic: return forms.count == 1 && rate.fixedValue != nil
        case .audio: return rate.fixedValue != nil && channels.fixedValue != nil
        }
    }

    public var description: String {
        switch kind {
        case .text, .prosody: return kind.rawValue
        case .acoustic:
            let f = forms.map(\.rawValue).sorted().joined(separator: "|")
            return "acoustic(\(f), \(rate.describe(unit: "Hz")))"
        case .audio:
            return "audio(\(rate.describe(unit: "Hz")), \(channels.describe(unit: "ch")))"
        }
    }
}

public enum MediaKind: String, Sendable, Hashable, CaseIterable {
    case text, prosody, acoustic, audio
    var hasRate: Bool { self == .acoustic || self == .audio }
}

/// How an acoustic decoder hands its output to a vocoder.
public enum AcousticForm: String, Sendable, Hashable, CaseIterable {
    /// Rendered PCM (the engine has its own waveform generator), with alignment marks.
    case pcm
    /// Mel-spectrogram frames for a neural vocoder.
    case mel
}

/// A constraint on an integer property of caps (sample rate, channel count).
public enum IntConstraint: Sendable, Hashable {
    case any
    case exactly(Int)
    case range(ClosedRange<Int>)

    public func intersection(_ other: IntConstraint) -> IntConstraint? {
        switch (self, other) {
        case (.any, let x), (let x, .any): return x
        case let (.exactly(a), .exactly(b)): return a == b ? .exactly(a) : nil
        case let (.exactly(a), .range(r)), let (.range(r), .exactly(a)): return r.contains(a) ? .exactly(a) : nil
        case let (.range(a), .range(b)):
            let lo = max(a.lowerBound, b.lowerBound), hi = min(a.upperBound, b.upperBound)
            guard lo <= hi else { return nil }
            return lo == hi ? .exactly(lo) : .range(lo...hi)
        }
    }

    public var fixedValue: Int? {
        if case let .exactly(v) = self { return v }
        return nil
    }

    public func contains(_ value: Int) -> Bool { intersection(.exactly(value)) != nil }

    func describe(unit: String) -> String {
        switch self {
        case .any: return "any \(unit == "Hz" ? "rate" : "channels")"
        case let .exactly(v): return "\(v) \(unit)"
        case let .range(r): return "\(r.lowerBound)–\(r.upperBound) \(unit)"
        }
    }
}
