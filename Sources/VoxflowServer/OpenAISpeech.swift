import Foundation
import VoxflowText

/// `POST /v1/audio/speech`, OpenAI's speech endpoint: clients written for it work unchanged.
///
/// `{"model": "tts-1", "input": "Hello.", "voice": "alloy", "response_format": "mp3", "speed": 1.0}`
/// OpenAI's voice names are aliases of this server's voices; any voice `GET /api/voices` lists
/// works too. `model` is accepted and not used (every model name maps to the say graph);
/// `instructions` is read like delivery words in the text ("speak cheerfully" → happy).
enum OpenAISpeech {
    static let fields: Set<String> = ["model", "input", "voice", "response_format", "speed", "instructions", "stream_format"]

    /// OpenAI's voices, spoken by flite's.
    static let voiceAliases: [String: String] = [
        "alloy": "slt", "ash": "rms", "ballad": "awb", "coral": "slt", "echo": "rms", "fable": "awb",
        "nova": "slt", "onyx": "rms", "sage": "slt", "shimmer": "slt", "verse": "awb",
    ]

    static func request(_ f: JSONFields, limits: ServerLimits) throws(APIError) -> SpeechRequest {
        guard try f.string("model") != nil else { throw APIError.badField("model", "is required (any name, e.g. tts-1)") }
        guard let input = try f.string("input") else { throw APIError.badField("input", "is required") }
        guard let voice = try f.string("voice") else { throw APIError.badField("voice", "is required, e.g. alloy") }
        let format = try f.choice("response_format", ["mp3", "opus", "aac", "flac", "wav", "pcm"]) ?? "mp3"
        guard let audioFormat = AudioFormat(rawValue: format) else {
            throw APIError.badField("response_format", "aac is not available here; use mp3, opus, flac, wav or pcm")
        }
        if let s = try f.choice("stream_format", ["audio", "sse"]), s == "sse" {
            throw APIError.badField("stream_format", "sse is not available here; use audio")
        }
        var r = SpeechRequest(text: input)
        r.voice = voiceAliases[voice] ?? voice
        r.rate = try f.number("speed", in: 0.25...4) ?? 1
        r.format = audioFormat
        r.sampleRate = 24_000   // OpenAI's rate; its pcm is 24 kHz 16-bit little-endian mono
        r.markup = false
        r.stream = audioFormat.streams
        if let instructions = try f.string("instructions"), let detected = ProsodyTagger.emotion(describedBy: instructions) {
            r.emotion = detected.emotion.rawValue
            r.intensity = detected.intensity
        }
        do { try r.check(limits: limits) } catch { throw APIError.badField(error.field == "text" ? "input" : error.field ?? "input", error.message) }
        return r
    }
}
