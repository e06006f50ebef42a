import Foundation
import VoxflowPluginHost
import VoxflowText

/// `POST /v1/audio/speech`, OpenAI's speech endpoint: clients written for it work unchanged.
///
/// `{"model": "tts-1", "input": "Hello.", "voice": "alloy", "response_format": "mp3", "speed": 1.0}`
/// OpenAI's voice names are aliases of this server's voices; any voice `GET /api/voices` lists
/// works too. `model` is accepted and not used (every model name maps to the say graph);
/// `instructions` is read like delivery words in the text ("speak cheerfully" → happy).
enum OpenAISpeech {
    static let fields: Set<String> = ["model", "input", "voice", "response_format", "speed", "instructions", "stream_format"]

    /// OpenAI's voice names, in the order they are given this server's voices.
    static let openAIVoices = ["alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse"]

    /// OpenAI's voices as aliases of the installed English voices, best first (`VoiceDirectory.pool`): the first names get
    /// the best voice, and the rest go round the pool. Made from what engines declare, so a new engine needs no edit here.
    static func voiceAliases(_ directory: VoiceDirectory) -> [String: String] {
        let pool = directory.pool(forLanguage: "en", count: 4)
        guard !pool.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: openAIVoices.enumerated().map { ($1, pool[$0 % pool.count]) })
    }

    static func request(_ f: JSONFields, limits: ServerLimits, aliases: [String: String]) throws(APIError) -> SpeechRequest {
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
        r.voice = aliases[voice] ?? voice
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
