import CSoxr
import VoxflowKit

/// One phrase's chunks from an engine at its rate, streamed out at another: each chunk goes through libsoxr (high
/// quality) as it arrives, and the phrase ends with soxr's held-back frames. The phrase's length at the output rate is
/// exactly round(frames × out / in), and every mark is rescaled (`Mark.rescaled`) and travels on the output chunk its
/// start falls in. Streaming thread.
final class RateConverter {
    private let inRate: Int
    private let outRate: Int
    private let base: Int
    private let sink: (AcousticChunk) -> Void
    private var soxr: soxr_t?
    private var inFrames = 0
    private var written = 0
    private var marks: [Mark] = []
    private var template: AcousticChunk?
    private var output: [Float] = []

    /// `base`: where the phrase starts in the utterance's timeline at `outRate`.
    init(from inRate: Int, to outRate: Int, base: Int, sink: @escaping (AcousticChunk) -> Void) throws {
        self.inRate = inRate
        self.outRate = outRate
        self.base = base
        self.sink = sink
        var error: soxr_error_t?
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        soxr = soxr_create(Double(inRate), Double(outRate), 1, &error, &io, &quality, nil)
        if let error { throw NodeError.engine("soxr_create failed: \(String(cString: error))") }
    }

    deinit { if let soxr { soxr_delete(soxr) } }

    /// A chunk of the phrase, positions in the phrase's timeline (base 0) at `inRate`.
    func push(_ chunk: AcousticChunk) {
        template = template ?? chunk
        marks += chunk.marks.map { $0.rescaled(from: inRate, to: outRate) }
        guard case let .pcm(samples) = chunk.content else { return }
        inFrames += samples.count
        let capacity = samples.count * outRate / inRate + 64
        output = [Float](repeating: 0, count: capacity)
        var idone = 0, odone = 0
        samples.withUnsafeBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in
                _ = soxr_process(soxr, i.baseAddress, samples.count, &idone, o.baseAddress, capacity, &odone)
            }
        }
        send(Array(output.prefix(odone)), last: false)
    }

    /// The phrase's end: soxr's held-back frames, cut or padded to the exact length. Returns the phrase's frames at `outRate`.
    func finish() -> Int {
        let total = (inFrames * outRate + inRate / 2) / inRate
        var tail: [Float] = []
        while written + tail.count < total {
            output = [Float](repeating: 0, count: 4096)
            var odone = 0
            output.withUnsafeMutableBufferPointer { o in _ = soxr_process(soxr, nil, 0, nil, o.baseAddress, 4096, &odone) }
            if odone == 0 { break }
            tail += output.prefix(odone)
        }
        tail = Array(tail.prefix(max(0, total - written)))
        if written + tail.count < total { tail += [Float](repeating: 0, count: total - written - tail.count) }
        if !tail.isEmpty || !marks.isEmpty { send(tail, last: true) }
        return written
    }

    private func send(_ samples: [Float], last: Bool) {
        guard var c = template else { return }
        let end = written + samples.count
        let out = last ? marks.map { Mark($0.kind, $0.text, start: min($0.start, max(end - 1, 0)), end: min($0.end, end)) }
            : marks.filter { $0.start < end }
        marks = last ? [] : marks.filter { $0.start >= end }
        guard !samples.isEmpty || !out.isEmpty else { return }
        c.rate = outRate
        c.content = .pcm(samples)
        c.startFrame = base + written
        c.marks = out.map { $0.shifted(by: base) }
        c.nativeFit = nil
        sink(c)
        written = end
    }
}
