import Foundation

/// The pitch shift that brings a voice to a reference recording's register: 12·log2(reference median / voice median)
/// semitones, limited to ±12. The voice's median is measured once per model and speaker on a calibration sentence.
/// An approximation (register, not timbre) for models that cannot clone; see `VoiceReference`.
enum SherpaReferencePitch {
    static let calibration = "The quick brown fox jumps over the lazy dog, and then it rests in the warm sun."
    private static let lock = NSLock()
    nonisolated(unsafe) private static var voiceMedians: [String: Double] = [:]

    static func shift(reference: VoiceReference.Audio, engine: SherpaEngine, speaker: Int) throws -> Double {
        guard let ref = PitchAnalysis.analyze(reference.samples, rate: reference.rate) else {
            throw SherpaError.reference(path: reference.text.isEmpty ? "recording" : reference.text,
                                        message: "has too little voiced speech to measure its pitch")
        }
        let key = "\(engine.spec.path)#\(speaker)"
        lock.lock()
        var voice = voiceMedians[key]
        lock.unlock()
        if voice == nil {
            var samples: [Float] = []
            let clauses = try SherpaPhonemizer.phonemize(calibration, voice: engine.spec.espeakVoice)
            _ = try engine.generate(.init(clauses: clauses, text: calibration, speaker: speaker, speed: 1, reference: nil)) {
                samples.append(contentsOf: $0)
                return true
            }
            voice = PitchAnalysis.analyze(samples, rate: engine.sampleRate)?.median ?? ref.median
            lock.lock()
            voiceMedians[key] = voice
            lock.unlock()
        }
        return min(max(12 * log2(ref.median / voice!), -12), 12)
    }
}
