import Foundation

/// Where speech starts and ends: the first and the last sample whose magnitude reaches a
/// threshold. No margin is kept: a fitted utterance starts on its first audible sample, so that a
/// dubbing script that places it at a cue time hears it start at that time. At the default
/// −50 dBFS the cut is inaudible (flite's and espeak-ng's silence is at −76 dBFS or below, their
/// speech onsets well above −50).
///
/// The engines measure their natural length the same way (AcousticFlite and AcousticEspeak
/// keep a copy of this rule at the default threshold), so that "natural length" means the same
/// thing on both sides.
enum SilenceTrim {
    static let defaultThresholdDB = -50.0

    static func amplitude(dB: Double) -> Float { Float(pow(10, dB / 20)) }

    /// The span `[start, end)` of `samples` from the first to the last sample at or above
    /// `threshold`; nil when every sample is below it.
    static func speech(in samples: UnsafeBufferPointer<Float>, threshold: Float) -> Range<Int>? {
        guard let first = samples.firstIndex(where: { abs($0) >= threshold }),
              let last = samples.lastIndex(where: { abs($0) >= threshold }) else { return nil }
        return first..<(last + 1)
    }
}
