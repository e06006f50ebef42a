import CFlite
import Foundation
import VoxflowKit

/// The flite voices this plugin embeds, all 16 kHz, in the order a cast takes them (dubbing pools). rms is the default: the most intelligible of
/// them by an offline recognizer (20% WER vs 26–36% for the others; see PLATFORM-NOTES).
enum FliteVoices {
    static let rate = 16_000
    static let all: [VoiceInfo] = [
        VoiceInfo(name: "rms", languages: ["en-US"], sampleRate: rate, gender: "male",
                  summary: "CMU US RMS, clustergen; most intelligible; no native pitch control", isDefault: true,
                  quality: .parametric, features: [.rate, .duration, .wordTimings]),
        VoiceInfo(name: "slt", languages: ["en-US"], sampleRate: rate, gender: "female", summary: "CMU US SLT, clustergen",
                  quality: .parametric, features: [.rate, .pitch, .duration, .wordTimings]),
        VoiceInfo(name: "awb", languages: ["en-GB-x-scotland", "en"], sampleRate: rate, gender: "male",
                  summary: "CMU AWB (Scottish English), clustergen", quality: .parametric, features: [.rate, .pitch, .duration, .wordTimings]),
        VoiceInfo(name: "kal16", languages: ["en-US"], sampleRate: rate, gender: "male", summary: "CMU US KAL, diphone",
                  quality: .diphone, features: [.rate, .pitch, .duration, .wordTimings]),
    ]
    static var names: [String] { all.map(\.name) }

    /// flite keeps settings on shared voice objects and its lexicon code is not re-entrant:
    /// one synthesis at a time per process.
    static let lock = NSLock()
    nonisolated(unsafe) private static var voices: [String: UnsafeMutableRawPointer] = [:]

    /// Caller holds `lock`.
    static func voice(_ name: String) throws -> UnsafeMutableRawPointer {
        if let v = voices[name] { return v }
        guard names.contains(name), let v = vf_flite_voice(name) else {
            throw NodeError.unknownVoice(name, available: names)
        }
        voices[name] = v
        return v
    }
}
