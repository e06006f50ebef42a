import CSndfile
import Foundation
import VoxflowKit

/// Writes every utterance, one after another, into one file. The audio goes to a hidden
/// temporary file beside the target (`.NAME.partial-PID`); `finish` closes it and renames it into
/// place, `abort` (or an interrupt, through `PartialFiles`) deletes it. So the target path
/// holds either the previous file or the complete new one, never half of one.
final class SinkFileNode: Node {
    let path: String
    let format: FileFormat
    let rate: Int
    let channels: Int
    private var file: OpaquePointer?
    private var framesWritten = 0
    private var utteranceStart: [UtteranceID: Int] = [:]
    private var scratch: [Float] = []
    let tempPath: String

    init(path: String, format: FileFormat, rate: Int, channels: Int) {
        self.path = path
        self.format = format
        self.rate = rate
        self.channels = channels
        let url = URL(fileURLWithPath: path)
        tempPath = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
    }

    func acceptedCaps(onSinkPad pad: String, template: Caps) -> Caps {
        .audio(rate: .exactly(rate), channels: channels == 1 ? .exactly(1) : .range(1...channels))
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { [:] }

    /// Control thread: fails early when the file could never be written.
    static func checkWritable(_ path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw NodeError.io(path: path, message: "folder \(dir) does not exist")
        }
        guard access(dir, W_OK) == 0 else { throw NodeError.io(path: path, message: "folder \(dir) is not writable") }
    }

    private func open() throws {
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
        file = f
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            try open()
            if let at = u.controls.startTime {
                let target = Int((at * Double(rate)).rounded())
                if target >= framesWritten {
                    try writeSilence(target - framesWritten)
                } else {
                    context.post(.warning(String(format: "utterance %d should start at %.3f s but the previous audio runs to %.3f s; it starts %.3f s late",
                                                 id, at, Double(framesWritten) / Double(rate), Double(framesWritten - target) / Double(rate))))
                }
            }
            utteranceStart[id] = framesWritten
        case .end:
            utteranceStart[id] = nil
        case let .chunk(.audio(a)):
            guard let file, let base = utteranceStart[id] else { return }
            let frames = a.frameCount
            let written: Int
            if a.channels == channels {
                written = a.samples.withUnsafeBufferPointer { Int(sf_writef_float(file, $0.baseAddress, sf_count_t(frames))) }
            } else {
                // Mono to stereo: the same sample on both channels.
                if scratch.count < frames * channels { scratch = Array(repeating: 0, count: frames * channels) }
                for i in 0..<frames { for c in 0..<channels { scratch[i * channels + c] = a.samples[i] } }
                written = scratch.withUnsafeBufferPointer { Int(sf_writef_float(file, $0.baseAddress, sf_count_t(frames))) }
            }
            guard written == frames else {
                throw NodeError.io(path: path, message: "write failed: \(String(cString: sf_strerror(file)))")
            }
            context.post(.sinkWrote(utterance: id, frames: frames, rate: rate, outputFrame: framesWritten))
            for m in a.marks { context.post(.sinkMark(utterance: id, mark: m.shifted(by: base), rate: rate)) }
            framesWritten += frames
        case .chunk: break
        }
    }

    /// Writes `frames` frames of silence (placing the next utterance on the timeline).
    private func writeSilence(_ frames: Int) throws {
        guard frames > 0, let file else { return }
        let block = [Float](repeating: 0, count: 4096 * channels)
        var left = frames
        while left > 0 {
            let n = min(left, 4096)
            let w = block.withUnsafeBufferPointer { Int(sf_writef_float(file, $0.baseAddress, sf_count_t(n))) }
            guard w == n else { throw NodeError.io(path: path, message: "write failed: \(String(cString: sf_strerror(file)))") }
            left -= n
        }
        framesWritten += frames
    }

    func finish() throws {
        try open()
        sf_write_sync(file)
        let status = sf_close(file)
        file = nil
        guard status == 0 else {
            abort()
            throw NodeError.io(path: path, message: "closing failed: \(String(cString: sf_error_number(status)))")
        }
        guard rename(tempPath, path) == 0 else {
            let err = String(cString: strerror(errno))
            abort()
            throw NodeError.io(path: path, message: "could not move the finished file into place: \(err)")
        }
        PartialFiles.unregister(tempPath)
    }

    func abort() {
        if let file { sf_close(file) }
        file = nil
        unlink(tempPath)
        PartialFiles.unregister(tempPath)
    }
}
