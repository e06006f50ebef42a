import VoxflowApp
/// One output track (the mix, or one speaker's stem) assembled front to back: lines are added in
/// order of their placed start, and every frame before that start is final and written out. So
/// memory holds only the span where lines still overlap, not the whole timeline.
final class DubTrack {
    let writer: PartialAudioWriter
    private let channels: Int
    /// Interleaved frames from `flushed` on, not yet written.
    private var pending: [Float] = []
    private var flushed = 0
    private let block = 65_536

    init(writer: PartialAudioWriter) {
        self.writer = writer
        channels = writer.channels
    }

    /// Adds interleaved `samples` starting at timeline frame `frame` (not before what was written).
    func add(_ samples: [Float], at frame: Int) throws {
        try flush(upTo: frame)
        let offset = (frame - flushed) * channels
        if pending.count < offset + samples.count { pending += [Float](repeating: 0, count: offset + samples.count - pending.count) }
        pending.withUnsafeMutableBufferPointer { p in
            for i in samples.indices { p[offset + i] += samples[i] }
        }
    }

    /// Writes every frame before `frame` (silence where no line plays).
    func flush(upTo frame: Int) throws {
        while flushed < frame {
            let n = min(frame - flushed, block)
            if pending.count < n * channels { pending += [Float](repeating: 0, count: n * channels - pending.count) }
            try pending.withUnsafeBufferPointer { try writer.write(UnsafeBufferPointer(rebasing: $0[0..<(n * channels)])) }
            pending.removeFirst(n * channels)
            flushed += n
        }
    }

    /// Writes the rest up to `frames` and renames the file into place.
    func finish(frames: Int) throws {
        try flush(upTo: frames)
        try writer.commit()
    }
}
