import Foundation

/// Turns float samples into the bytes of one response, piece by piece: `encode` returns what can
/// be sent now, `finish` the rest. Not thread-safe: one encoder per response.
protocol AudioEncoder: AnyObject {
    func encode(_ samples: [Float]) throws -> [UInt8]
    func finish() throws -> [UInt8]
}

enum Encoders {
    /// The encoder for `format`. Streaming WAV has an open length (0xFFFFFFFF), which players
    /// read as "until the end"; a complete WAV gets its real sizes.
    static func make(_ format: AudioFormat, sampleFormat: SampleFormat, rate: Int, channels: Int, streaming: Bool) throws -> AudioEncoder {
        switch format {
        case .pcm: return RawPCMEncoder(sampleFormat: sampleFormat)
        case .wav: return WAVEncoder(sampleFormat: sampleFormat, rate: rate, channels: channels, streaming: streaming)
        case .flac, .ogg, .mp3, .opus: return try SndfileEncoder(format: format, rate: rate, channels: channels, streaming: streaming)
        }
    }
}

/// Raw little-endian samples.
final class RawPCMEncoder: AudioEncoder {
    let sampleFormat: SampleFormat
    init(sampleFormat: SampleFormat) { self.sampleFormat = sampleFormat }

    func encode(_ samples: [Float]) -> [UInt8] { Self.bytes(samples, sampleFormat) }
    func finish() -> [UInt8] { [] }

    static func bytes(_ samples: [Float], _ format: SampleFormat) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(samples.count * format.bytesPerSample)
        switch format {
        case .s16le:
            for s in samples {
                let v = Int16(max(-32768, min(32767, (s * 32767).rounded())))
                out.append(UInt8(truncatingIfNeeded: v))
                out.append(UInt8(truncatingIfNeeded: v >> 8))
            }
        case .f32le:
            for s in samples {
                let b = s.bitPattern
                out.append(contentsOf: [UInt8(b & 0xff), UInt8((b >> 8) & 0xff), UInt8((b >> 16) & 0xff), UInt8(b >> 24)])
            }
        }
        return out
    }
}

/// RIFF/WAVE: 16-bit PCM or 32-bit float.
final class WAVEncoder: AudioEncoder {
    let sampleFormat: SampleFormat, rate: Int, channels: Int, streaming: Bool
    private var held: [Float] = []
    private var headerSent = false

    init(sampleFormat: SampleFormat, rate: Int, channels: Int, streaming: Bool) {
        (self.sampleFormat, self.rate, self.channels, self.streaming) = (sampleFormat, rate, channels, streaming)
    }

    func encode(_ samples: [Float]) -> [UInt8] {
        guard streaming else { held += samples; return [] }
        var out = headerSent ? [] : header(dataBytes: nil)
        headerSent = true
        out += RawPCMEncoder.bytes(samples, sampleFormat)
        return out
    }

    func finish() -> [UInt8] {
        if streaming { return headerSent ? [] : header(dataBytes: nil) }
        let data = RawPCMEncoder.bytes(held, sampleFormat)
        return header(dataBytes: data.count) + data
    }

    /// The 44-byte header; `dataBytes` nil: length open (streaming).
    func header(dataBytes: Int?) -> [UInt8] {
        func u32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xff), UInt8((v >> 8) & 0xff), UInt8((v >> 16) & 0xff), UInt8(v >> 24)] }
        func u16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }
        let bytesPerSample = sampleFormat.bytesPerSample
        let open: UInt32 = 0xFFFF_FFFF
        var h = Array("RIFF".utf8) + u32(dataBytes.map { UInt32(36 + $0) } ?? open) + Array("WAVE".utf8)
        h += Array("fmt ".utf8) + u32(16) + u16(sampleFormat == .f32le ? 3 : 1) + u16(UInt16(channels))
        h += u32(UInt32(rate)) + u32(UInt32(rate * channels * bytesPerSample)) + u16(UInt16(channels * bytesPerSample))
        h += u16(UInt16(bytesPerSample * 8))
        h += Array("data".utf8) + u32(dataBytes.map { UInt32($0) } ?? open)
        return h
    }
}
