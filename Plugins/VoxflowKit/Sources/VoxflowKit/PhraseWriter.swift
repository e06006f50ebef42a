/// One phrase on its way out of an engine: frames the engine's speech between the phrase's pauses, applies its gain,
/// cuts it into chunks of ~100 ms that leave as soon as they are whole, and puts each mark on the chunk its start falls in.
///
/// ```
/// [pause before: zeros + bookmarks] [speech: chunks ≤ chunkFrames, word marks] [pause after: zeros]
/// ```
///
/// An engine calls `audio` and `word` (positions in its speech, sample 0 = its first sample), and `hold(from:)` when it
/// learns where a word ends only later (espeak-ng): audio from there is kept until it is released. Chunks carry the
/// utterance's timeline (`base` added). Streaming thread of the node that drives the engine; chunks go to `sink`
/// (an `EngineEmitter`, or memory for a measuring render), which never waits while the engine holds its lock.
public final class PhraseWriter {
    public let utterance: EngineUtterance
    /// The phrase's index in its utterance.
    public let phrase: Int
    /// Samples per second of what the engine writes.
    public let rate: Int
    /// ~100 ms.
    public let chunkFrames: Int
    /// Phrase frames sent so far (pauses included).
    public private(set) var written = 0
    /// Speech frames received from the engine.
    public private(set) var received = 0

    private let base: Int
    private let gain: Float
    private let residualPitch: Double
    private let phraseDuration: Double?
    private let sink: (AcousticChunk) -> Void
    private var speechStart = 0
    /// Phrase frames [written, written + held.count) not sent yet.
    private var held: [Float] = []
    /// Marks not sent yet, phrase timeline.
    private var marks: [Mark] = []
    /// Speech frame from which audio is kept back; nil: none.
    private var holdFrom: Int?

    public init(utterance: EngineUtterance, phrase: Int, rate: Int, base: Int, gain: Double, residualPitch: Double,
                phraseDuration: Double?, sink: @escaping (AcousticChunk) -> Void) {
        self.utterance = utterance
        self.phrase = phrase
        self.rate = rate
        self.base = base
        self.gain = Float(max(gain, 0))
        self.residualPitch = residualPitch
        self.phraseDuration = phraseDuration
        self.sink = sink
        chunkFrames = max(1, rate / 10)
    }

    /// True once the utterance was cancelled: stop rendering.
    public var isCancelled: Bool { utterance.isCancelled }

    /// Posts `message` once per utterance for `key`, naming the utterance and this phrase.
    public func warn(_ key: String, _ message: @autoclosure () -> String) { utterance.warn(key, message(), phrase: phrase) }

    /// A word from speech frame `start` to `end` (exclusive).
    public func word(_ label: String, start: Int, end: Int) {
        guard !label.isEmpty else { return }
        marks.append(Mark(.word, label, start: speechStart + start, end: speechStart + max(start, end)))
    }

    /// Speech samples in −1…1.
    public func audio(_ samples: UnsafeBufferPointer<Float>) {
        if gain == 1 {
            held.append(contentsOf: samples)
        } else {
            let g = gain
            held.append(contentsOf: samples.lazy.map { max(-1, min(1, $0 * g)) })
        }
        received += samples.count
        flush()
    }

    public func audio(_ samples: [Float]) { samples.withUnsafeBufferPointer { audio($0) } }

    /// 16-bit speech samples (flite, espeak-ng), converted in bulk.
    public func audio(int16 samples: UnsafeBufferPointer<Int16>) {
        let s = gain / 32768
        if gain <= 1 {
            held.append(contentsOf: samples.lazy.map { Float($0) * s })
        } else {
            held.append(contentsOf: samples.lazy.map { max(-1, min(1, Float($0) * s)) })
        }
        received += samples.count
        flush()
    }

    /// Keeps audio from speech frame `frame` on until released (nil), for a mark whose end is not known yet.
    public func hold(from frame: Int?) {
        holdFrom = frame
        flush()
    }

    /// The end (exclusive) of the sound in speech frames `start..<end`: `end` less the trailing samples at or below
    /// `threshold` (after gain), at least `start + 1`. Only audio not sent yet can be trimmed.
    public func soundEnd(from start: Int, to end: Int, threshold: Float) -> Int {
        var e = max(end, start + 1)
        while e > start + 1 {
            let i = speechStart + e - 1 - written
            guard i >= 0, i < held.count, abs(held[i]) <= threshold else { break }
            e -= 1
        }
        return e
    }

    /// Driver: the pause before the phrase, with its bookmarks at its first sample.
    public func start(pause: Int, bookmarks: [String]) {
        marks = bookmarks.map { Mark(.bookmark, $0, start: 0, end: 0) }
        if pause > 0 {
            send([Float](repeating: 0, count: pause))
        }
        speechStart = written
    }

    /// Driver: the pause after the phrase; everything held leaves, and marks past the end are clamped into it.
    public func finish(pause: Int) {
        holdFrom = nil
        flush()
        let total = written + pause
        marks = marks.map { Mark($0.kind, $0.text, start: min($0.start, max(total - 1, 0)), end: min($0.end, total)) }
        if pause > 0 || !marks.isEmpty { send([Float](repeating: 0, count: pause), all: true) }
    }

    private func flush() {
        let limit = speechStart + min(received, holdFrom ?? received)
        while written < limit, !held.isEmpty {
            let n = min(chunkFrames, limit - written, held.count)
            let piece = Array(held[0..<n])
            held.removeFirst(n)
            send(piece)
        }
    }

    private func send(_ samples: [Float], all: Bool = false) {
        let end = written + samples.count
        let out = marks.filter { all || $0.start < end }
        marks.removeAll { all || $0.start < end }
        sink(AcousticChunk(phrase: phrase, rate: rate, content: .pcm(samples), startFrame: base + written,
                           marks: out.map { $0.shifted(by: base) }, residualPitch: residualPitch, phraseDuration: phraseDuration))
        written = end
    }
}

extension PhraseWriter {
    /// Renders one phrase with `engine` at utterance frame `base`, its speech and pauses multiplied by `lengthFactor`,
    /// into `sink`. Returns the frames it took, nil when the utterance was cancelled.
    public static func render(_ phrase: EnginePhrase, engine: SpeechEngine, voice: EngineVoice, utterance: EngineUtterance,
                              base: Int, lengthFactor: Double, sink: @escaping (AcousticChunk) -> Void) throws -> Int? {
        let p = phrase.prosody
        let writer = PhraseWriter(utterance: utterance, phrase: p.index, rate: voice.sampleRate, base: base, gain: p.volume,
                                  residualPitch: engine.residualPitch(phrase, voice: voice), phraseDuration: p.duration, sink: sink)
        func frames(_ seconds: Double) -> Int { Int((max(seconds, 0) * lengthFactor * Double(voice.sampleRate)).rounded()) }
        writer.start(pause: frames(p.pauseBefore), bookmarks: p.bookmarks)
        try engine.render(phrase, voice: voice, lengthFactor: lengthFactor, into: writer)
        guard !writer.isCancelled else { return nil }
        writer.finish(pause: frames(p.pauseAfter))
        return writer.written
    }
}
