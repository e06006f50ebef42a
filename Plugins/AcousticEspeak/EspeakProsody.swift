/// Voxflow's controls as espeak-ng parameters.
///
/// - rate: words per minute, 175 × rate (espeak-ng's normal speed is 175; 2× measured 2.06×
///   shorter). espeak-ng accepts 80…450, i.e. rate 0.46…2.57.
/// - pitch: espeakPITCH 0…100 (50 normal) moves the voice's *base* pitch by 2^((p−50)/50)
///   (pitch_adjust_tab in wavegen.c: 0.24 semitone per step), but intonation excursions stay in
///   Hz, so the median f0 moves less. Measured on en-us (autocorrelation median over a sentence),
///   one step is ~0.11 semitone below 50 and ~0.17 semitone above; the reachable shift is
///   about −5.7…+8.5 semitones (de and cmn-latn-pinyin within ~0.5 semitone of this above 50).
/// - pitch range: espeakRANGE = 50 × range, 0…100.
/// - volume: a gain on the samples (exact, no int16 clipping inside espeak-ng).
enum EspeakProsody {
    static let normalWordsPerMinute = 175.0
    static let wordsPerMinute = 80...450

    /// Median f0 shift in semitones measured at espeakPITCH 0, 5, 10, …, 100 (en-us).
    static let measuredSemitones: [Double] = [
        -5.67, -4.84, -4.47, -3.90, -3.37, -2.83, -2.34, -1.95, -1.10, -0.64, 0,
        0.66, 1.43, 2.06, 3.00, 3.88, 4.82, 5.81, 6.74, 7.72, 8.50,
    ]
    static var pitchShifts: ClosedRange<Double> { measuredSemitones.first!...measuredSemitones.last! }

    /// espeakRATE for a rate multiplier, and whether it had to be clamped.
    static func wordsPerMinute(rate: Double) -> (value: Int, clamped: Bool) {
        let wpm = Int((normalWordsPerMinute * rate).rounded())
        let v = min(max(wpm, wordsPerMinute.lowerBound), wordsPerMinute.upperBound)
        return (v, v != wpm)
    }

    /// espeakPITCH for a shift in semitones (inverse of the measured table, interpolated), and
    /// whether the shift was beyond what espeak-ng reaches.
    static func pitchValue(semitones s: Double) -> (value: Int, clamped: Bool) {
        let t = measuredSemitones
        if s <= t[0] { return (0, s < t[0] - 0.05) }
        if s >= t[t.count - 1] { return (100, s > t[t.count - 1] + 0.05) }
        var i = 0
        while t[i + 1] < s { i += 1 }
        let f = (s - t[i]) / (t[i + 1] - t[i])
        return (Int(((Double(i) + f) * 5).rounded()), false)
    }

    /// espeakRANGE for a pitch range multiplier (1 = natural).
    static func rangeValue(_ range: Double) -> Int {
        Int(min(max((50 * range).rounded(), 0), 100))
    }
}
