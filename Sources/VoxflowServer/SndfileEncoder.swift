import CSndfile
import Foundation

/// FLAC, Ogg Vorbis, MP3 and Opus through libsndfile, written to memory through its virtual I/O.
/// Bytes the encoder has written are handed out as they appear; a format that seeks back to
/// patch its header (FLAC) is only offered complete, never streamed (`AudioFormat.streams`).
final class SndfileEncoder: AudioEncoder {
    /// The in-memory file libsndfile writes to (seekable; `drained` bytes were already sent).
    final class Memory {
        var bytes: [UInt8] = []
        var position = 0
        var drained = 0
    }

    private let memory = Memory()
    private var file: OpaquePointer?
    private let channels: Int
    private let format: AudioFormat
    private let streaming: Bool

    init(format: AudioFormat, rate: Int, channels: Int, streaming: Bool) throws {
        self.channels = channels
        self.format = format
        self.streaming = streaming
        var info = SF_INFO()
        info.samplerate = Int32(rate)
        info.channels = Int32(channels)
        let f: Int
        switch format {
        case .flac: f = SF_FORMAT_FLAC | SF_FORMAT_PCM_16
        case .ogg: f = SF_FORMAT_OGG | SF_FORMAT_VORBIS
        case .opus: f = SF_FORMAT_OGG | SF_FORMAT_OPUS
        case .mp3: f = SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III
        case .wav, .pcm: f = SF_FORMAT_WAV | SF_FORMAT_PCM_16
        }
        info.format = Int32(f)
        var io = SF_VIRTUAL_IO(
            get_filelen: { user in sf_count_t(SndfileEncoder.memory(user).bytes.count) },
            seek: { offset, whence, user in
                let m = SndfileEncoder.memory(user)
                let base = whence == SEEK_CUR ? m.position : whence == SEEK_END ? m.bytes.count : 0
                m.position = max(0, base + Int(offset))
                return sf_count_t(m.position)
            },
            read: { ptr, count, user in
                let m = SndfileEncoder.memory(user)
                let n = max(0, min(Int(count), m.bytes.count - m.position))
                if n > 0, let ptr { m.bytes.withUnsafeBytes { ptr.copyMemory(from: $0.baseAddress! + m.position, byteCount: n) } }
                m.position += n
                return sf_count_t(n)
            },
            write: { ptr, count, user in
                let m = SndfileEncoder.memory(user)
                guard let ptr, count > 0 else { return 0 }
                let src = UnsafeRawBufferPointer(start: ptr, count: Int(count))
                let end = m.position + Int(count)
                if end > m.bytes.count { m.bytes += [UInt8](repeating: 0, count: end - m.bytes.count) }
                m.bytes.replaceSubrange(m.position..<end, with: src)
                m.position = end
                return count
            },
            tell: { user in sf_count_t(SndfileEncoder.memory(user).position) })
        file = sf_open_virtual(&io, Int32(SFM_WRITE), &info, Unmanaged.passUnretained(memory).toOpaque())
        guard file != nil else {
            throw APIError(.internalServerError, "libsndfile cannot encode \(format.rawValue) at \(rate) Hz, \(channels) ch: \(String(cString: sf_strerror(nil)))")
        }
        if format == .ogg || format == .opus {
            var quality = 0.5
            sf_command(file, Int32(SFC_SET_VBR_ENCODING_QUALITY), &quality, Int32(MemoryLayout<Double>.size))
        }
    }

    private static func memory(_ user: UnsafeMutableRawPointer?) -> Memory {
        Unmanaged<Memory>.fromOpaque(user!).takeUnretainedValue()
    }

    func encode(_ samples: [Float]) throws -> [UInt8] {
        guard let file else { return [] }
        let frames = samples.count / channels
        let written = samples.withUnsafeBufferPointer { sf_writef_float(file, $0.baseAddress, sf_count_t(frames)) }
        if written != frames { throw APIError(.internalServerError, "encoding \(format.rawValue) failed: \(String(cString: sf_strerror(file)))") }
        return streaming ? drain() : []
    }

    func finish() throws -> [UInt8] {
        if let f = file { sf_close(f) }
        file = nil
        return drain()
    }

    /// The bytes written since the last drain.
    private func drain() -> [UInt8] {
        let out = Array(memory.bytes[memory.drained...])
        memory.drained = memory.bytes.count
        return out
    }

    deinit { if let f = file { sf_close(f) } }
}
