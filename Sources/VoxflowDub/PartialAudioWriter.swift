import CSndfile
import Foundation
import VoxflowApp
import VoxflowKit

/// An audio file (WAV, FLAC or OGG by extension) written through libsndfile under a hidden
/// temporary name beside its target (`.NAME.partial-PID`, registered with `PartialFiles` so an
/// interrupt deletes it) and renamed into place by `commit`. The target holds its previous
/// content or the complete new file, never half of one. (The same scheme as `sink.file`.)
final class PartialAudioWriter {
    let path: String
    let tempPath: String
    let channels: Int
    private var file: OpaquePointer?
    private(set) var frames = 0
    private var committed = false

    /// The libsndfile format for a path's extension and an encoding, or an error that says what to use.
    static func format(path: String, encoding: String) throws -> Int32 {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let major: Int
        switch ext {
        case "wav", "wave": major = SF_FORMAT_WAV
        case "flac": major = SF_FORMAT_FLAC
        case "ogg", "oga": major = SF_FORMAT_OGG
        default:
            throw DubError.io(path, ext.isEmpty ? "has no extension; use .wav, .flac or .ogg" : "ends in .\(ext), a format Voxflow does not write; use .wav, .flac or .ogg")
        }
        let sub: Int
        switch (major, encoding) {
        case (SF_FORMAT_OGG, _): sub = SF_FORMAT_VORBIS
        case (SF_FORMAT_FLAC, "float"): throw DubError.io(path, "float is not available for FLAC; use pcm16 or pcm24")
        case (_, "pcm16"): sub = SF_FORMAT_PCM_16
        case (_, "pcm24"): sub = SF_FORMAT_PCM_24
        case (_, "float"): sub = SF_FORMAT_FLOAT
        default: throw DubError.io(path, "unknown encoding '\(encoding)'; use pcm16, pcm24 or float")
        }
        return Int32(major | sub)
    }

    init(path: String, rate: Int, channels: Int, encoding: String) throws {
        self.path = path
        self.channels = channels
        tempPath = AtomicFile.partialPath(for: path)
        var info = SF_INFO(frames: 0, samplerate: Int32(rate), channels: Int32(channels),
                           format: try Self.format(path: path, encoding: encoding), sections: 0, seekable: 0)
        guard sf_format_check(&info) != 0 else { throw DubError.io(path, "libsndfile cannot write this format at \(rate) Hz, \(channels) ch") }
        PartialFiles.register(tempPath)
        guard let f = sf_open(tempPath, Int32(SFM_WRITE), &info) else {
            PartialFiles.unregister(tempPath)
            throw DubError.io(path, String(cString: sf_strerror(nil)))
        }
        if Int(info.format) & SF_FORMAT_TYPEMASK == SF_FORMAT_OGG {
            var q = 0.6
            sf_command(f, Int32(SFC_SET_VBR_ENCODING_QUALITY), &q, Int32(MemoryLayout<Double>.size))
        }
        sf_command(f, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        file = f
    }

    /// Appends interleaved frames.
    func write(_ samples: UnsafeBufferPointer<Float>) throws {
        let n = samples.count / channels
        guard n > 0, let file else { return }
        guard Int(sf_writef_float(file, samples.baseAddress, sf_count_t(n))) == n else {
            throw DubError.io(path, "write failed: \(String(cString: sf_strerror(file)))")
        }
        frames += n
    }

    func commit() throws {
        guard let f = file else { return }
        file = nil
        let status = sf_close(f)
        guard status == 0 else {
            discard()
            throw DubError.io(path, "closing failed: \(String(cString: sf_error_number(status)))")
        }
        guard rename(tempPath, path) == 0 else {
            let why = String(cString: strerror(errno))
            discard()
            throw DubError.io(path, "could not move the finished file into place: \(why)")
        }
        PartialFiles.unregister(tempPath)
        committed = true
    }

    /// Closes and deletes the temporary file, unless it was committed.
    func discard() {
        guard !committed else { return }
        if let file { sf_close(file) }
        file = nil
        unlink(tempPath)
        PartialFiles.unregister(tempPath)
    }

    deinit { discard() }
}
