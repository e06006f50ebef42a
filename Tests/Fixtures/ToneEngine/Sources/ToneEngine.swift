import Foundation
import VoxflowKit

/// `acoustic.tone`: each word is 0.2 s of a sine (× the length factor, ÷ the rate) followed by 0.05 s of silence, at
/// 220 Hz (tone-low) or 440 Hz (tone-high), 24 kHz, with a word mark per word.
final class ToneEngine: SpeechEngine {
    let name = "acoustic.tone"
    static let rate = 24_000
    let voices = [
        VoiceInfo(name: "tone-low", languages: ["en"], sampleRate: ToneEngine.rate, gender: "", summary: "a 220 Hz tone per word",
                  quality: .formant, features: [.rate, .duration, .wordTimings]),
        VoiceInfo(name: "tone-high", languages: ["en"], sampleRate: ToneEngine.rate, gender: "", summary: "a 440 Hz tone per word",
                  quality: .formant, features: [.rate, .duration, .wordTimings]),
    ]
    let nativeLengthRange: ClosedRange<Double> = 0.5...2

    func prepare(voice name: String) throws -> EngineVoice { try listedVoice(name) }

    func render(_ phrase: EnginePhrase, voice: EngineVoice, lengthFactor: Double, into writer: PhraseWriter) throws {
        let frequency = voice.name == "tone-high" ? 440.0 : 220.0
        let words = phrase.prosody.text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).map(String.init)
        let tone = Int(0.2 * lengthFactor / phrase.rate * Double(Self.rate)), gap = Int(0.05 * Double(Self.rate))
        for word in words where !writer.isCancelled {
            let start = writer.received
            writer.word(word, start: start, end: start + tone)
            writer.audio((0..<tone).map { Float(0.5 * sin(2 * Double.pi * frequency * Double($0) / Double(Self.rate))) })
            writer.audio([Float](repeating: 0, count: gap))
        }
    }
}

final class TonePlugin: VoxflowPlugin {
    let factories: [NodeFactory] = [EngineNodeFactory(engine: ToneEngine(), summary: "a tone per word (a test engine)")]
}

@_cdecl("voxflow_plugin_entry")
public func voxflowPluginEntry() -> UnsafeRawPointer {
    PluginEntry.descriptor(name: "tone-engine", version: "1.0.0") { PluginEntry.retain(TonePlugin()) }
}
