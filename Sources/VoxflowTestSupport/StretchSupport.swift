import Foundation
import VoxflowGraph
import VoxflowKit

/// The speaking chain with vocoder.stretch in the vocoder's place:
/// text.normalize → prosody.tag → acoustic.flite → vocoder.stretch → test.capture, named
/// "norm", "prosody", "tts", "voc", "cap".
public func stretchChain(rate: Int = 16_000, voice: String = "rms", flite: [String: ParameterValue] = [:],
                         stretch: [String: ParameterValue] = [:], vocoder: String = "vocoder.stretch") -> GraphSpec {
    var spec = GraphSpec()
    spec.chain([
        NodeSpec("norm", "text.normalize"),
        NodeSpec("prosody", "prosody.tag"),
        NodeSpec("tts", "acoustic.flite", ["voice": .string(voice)].merging(flite) { $1 }),
        NodeSpec("voc", vocoder, vocoder == "vocoder.stretch" ? stretch : [:]),
        NodeSpec("cap", "test.capture", ["rate": .int(rate)]),
    ])
    return spec
}

/// test.prosody → acoustic.espeak → vocoder.stretch → test.capture, named "src", "tts", "voc", "cap".
public func espeakStretchChain(_ espeak: [String: ParameterValue] = [:], stretch: [String: ParameterValue] = [:]) -> GraphSpec {
    var spec = GraphSpec()
    spec.chain([
        NodeSpec("src", "test.prosody"),
        NodeSpec("tts", "acoustic.espeak", espeak),
        NodeSpec("voc", "vocoder.stretch", stretch),
        NodeSpec("cap", "test.capture"),
    ])
    return spec
}

extension EventLog {
    /// The statistics node `node` posted for utterance `id` (merged, later values win).
    public func statistics(of node: String, _ id: UtteranceID) -> [String: Double] {
        var out: [String: Double] = [:]
        for e in events {
            if case let .node(n, .statistics(u, values)) = e, n == node, u == id { out.merge(values) { $1 } }
        }
        return out
    }

    /// Every warning, as "node: message".
    public var warnings: [String] {
        events.compactMap { if case let .node(n, .warning(w)) = $0 { return "\(n): \(w.located)" } else { return nil } }
    }

    /// The failure messages of utterance `id`.
    public func failures(_ id: UtteranceID) -> [String] {
        events.compactMap { if case let .failed(_, u, m) = $0, u == id { return m } else { return nil } }
    }
}

/// Measuring speech in tests.
public enum SpeechMeasure {
    /// −50 dBFS, vocoder.stretch's default trim threshold.
    public static let threshold = Float(pow(10, -50.0 / 20))

    /// From the first to the last sample at or above `threshold`.
    public static func speech(_ s: [Float], threshold: Float = threshold) -> Range<Int>? {
        guard let a = s.firstIndex(where: { abs($0) >= threshold }), let b = s.lastIndex(where: { abs($0) >= threshold }) else { return nil }
        return a..<(b + 1)
    }

    public static func peak(_ s: ArraySlice<Float>) -> Float { s.reduce(0) { max($0, abs($1)) } }

    public static func rms(_ s: ArraySlice<Float>) -> Float {
        (s.reduce(0) { $0 + $1 * $1 } / Float(max(s.count, 1))).squareRoot()
    }

    /// Median f0 in Hz of the voiced frames (normalized autocorrelation, 60–400 Hz; the shortest
    /// lag within 10% of the best, against octave errors), frames of 1024 samples at `rate`.
    public static func medianF0(_ s: [Float], rate: Int = 16_000) -> Double {
        var f0s: [Double] = []
        let minLag = rate / 400, maxLag = rate / 60, n = 1024
        var r = [Float](repeating: 0, count: maxLag + 2)
        s.withUnsafeBufferPointer { x in
            var i = 0
            while i + n + maxLag + 1 < x.count {
                defer { i += n / 2 }
                var e0: Float = 0
                for k in 0..<n { e0 += x[i + k] * x[i + k] }
                guard (e0 / Float(n)).squareRoot() > 0.02 else { continue }
                var best: Float = -1
                for lag in minLag...(maxLag + 1) {
                    var acc: Float = 0, e1: Float = 0
                    for k in 0..<n {
                        acc += x[i + k] * x[i + k + lag]
                        e1 += x[i + k + lag] * x[i + k + lag]
                    }
                    r[lag] = acc / max((e0 * e1).squareRoot(), 1e-9)
                    best = max(best, r[lag])
                }
                guard best > 0.5 else { continue }
                for lag in (minLag + 1)...maxLag where r[lag] >= 0.9 * best && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1] {
                    f0s.append(Double(rate) / Double(lag))
                    break
                }
            }
        }
        return f0s.isEmpty ? 0 : f0s.sorted()[f0s.count / 2]
    }
}
