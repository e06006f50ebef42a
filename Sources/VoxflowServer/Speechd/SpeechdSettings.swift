import Foundation
import VoxflowApp
import VoxflowKit

/// What speech-dispatcher's SET sends, kept between messages and applied to each request.
struct SpeechdSettings {
    /// speech-dispatcher's scale, −100…100.
    var rate = 0.0, pitch = 0.0
    var language: String?
    var voiceName: String?
    /// MALE1…3, FEMALE1…3, CHILD_MALE, CHILD_FEMALE.
    var voiceType: String?

    mutating func set(_ key: String, _ value: String) {
        let v = value == "NULL" ? nil : value
        switch key {
        case "rate": rate = Double(value) ?? 0
        case "pitch": pitch = Double(value) ?? 0
        case "language": language = v
        case "synthesis_voice": voiceName = v
        case "voice_type": voiceType = v
        default: break   // volume, punctuation_mode, spelling_mode, cap_let_recogn, pitch_range: not yet
        }
    }

    /// Rate −100…100 → 0.25…4 (doubling every 50), pitch −100…100 → ±12 semitones; the voice by name
    /// when the engines have it, else the best voice for the language, of the asked gender when one is.
    func apply(to r: inout SpeechRequest, voxflow: Voxflow) {
        r.rate = min(4, max(0.25, pow(2, rate / 50)))
        r.pitch = max(-12, min(12, pitch / 100 * 12))
        if let language, language.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) != nil {
            r.language = language
        }
        if let voiceName, voxflow.engine(speaking: voiceName) != nil {
            r.voice = voiceName
        } else {
            let ranked = voxflow.voiceDirectory.ranked(forLanguage: r.language == "auto" ? "en" : r.language)
            let gender = voiceType.map { $0.uppercased().contains("FEMALE") ? "female" : "male" }
            r.voice = (ranked.first { gender != nil && $0.voice.gender.lowercased() == gender } ?? ranked.first)?.voice.name
        }
        let entry = r.voice.flatMap { v in voxflow.voiceDirectory.all.first { $0.voice.name == v } }
        r.sampleRate = entry?.voice.sampleRate ?? 22_050
    }
}
