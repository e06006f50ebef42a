/// The encodings a client may ask for.
public enum AudioFormat: String, CaseIterable, Sendable {
    /// Raw samples, little-endian, no header (`sample_format` says which).
    case pcm
    case wav, flac, ogg, mp3, opus

    /// Formats that stream as they are produced (a WAV header with an open length, raw PCM, Ogg
    /// pages). FLAC and MP3 are sent complete: their encoders go back to the start at the end to
    /// write the length (FLAC's STREAMINFO, LAME's Xing frame), without which players cut the audio short.
    var streams: Bool { self != .flac && self != .mp3 }

    var contentType: String {
        switch self {
        case .pcm: return "audio/pcm"
        case .wav: return "audio/wav"
        case .flac: return "audio/flac"
        case .ogg: return "audio/ogg"
        case .mp3: return "audio/mpeg"
        case .opus: return "audio/ogg; codecs=opus"
        }
    }

    /// Sample rates an encoder accepts, when it restricts them.
    var allowedRates: [Int]? {
        switch self {
        case .opus: return [8000, 12_000, 16_000, 24_000, 48_000]
        case .mp3: return [8000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000]
        default: return nil
        }
    }
}

/// How raw PCM samples are written.
public enum SampleFormat: String, CaseIterable, Sendable {
    case s16le, f32le
    var bytesPerSample: Int { self == .s16le ? 2 : 4 }
}
