import CSoxr
import VoxflowKit

/// A phrase's PCM from a decoder at another rate than acoustic.fallback's output: converted in one go with libsoxr
/// (high quality), marks rescaled exactly (`Mark.rescaled`).
enum FallbackResampler {
    static func convert(_ samples: [Float], from inRate: Int, to outRate: Int) -> [Float] {
        guard inRate != outRate, !samples.isEmpty else { return samples }
        let outCount = Int((Double(samples.count) * Double(outRate) / Double(inRate)).rounded())
        var out = [Float](repeating: 0, count: outCount)
        var done = 0
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        let error = samples.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                soxr_oneshot(Double(inRate), Double(outRate), 1, i.baseAddress, samples.count, nil,
                             o.baseAddress, outCount, &done, nil, &quality, nil)
            }
        }
        if error != nil { return samples }
        if done < outCount { out.removeLast(outCount - done) }
        return out
    }
}
