import Foundation
import VoxflowApp
import VoxflowKit
import VoxflowText

/// One request to speak, checked field by field: what `/api/tts/synthesize`, `/v1/audio/speech`
/// and `/ws/tts` all turn into.
public struct SpeechRequest: Sendable {
    public var text: String
    public var voice: String?
    public var rate: Double = 1
    public var pitch: Double = 0
    public var emotion: String?
    public var intensity: Double = RequestModel.intensity.defaultValue!
    public var duration: Double?
    public var language: String = "auto"
    public var markup = true
    public var format: AudioFormat = .wav
    public var sampleFormat: SampleFormat = .s16le
    public var sampleRate = 48_000
    public var channels = 1
    public var stream = false

    public init(text: String) { self.text = text }

    /// Fields of `/api/tts/synthesize` and of a WebSocket request.
    static let fields: Set<String> = ["text", "voice", "rate", "pitch", "emotion", "intensity", "duration", "language", "plain",
                                      "format", "sample_rate", "sample_format", "channels", "stream"]

    /// Reads the Voxflow request shape; `limits` bound the text.
    init(fields f: JSONFields, limits: ServerLimits, defaultFormat: AudioFormat = .wav) throws(APIError) {
        guard let text = try f.string("text") else { throw APIError.badField("text", "is required") }
        self.init(text: text)
        voice = try f.string("voice")
        rate = try f.number("rate", in: RequestModel.rate.range) ?? RequestModel.rate.defaultValue!
        pitch = try f.number("pitch", in: RequestModel.pitch.range) ?? RequestModel.pitch.defaultValue!
        emotion = try f.choice("emotion", RequestModel.emotions)
        intensity = try f.number("intensity", in: RequestModel.intensity.range) ?? RequestModel.intensity.defaultValue!
        duration = try f.number("duration", in: RequestModel.duration.range)
        language = try f.string("language") ?? "auto"
        if language != "auto", language.count > 35 || language.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) == nil {
            throw APIError.badField("language", "'\(language.prefix(40))' is not a language tag like en, en-GB or zh; or auto")
        }
        markup = !(try f.bool("plain") ?? false)
        format = try f.choice("format", AudioFormat.allCases.map(\.rawValue)).flatMap(AudioFormat.init) ?? defaultFormat
        sampleFormat = try f.choice("sample_format", SampleFormat.allCases.map(\.rawValue)).flatMap(SampleFormat.init) ?? .s16le
        sampleRate = try f.integer("sample_rate", in: 8000...192_000) ?? 48_000
        channels = try f.integer("channels", in: 1...2) ?? 1
        stream = try f.bool("stream") ?? false
        try check(limits: limits)
    }

    /// Checks what every endpoint shares: text length, rate a format accepts, a streamable format.
    func check(limits: ServerLimits) throws(APIError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw APIError.badField("text", "is empty") }
        if text.count > limits.maxTextLength {
            throw APIError.badField("text", "has \(text.count) characters; the most this server takes is \(limits.maxTextLength) (--max-text)")
        }
        if let rates = format.allowedRates, !rates.contains(sampleRate) {
            throw APIError.badField("sample_rate", "\(format.rawValue) takes \(rates.map(String.init).joined(separator: ", ")) Hz")
        }
        if stream && !format.streams {
            throw APIError.badField("format", "\(format.rawValue) cannot be streamed (its header is written last); use wav, pcm, ogg or opus")
        }
        if markup {
            do { _ = try MarkupParser.parse(text) } catch { throw APIError.badField("text", "\(error)") }
        }
    }

    /// The controls the graph gets with the utterance.
    var controls: Controls {
        Controls(language: language == "auto" ? nil : language, emotion: (try? RequestModel.emotion(emotion)) ?? nil,
                 intensity: intensity, duration: duration)
    }
}
