import Foundation
import VoxflowKit

/// Writes every utterance, one after another, into one file, placing an utterance with a start
/// time (`Controls.startTime`, a dubbing cue's time) at that point of the file's timeline. The
/// audio goes to a hidden temporary file beside the target (`PartialAudioFile`); `finish`
/// renames it into place, `abort` (or an interrupt) deletes it. So the target path holds either
/// the previous file or the complete new one, never half of one.
final class SinkFileNode: Node {
    let path: String
    let rate: Int
    let channels: Int
    private let file: PartialAudioFile
    private var utteranceStart: [UtteranceID: Int] = [:]

    init(path: String, format: FileFormat, rate: Int, channels: Int) {
        self.path = path
        self.rate = rate
        self.channels = channels
        file = PartialAudioFile(path: path, format: format, rate: rate, channels: channels)
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

    /// Streaming thread.
    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            try file.open()
            if let at = u.controls.startTime {
                let target = Int((at * Double(rate)).rounded())
                if target >= file.frames {
                    try file.writeSilence(target - file.frames)
                } else {
                    context.post(.warning(NodeWarning(String(format: "should start at %.3f s but the previous audio runs to %.3f s; it starts %.3f s late",
                                                             at, Double(file.frames) / Double(rate), Double(file.frames - target) / Double(rate)),
                                                      utterance: id)))
                }
            }
            utteranceStart[id] = file.frames
        case .end:
            utteranceStart[id] = nil
        case let .chunk(.audio(a)):
            guard let base = utteranceStart[id] else { return }
            let at = file.frames
            try file.write(a.samples, inputChannels: a.channels)
            context.post(.sinkWrote(utterance: id, frames: a.frameCount, rate: rate, outputFrame: at))
            for m in a.marks { context.post(.sinkMark(utterance: id, mark: m.shifted(by: base), rate: rate)) }
        case .chunk: break
        }
    }

    func finish() throws { try file.commit() }

    func abort() { file.discard() }
}
