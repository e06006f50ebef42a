import Foundation
import VoxflowKit

/// `sink.file` with `{tag}` or `{id}` in its path: one file per utterance, named by
/// `PathTemplate`. Each file is written under a temporary name and renamed into place when its
/// utterance completes, so a file exists only for an utterance that completed; a cancelled or
/// failed utterance leaves nothing (and an existing file of that name untouched).
///
/// ```
/// begin(u)  → open  .NAME.partial-PID      (NAME from u's tag or id)
/// chunks    → append
/// end(completed)          → rename to NAME
/// end(cancelled | failed) → delete
/// ```
/// Start times (`Controls.startTime`) are ignored: every file starts at its utterance's first sample.
final class SinkFilePerUtteranceNode: Node {
    let template: PathTemplate
    let format: FileFormat
    let rate: Int
    let channels: Int
    /// Streaming thread: the files of utterances in progress.
    private var open: [UtteranceID: PartialAudioFile] = [:]
    private let lock = NSLock()

    init(template: PathTemplate, format: FileFormat, rate: Int, channels: Int) {
        self.template = template
        self.format = format
        self.rate = rate
        self.channels = channels
    }

    func acceptedCaps(onSinkPad pad: String, template: Caps) -> Caps {
        .audio(rate: .exactly(rate), channels: channels == 1 ? .exactly(1) : .range(1...channels))
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { [:] }

    /// Streaming thread.
    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            let f = PartialAudioFile(path: template.path(for: u), format: format, rate: rate, channels: channels)
            try f.open()
            set(id, f)
        case let .chunk(.audio(a)):
            guard let f = file(id) else { return }
            let at = f.frames
            try f.write(a.samples, inputChannels: a.channels)
            context.post(.sinkWrote(utterance: id, frames: a.frameCount, rate: rate, outputFrame: at))
            for m in a.marks { context.post(.sinkMark(utterance: id, mark: m, rate: rate)) }
        case .chunk: break
        case let .end(reason):
            guard let f = file(id) else { return }
            set(id, nil)
            if case .completed = reason { try f.commit() } else { f.discard() }
        }
    }

    /// Every file was committed or discarded as its utterance ended.
    func finish() throws { abort() }

    /// Control thread: deletes the files of utterances still in progress.
    func abort() {
        lock.lock()
        let files = open.values
        open.removeAll()
        lock.unlock()
        for f in files { f.discard() }
    }

    private func file(_ id: UtteranceID) -> PartialAudioFile? {
        lock.lock(); defer { lock.unlock() }
        return open[id]
    }

    private func set(_ id: UtteranceID, _ f: PartialAudioFile?) {
        lock.lock(); defer { lock.unlock() }
        open[id] = f
    }
}
