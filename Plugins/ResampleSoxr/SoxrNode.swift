import CSoxr
import VoxflowKit

/// Converts each utterance as one soxr stream: created at `begin`, fed chunk by chunk, flushed
/// (soxr_process with no input) at `end`. Output frame k stands for the instant of input frame
/// k·in/out, so a mark at input frame p moves to round(p·out/in) and stays on its word.
final class SoxrNode: Node {
    let outRate: Int
    let recipe: SoxrRecipe
    private var inRate = 0
    private var channels = 1
    private struct Stream {
        var soxr: soxr_t?
        var outCursor = 0
        var pendingMarks: [Mark] = []
        var phrase = -1
    }
    private var streams: [UtteranceID: Stream] = [:]
    private var output: [Float] = []

    init(outRate: Int, recipe: SoxrRecipe) {
        self.outRate = outRate
        self.recipe = recipe
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        guard let caps = inputs["in"], let r = caps.rate.fixedValue, let c = caps.channels.fixedValue else {
            throw NodeError.negotiation("input rate and channels must be fixed")
        }
        inRate = r
        channels = c
        return ["out": .audio(rate: .exactly(outRate), channels: .exactly(c))]
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case .begin:
            var st = Stream()
            if inRate != outRate {
                var error: soxr_error_t?
                var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
                var q = recipe.spec
                st.soxr = soxr_create(Double(inRate), Double(outRate), UInt32(channels), &error, &io, &q, nil)
                if let error { throw NodeError.engine("soxr_create failed: \(String(cString: error))") }
            }
            streams[id] = st
        case let .chunk(.audio(a)):
            guard var st = streams[id] else { return }
            st.phrase = a.phrase
            guard let soxr = st.soxr else {
                context.emit(.audio(a), of: id, on: "out")
                return
            }
            st.pendingMarks += a.marks.map { $0.rescaled(from: inRate, to: outRate) }
            try run(soxr, a.samples, into: &st, id: id, flush: false, context: context)
            streams[id] = st
        case let .end(reason):
            guard var st = streams.removeValue(forKey: id), let soxr = st.soxr else { return }
            defer { soxr_delete(soxr) }
            if reason == .completed { try run(soxr, nil, into: &st, id: id, flush: true, context: context) }
        case .chunk: break
        }
    }

    private func run(_ soxr: soxr_t, _ input: [Float]?, into st: inout Stream, id: UtteranceID, flush: Bool, context: NodeContext) throws {
        let inFrames = (input?.count ?? 0) / channels
        let capacity = max(4096, Int(Double(inFrames) * Double(outRate) / Double(inRate)) + 256)
        if output.count < capacity * channels { output = Array(repeating: 0, count: capacity * channels) }
        var consumed = 0
        repeat {
            var idone = 0, odone = 0
            let err: soxr_error_t? = output.withUnsafeMutableBufferPointer { out in
                if let input {
                    return input.withUnsafeBufferPointer { inp in
                        soxr_process(soxr, inp.baseAddress! + consumed * channels, inFrames - consumed, &idone,
                                     out.baseAddress, capacity, &odone)
                    }
                }
                return soxr_process(soxr, nil, 0, nil, out.baseAddress, capacity, &odone)
            }
            if let err { throw NodeError.engine("soxr_process failed: \(String(cString: err))") }
            consumed += idone
            if odone > 0 { emit(Array(output[0..<(odone * channels)]), &st, id: id, final: false, context: context) }
            if flush && odone == 0 { break }
            if !flush && consumed >= inFrames && odone < capacity { break }
        } while true
        if flush { emit([], &st, id: id, final: true, context: context) }
    }

    /// Sends output frames with the marks that start inside them (at the end, every mark left).
    private func emit(_ samples: [Float], _ st: inout Stream, id: UtteranceID, final: Bool, context: NodeContext) {
        let frames = samples.count / channels
        let end = st.outCursor + frames
        let marks = final ? st.pendingMarks : st.pendingMarks.filter { $0.start < end }
        st.pendingMarks.removeAll { final || $0.start < end }
        guard frames > 0 || !marks.isEmpty else { return }
        context.emit(.audio(AudioChunk(rate: outRate, channels: channels, samples: samples, startFrame: st.outCursor,
                                       marks: marks, phrase: st.phrase)), of: id, on: "out")
        st.outCursor = end
    }
}
