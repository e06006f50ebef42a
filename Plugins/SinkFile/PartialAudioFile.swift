import CSndfile
import Foundation
import VoxflowKit

/// One audio file written under a hidden temporary name beside its target
/// (`.NAME.partial-PID`), then renamed into place by `commit`, or deleted by `discard` (or by an
/// interrupt, through `PartialFiles`). So the target path holds either its previous content or
/// the complete new file, never half of one.
///
/// Used from one streaming thread at a time (`commit`/`discard` may come from the control thread
/// once streaming has stopped).
final class PartialAudioFile {
    let path: String
    let tempPath: String
    let format: FileFormat
    let rate: Int
    let channels: Int
    private var file: OpaquePointer?
    private var scratch: [Float] = []
    /// Frames written so far.
    private(set) var frames = 0

    init(path: String, format: FileFormat, rate: Int, channels: Int) {
        self.path = path
        self.format = format
        self.rate = rate
        self.channels = channels
        let url = URL(fileURLWithPath: path)
        tempPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
    }

    var isOpen: Bool { file != nil }

    /// Creates the temporary file (once).
    func open() throws {
        guard file == nil else { return }
        var info = SF_INFO(frames: 0, samplerate: Int32(rate), channels: Int32(channels), format: format.sfFormat, sections: 0, seekable: 0)
        guard sf_format_check(&info) != 0 else {
            throw NodeError.io(path: path, message: "libsndfile cannot write \(format.name) at \(rate) Hz, \(channels) ch")
        }
        PartialFiles.register(tempPath)
        guard let f = sf_open(tempPath, Int32(SFM_WRITE), &info) else {
            PartialFiles.unregister(tempPath)
            throw NodeError.io(path: path, message: String(cString: sf_strerror(nil)))
        }
        if format.name == "ogg" {
            var q = 0.6
            sf_command(f, Int32(SFC_SET_VBR_ENCODING_QUALITY), &q, Int32(MemoryLayout<Double>.size))
        }
        // Out-of-range samples (a loud mix) clip instead of wrapping around in integer encodings.
        sf_command(f, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        file = f
    }

    /// Appends interleaved samples with `inputChannels` channels; mono input is copied to every channel.
    func write(_ samples: [Float], inputChannels: Int) throws {
        try open()
        let n = inputChannels > 0 ? samples.count / inputChannels : 0
        guard n > 0, let file else { return }
        let written: Int
        if inputChannels == channels {
            written = samples.withUnsafeBufferPointer { Int(sf_writef_float(file, $0.baseAddress, sf_count_t(n))) }
        } else {
            if scratch.count < n * channels { scratch = Array(repeating: 0, count: n * channels) }
            for i in 0..<n { for c in 0..<channels { scratch[i * channels + c] = samples[i * inputChannels] } }
            written = scratch.withUnsafeBufferPointer { Int(sf_writef_float(file, $0.baseAddress, sf_count_t(n))) }
        }
        guard written == n else { throw NodeError.io(path: path, message: "write failed: \(String(cString: sf_strerror(file)))") }
        frames += n
    }

    /// Appends `count` frames of silence.
    func writeSilence(_ count: Int) throws {
        try open()
        guard count > 0, let file else { return }
        let block = [Float](repeating: 0, count: 4096 * channels)
        var left = count
        while left > 0 {
            let n = min(left, 4096)
            let w = block.withUnsafeBufferPointer { Int(sf_writef_float(file, $0.baseAddress, sf_count_t(n))) }
            guard w == n else { throw NodeError.io(path: path, message: "write failed: \(String(cString: sf_strerror(file)))") }
            left -= n
        }
        frames += count
    }

    /// Closes the file and renames it into place (an empty file if nothing was written).
    func commit() throws {
        try open()
        sf_write_sync(file)
        let status = sf_close(file)
        file = nil
        guard status == 0 else {
            discard()
            throw NodeError.io(path: path, message: "closing failed: \(String(cString: sf_error_number(status)))")
        }
        guard rename(tempPath, path) == 0 else {
            let err = String(cString: strerror(errno))
            discard()
            throw NodeError.io(path: path, message: "could not move the finished file into place: \(err)")
        }
        PartialFiles.unregister(tempPath)
    }

    /// Closes and deletes the temporary file; the target is left as it was.
    func discard() {
        if let file { sf_close(file) }
        file = nil
        unlink(tempPath)
        PartialFiles.unregister(tempPath)
    }
}
