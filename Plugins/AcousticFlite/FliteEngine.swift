import CFlite
import Foundation
import VoxflowKit

/// CMU flite as a `SpeechEngine`: English, 16 kHz, word timings from flite itself. Each phrase is one flite utterance,
/// streamed as flite's waveform generator hands its pieces over (`FliteCallbacks`).
///
/// Pitch: awb, slt and kal16 shift f0 natively; rms ignores every f0 setting, so its shift is left to vocoder.stretch.
/// Duration targets: flite's own duration stretch within `nativeRange`, vocoder.stretch for the rest.
final class FliteEngine: SpeechEngine {
    let name = "acoustic.flite"
    var voices: [VoiceInfo] { FliteVoices.all }

    /// Length factors rendered with flite's own duration stretch; a target beyond them is reached by vocoder.stretch
    /// from the nearest end. Word error rate of an offline recognizer (pocketsphinx, 20 Harvard sentences, 159 words,
    /// rms; natural 15.1%), flite's stretch / librubberband R3 on the natural render: 0.6× 27.7/27.7, 0.7× 18.2/17.6,
    /// 0.8× 15.7/15.7, 0.9× 16.4/15.1, 1.15× 17.0/18.2, 1.3× 22.6/18.2, 1.45× 20.1/25.2, 1.6× 28.3/29.6, 1.8× 34.6/35.2.
    /// Both stay within a few points of natural speech over this span, and flite's stretch keeps the engine's own timing
    /// and word marks with no phase-vocoder colour, so it goes first.
    let nativeLengthRange: ClosedRange<Double> = 0.75...1.35

    /// ~100 ms at 16 kHz, as flite hands audio over.
    static let chunkSamples: Int32 = 1600

    func prepare(voice name: String) throws -> EngineVoice { try listedVoice(name) }

    func render(_ phrase: EnginePhrase, voice: EngineVoice, lengthFactor: Double, into writer: PhraseWriter) throws {
        let p = phrase.prosody
        if let language = p.language, LanguageTag.family(language) != "en" {
            writer.warn("language", "acoustic.flite speaks English only; text in \(language) skipped (a voice of that language speaks it: acoustic.auto picks one)")
            return
        }
        guard p.text.contains(where: { $0.isLetter || $0.isNumber }) else { return }
        let factor = Float(pow(2, phrase.semitones / 12))
        let stretch = Float(lengthFactor / phrase.rate)
        FliteVoices.lock.lock()
        defer { FliteVoices.lock.unlock() }
        let v = try FliteVoices.voice(voice.name)
        let status = vf_flite_synth(v, p.text, stretch, factor, Self.chunkSamples, fliteAudio, fliteWord,
                                    Unmanaged.passUnretained(writer).toOpaque())
        if status < 0 { throw NodeError.engine("flite could not synthesize \"\(p.text)\"") }
    }
}

/// flite's audio callback (on the thread inside `vf_flite_synth`). Non-zero: stop.
private func fliteAudio(_ samples: UnsafePointer<Int16>?, _ count: Int32, _ last: Int32, _ user: UnsafeMutableRawPointer?) -> Int32 {
    let writer = Unmanaged<PhraseWriter>.fromOpaque(user!).takeUnretainedValue()
    if writer.isCancelled { return 1 }
    guard let samples, count > 0 else { return 0 }
    writer.audio(int16: UnsafeBufferPointer(start: samples, count: Int(count)))
    return 0
}

/// flite's word callback: a token with its start and end in seconds.
private func fliteWord(_ word: UnsafePointer<CChar>?, _ start: Float, _ end: Float, _ user: UnsafeMutableRawPointer?) {
    let writer = Unmanaged<PhraseWriter>.fromOpaque(user!).takeUnretainedValue()
    let r = Float(FliteVoices.rate)
    let s = Int((start * r).rounded()), e = Int((end * r).rounded())
    writer.word(word.map { String(cString: $0) } ?? "", start: s, end: max(s, e))
}
