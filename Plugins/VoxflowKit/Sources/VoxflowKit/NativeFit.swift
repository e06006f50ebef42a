import Foundation
import VoxflowKit

/// Duration targets as an engine sees them: render once without fitting to measure the natural
/// length, then once more at a length factor close to the target, so that vocoder.stretch only fits
/// a small residual (better quality; the engine's own timing, not a phase vocoder's).
///
/// Shared by the engines (acoustic.flite, acoustic.espeak). The rules match vocoder.stretch's: the natural length is the speech from the first to the last
/// sample at or above −50 dBFS; the target is `duration`, `ratio` × natural or min(natural,
/// `max_duration`), limited to `FitPolicy.range` of the natural length (vocoder.stretch warns or
/// refuses; the engine only aims inside it).
public enum NativeFit {
    /// vocoder.stretch's default trim threshold, −50 dBFS.
    public static let threshold = Float(pow(10, -50.0 / 20))

    public static func hasTarget(_ c: Controls) -> Bool { c.duration != nil || c.ratio != nil || c.maxDuration != nil }

    /// The length to aim at, in seconds, for a natural length of `natural` seconds.
    public static func target(_ c: Controls, natural: Double) -> Double {
        let t = c.duration ?? c.ratio.map { $0 * natural } ?? c.maxDuration.map { min($0, natural) } ?? natural
        return min(max(t, FitPolicy.range.lowerBound * natural), FitPolicy.range.upperBound * natural)
    }

    /// The length factor to render with: target / natural, limited to what the engine does well.
    /// Within `exact` of 1 it is 1 (the natural render is used as it is).
    public static func lengthFactor(target: Double, natural: Double, range: ClosedRange<Double>, exact: Double = 0.005) -> Double {
        guard natural > 0 else { return 1 }
        let f = min(max(target / natural, range.lowerBound), range.upperBound)
        return abs(f - 1) < exact ? 1 : f
    }

    /// Frames from the first to the last sample at or above the threshold, over consecutive chunks.
    public static func speechFrames(_ chunks: [AcousticChunk]) -> Int {
        var first: Int?, last = 0
        for c in chunks {
            guard case let .pcm(s) = c.content else { continue }
            if first == nil, let i = s.firstIndex(where: { abs($0) >= threshold }) { first = c.startFrame + i }
            if let i = s.lastIndex(where: { abs($0) >= threshold }) { last = c.startFrame + i + 1 }
        }
        return first.map { max(0, last - $0) } ?? 0
    }

    /// Fits an utterance with a duration target natively, at its `end`: `render` renders all of its
    /// phrases at a length factor into a sink (returning false when the utterance was cancelled).
    /// Renders once into memory at factor 1, measures the speech (silence trimmed, as vocoder.stretch
    /// does), renders again at the factor closest to the target within `range` — pauses included, so
    /// the whole utterance scales evenly — and emits that with the natural length on the first chunk
    /// (`AcousticChunk.nativeFit`); when the factor is 1 the first render is emitted. Posts
    /// `engine_natural_seconds`, `engine_rate`, `engine_length_factor` and `engine_target_seconds`.
    public static func render(_ controls: Controls, rate: Int, range: ClosedRange<Double>, id: UtteranceID, context: NodeContext,
                              _ render: (_ lengthFactor: Double, _ sink: @escaping (AcousticChunk) -> Void) throws -> Bool) throws {
        let natural = ChunkRelay()
        guard try render(1, natural.keep) else { return }
        let naturalFrames = speechFrames(natural.kept)
        let naturalSeconds = Double(naturalFrames) / Double(rate)
        let target = target(controls, natural: naturalSeconds)
        let factor = lengthFactor(target: target, natural: naturalSeconds, range: range)
        let out = EngineEmitter(id: id, context: context, note: NativeFitNote(naturalFrames: naturalFrames, lengthFactor: factor))
        if factor == 1 {
            natural.kept.forEach(out.send)
        } else {
            guard try render(factor, out.send) else { return }
        }
        out.flush()
        context.post(.statistics(utterance: id, values: statistics(naturalFrames: naturalFrames, rate: rate,
                                                                   lengthFactor: factor, target: target)))
    }

    /// The statistics an engine posts after fitting natively.
    public static func statistics(naturalFrames: Int, rate: Int, lengthFactor: Double, target: Double) -> [String: Double] {
        ["engine_natural_seconds": Double(naturalFrames) / Double(rate), "engine_length_factor": lengthFactor,
         "engine_rate": 1 / lengthFactor, "engine_target_seconds": target]
    }
}

/// The measuring render's chunks, kept in memory.
public final class ChunkRelay {
    public private(set) var kept: [AcousticChunk] = []
    public init() {}
    public func keep(_ c: AcousticChunk) { kept.append(c) }
}
