import Foundation
import VoxflowApp

/// The `info` event answering `describe`: one TTS program, Voxflow, with every voice the loaded
/// engines declare (languages, speakers, the engine as attribution), in the server's order.
enum WyomingInfo {
    static func event(voxflow: Voxflow) -> WyomingEvent {
        let voices: [[String: Any]] = voxflow.voices().map { engine, v in
            var voice: [String: Any] = [
                "name": v.name, "languages": v.languages, "installed": true, "version": NSNull(),
                "description": "\(v.summary) (\(engine), \(v.quality.rawValue), \(v.sampleRate) Hz)",
                "attribution": ["name": engine, "url": ""],
            ]
            let speakers = voxflow.speakers(engine: engine, voice: v.name) ?? v.speakers
            voice["speakers"] = speakers > 1 ? (0..<speakers).map { ["name": String($0)] } : NSNull()
            return voice
        }
        let program: [String: Any] = [
            "name": "voxflow", "installed": true, "version": "0.1.0",
            "description": "Voxflow: plugin-based text to speech, streamed phrase by phrase",
            "attribution": ["name": "Voxflow", "url": ""],
            "voices": voices, "supports_synthesize_streaming": true,
        ]
        return WyomingEvent("info", ["asr": [], "tts": [program], "handle": [], "intent": [], "wake": [], "mic": [], "snd": []])
    }
}
