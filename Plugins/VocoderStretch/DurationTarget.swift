import Foundation
import VoxflowKit

/// What an utterance asks of its length (`Controls.duration`, `.ratio`, `.maxDuration`).
enum DurationTarget: Equatable, CustomStringConvertible {
    /// Exactly this many seconds of speech.
    case seconds(Double)
    /// This multiple of the natural length.
    case ratio(Double)
    /// The natural length, shortened to this many seconds when it is longer.
    case atMost(Double)

    /// The utterance's target, nil when it has none. The front ends allow one of the three; if
    /// several are set anyway, duration wins over ratio, ratio over max_duration.
    init?(_ c: Controls) {
        if let d = c.duration { self = .seconds(d) } else if let r = c.ratio { self = .ratio(r) } else if let m = c.maxDuration {
            self = .atMost(m)
        } else { return nil }
    }

    /// The target length in seconds for a voice whose natural length is `natural` seconds.
    func seconds(natural: Double) -> Double {
        switch self {
        case let .seconds(s): return s
        case let .ratio(r): return r * natural
        case let .atMost(m): return min(natural, m)
        }
    }

    var description: String {
        switch self {
        case let .seconds(s): return String(format: "duration %.3f s", s)
        case let .ratio(r): return String(format: "ratio %.3g", r)
        case let .atMost(m): return String(format: "max_duration %.3f s", m)
        }
    }
}

/// The length an utterance is fitted to, decided from its target, its natural length and its
/// fit policy (`FitPolicy.range` of target / natural: outside it, clamp with a warning or refuse).
struct FitPlan {
    let target: DurationTarget
    /// Natural length of the speech (silence trimmed), seconds.
    let natural: Double
    /// What the target asks for, seconds.
    let requested: Double
    /// What the utterance will be fitted to, seconds (== requested unless clamped).
    let fitted: Double
    /// Set when the requested length was clamped: says so with the figures.
    let warning: String?

    init(target: DurationTarget, natural: Double, policy: FitPolicy) throws {
        self.target = target
        self.natural = natural
        requested = target.seconds(natural: natural)
        let range = FitPolicy.range
        let lo = range.lowerBound * natural, hi = range.upperBound * natural
        guard requested < lo || requested > hi else {
            fitted = requested
            warning = nil
            return
        }
        var asked = ""
        if case .seconds = target {} else { asked = " (\(target))" }
        let facts = String(format: "target %.3f s%@ is %.2f× the natural length %.3f s; allowed %g…%g×", requested,
                           asked, requested / natural, natural, range.lowerBound, range.upperBound)
        switch policy {
        case .refuse:
            throw NodeError.engine("\(facts); refused (fit = refuse). Give a target in range, or fit = clamp to fit the nearest allowed length")
        case .clamp:
            fitted = min(max(requested, lo), hi)
            warning = facts + String(format: "; clamped to %.3f s", fitted)
        }
    }
}
