import VoxflowKit

/// Turns rendered samples into the node's audio chunks, for one utterance (or the pitch-shifted
/// part of one): chunks of at most `chunkFrames` (~100 ms), each with the marks that start in it
/// and the phrase it starts in, never past `limit` frames, and at `finish(length:)` exactly
/// `length` frames in all (the rest trimmed, or zeros added).
///
/// Positions are in the output utterance's timeline; `origin` is where the first sample goes.
/// Streaming thread of the node.
final class AudioWriter {
    let rate: Int
    let utterance: UtteranceID
    let origin: Int
    let chunkFrames: Int
    private unowned let context: NodeContext
    /// Output frames that may be emitted so far (the input consumed, for a pitch stream).
    var limit = Int.max
    /// Applied to every sample emitted from now on.
    var gain: Float = 1
    /// Frames emitted.
    private(set) var written = 0
    /// Rendered samples; those from `head` on are not emitted yet.
    private var pending: [Float] = []
    private var head = 0
    private var held: Int { pending.count - head }
    /// Marks not yet emitted, in order of start.
    private var marks: [Mark] = []
    /// Phrase starts (output timeline), in order; the last one at or before a chunk's start names its phrase.
    private var phrases: [(start: Int, phrase: Int)] = []

    init(rate: Int, utterance: UtteranceID, origin: Int, context: NodeContext) {
        self.rate = rate
        self.utterance = utterance
        self.origin = origin
        self.context = context
        chunkFrames = max(1, rate / 10)
        pending.reserveCapacity(chunkFrames * 2)
    }

    func add(marks new: [Mark]) {
        guard !new.isEmpty else { return }
        let sorted = marks.last.map { last in new.allSatisfy { $0.start >= last.start } } ?? true
        marks += new
        if !sorted { marks.sort { $0.start < $1.start } }  // Swift's sort is stable: equal starts keep their order
    }

    func phrase(_ phrase: Int, startsAt frame: Int) {
        if let last = phrases.last, last.phrase == phrase { return }
        phrases.append((frame, phrase))
    }

    /// Frames appended in all (before `finish` trims or pads).
    private(set) var received = 0

    func append(_ samples: UnsafeBufferPointer<Float>) {
        pending.append(contentsOf: samples)
        received += samples.count
    }

    /// Emits pending audio up to `limit`: full chunks only, or everything when `all`.
    func flush(all: Bool) {
        while true {
            let allowed = min(held, max(0, limit - written))
            let n = min(chunkFrames, allowed)
            guard n > 0, n == chunkFrames || all else { return }
            emit(count: n, final: false)
        }
    }

    /// Makes the output exactly `length` frames and emits everything, with every mark left
    /// (clamped into the audio).
    func finish(length: Int) {
        let missing = length - written - held
        if missing > 0 { pending.append(contentsOf: repeatElement(0, count: missing)) }
        if missing < 0 { pending.removeLast(-missing) }
        limit = length
        while held > chunkFrames { emit(count: chunkFrames, final: false) }
        emit(count: held, final: true)
    }

    private func emit(count n: Int, final: Bool) {
        let start = origin + written, end = start + n
        var out: [Mark] = []
        if final {
            let last = max(start, end - 1)
            out = marks.map { m in
                let s = min(max(m.start, start), last)
                return Mark(m.kind, m.text, start: s, end: min(max(m.end, s), end))
            }
            marks.removeAll()
        } else {
            let k = marks.firstIndex { $0.start >= end } ?? marks.count
            out = Array(marks[..<k])
            marks.removeFirst(k)
        }
        guard n > 0 || !out.isEmpty else { return }
        var samples = Array(pending[head..<(head + n)])
        head += n
        if head == pending.count || head >= 1 << 16 {  // compact now and then, not per chunk
            pending.removeFirst(head)
            head = 0
        }
        if gain != 1 { for i in samples.indices { samples[i] *= gain } }
        while phrases.count > 1, phrases[1].start <= start { phrases.removeFirst() }
        context.emit(.audio(AudioChunk(rate: rate, channels: 1, samples: samples, startFrame: start, marks: out,
                                       phrase: phrases.first?.phrase ?? -1)), of: utterance, on: "out")
        written += n
    }
}
