import Foundation

/// Fundamental frequency of speech, frame by frame (normalized autocorrelation, 40 ms frames every 10 ms, 60–500 Hz,
/// a frame voiced when its correlation peak is at least 0.6 and its level above −40 dBFS): the median and the range a
/// voice speaks in. Used to set pitch controls from a reference recording (`VoiceReference`).
struct PitchAnalysis: Sendable, Hashable {
    /// Median f0 of the voiced frames, Hz.
    var median: Double
    /// 10th to 90th percentile of f0, in semitones.
    var rangeSemitones: Double
    var voicedFrames: Int

    static func analyze(_ input: [Float], rate inputRate: Int) -> PitchAnalysis? {
        // Decimate to about 8 kHz (speech f0 is far below; a coarse lag grid is enough for a median).
        let k = max(1, inputRate / 8000), rate = inputRate / k
        let samples = k == 1 ? input : stride(from: 0, to: input.count, by: k).map { input[$0] }
        let frame = rate * 40 / 1000, hop = rate / 100
        let minLag = rate / 500, maxLag = rate / 60
        guard samples.count > frame + maxLag else { return nil }
        var f0s: [Double] = []
        var start = 0
        while start + frame + maxLag <= samples.count {
            let x = Array(samples[start..<start + frame + maxLag])
            var energy: Float = 0
            for i in 0..<frame { energy += x[i] * x[i] }
            let rms = sqrt(energy / Float(frame))
            if rms > 0.01 {
                var bestLag = 0, best: Float = 0
                for lag in minLag...maxLag {
                    var num: Float = 0, e2: Float = 0
                    for i in 0..<frame {
                        num += x[i] * x[i + lag]
                        e2 += x[i + lag] * x[i + lag]
                    }
                    let r = num / max(sqrt(energy * e2), 1e-9)
                    if r > best { best = r; bestLag = lag }
                }
                if best >= 0.6, bestLag > 0 { f0s.append(Double(rate) / Double(bestLag)) }
            }
            start += hop
        }
        guard f0s.count >= 3 else { return nil }
        f0s.sort()
        func pct(_ p: Double) -> Double { f0s[min(f0s.count - 1, Int(p * Double(f0s.count - 1)))] }
        return PitchAnalysis(median: pct(0.5), rangeSemitones: 12 * log2(pct(0.9) / pct(0.1)), voicedFrames: f0s.count)
    }
}
