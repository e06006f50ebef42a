import Foundation
import VoxflowKit

/// vocoder.stretch: acoustic PCM in, mono audio out at the same rate, like vocoder.passthrough,
/// plus duration fitting and pitch shift through librubberband.
///
/// Per utterance:
///
/// ```
/// target (duration | ratio | max_duration)   buffer until end ─▶ trim silence ─▶ plan (clamp | refuse)
///                                            ─▶ stretch to exactly round(target × rate) frames ─▶ ~100 ms chunks + statistics
/// no target, pitch shift (residual + pitch)  stream through a real-time stretcher from the first shifted chunk on
/// no target, no pitch shift                  chunks pass untouched (same samples, marks and phrases as vocoder.passthrough)
/// ```
///
/// Invariants: a fitted utterance is exactly the planned number of frames; its marks are moved
/// through the time map (`TimeMap`), stay in order and start inside the audio. An engine that
/// fitted natively reports its natural length on the first chunk (`AcousticChunk.nativeFit`).
///
/// Threads: `process` on the node's streaming thread; `setParameter` on the control thread
/// (pitch and gain, under `live`). Cancellation: `end(.cancelled)` drops the utterance's state;
/// a long fit polls `context.isCancelled` between blocks.
final class StretchNode: Node {
    let settings: StretchSettings
    private let live = NSLock()
    private var pitch: Double
    private var gain: Float
    private(set) var rate = 0

    private struct Work {
        let controls: Controls
        let target: DurationTarget?
        /// The whole utterance (a target) or its part from the first pitch-shifted chunk (offline mode).
        var buffer: UtteranceBuffer?
        var stream: PitchStream?
        var note: EngineNote?
    }
    private var utterances: [UtteranceID: Work] = [:]

    init(settings: StretchSettings, pitch: Double, gain: Double) {
        self.settings = settings
        self.pitch = pitch
        self.gain = Float(gain)
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        guard let r = inputs["in"]?.rate.fixedValue else { throw NodeError.negotiation("input rate is not fixed") }
        rate = r
        return ["out": .audio(rate: .exactly(r), channels: .exactly(1))]
    }

    func setParameter(_ name: String, _ value: ParameterValue) throws {
        live.lock(); defer { live.unlock() }
        switch (name, value.doubleValue) {
        case let ("pitch", v?): pitch = v
        case let ("gain", v?): gain = Float(v)
        default: throw NodeError.parameter(name: name, message: "is not a live parameter of vocoder.stretch (pitch, gain)")
        }
    }

    var liveValues: (pitch: Double, gain: Float) {
        live.lock(); defer { live.unlock() }
        return (pitch, gain)
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            let target = DurationTarget(u.controls)
            utterances[id] = Work(controls: u.controls, target: target, buffer: target != nil ? UtteranceBuffer(origin: 0) : nil)
        case let .chunk(.acoustic(a)):
            guard var work = utterances[id] else { return }
            guard case let .pcm(samples) = a.content else {
                throw NodeError.engine("vocoder.stretch takes rendered PCM; mel frames need a mel vocoder")
            }
            let marks = a.marks
            if let note = a.nativeFit { work.note = EngineNote(note) }
            let (nodePitch, g) = liveValues
            let semitones = a.residualPitch + nodePitch
            if work.buffer == nil, a.phraseDuration != nil {
                if work.stream != nil {
                    context.post(.warning(NodeWarning("the phrase's duration target is ignored: its pitch is already being shifted in real time; use mode = offline", utterance: id, phrase: a.phrase)))
                } else {
                    work.buffer = UtteranceBuffer(origin: a.startFrame)
                }
            }
            if work.buffer == nil, work.stream == nil, semitones != 0 {
                if settings.mode == .offline {
                    work.buffer = UtteranceBuffer(origin: a.startFrame)
                } else {
                    work.stream = try PitchStream(rate: a.rate, settings: settings, semitones: semitones, utterance: id,
                                                  origin: a.startFrame, context: context)
                }
            }
            if work.buffer != nil {
                work.buffer!.append(samples, startFrame: a.startFrame, marks: marks, phrase: a.phrase, semitones: semitones,
                                    phraseDuration: a.phraseDuration)
            } else if let stream = work.stream {
                stream.feed(samples, startFrame: a.startFrame, marks: marks, phrase: a.phrase, semitones: semitones, gain: g)
            } else {
                var out = samples
                if g != 1 { for i in out.indices { out[i] *= g } }
                context.emit(.audio(AudioChunk(rate: a.rate, channels: 1, samples: out, startFrame: a.startFrame, marks: marks,
                                               phrase: a.phrase)), of: id, on: "out")
            }
            utterances[id] = work
        case let .end(reason):
            guard let work = utterances.removeValue(forKey: id), reason == .completed else { return }
            if let target = work.target, let buffer = work.buffer {
                try fit(buffer, target: target, work: (work.controls, work.note), id: id, context: context)
            } else if let buffer = work.buffer, !buffer.phraseTargets.isEmpty {
                try fitPhrases(buffer, policy: work.controls.fitPolicy, id: id, context: context)
            } else if let buffer = work.buffer {
                try shiftOffline(buffer, id: id, context: context)
            } else if let stream = work.stream {
                stream.finish(gain: liveValues.gain)
            }
        case .chunk: break
        }
    }

    /// Offline mode, no target: the part from the first pitch-shifted chunk on, shifted in one go.
    private func shiftOffline(_ buffer: UtteranceBuffer, id: UtteranceID, context: NodeContext) throws {
        let writer = AudioWriter(rate: rate, utterance: id, origin: buffer.origin, context: context)
        writer.gain = liveValues.gain
        writer.add(marks: buffer.marks)
        for p in buffer.phrases { writer.phrase(p.phrase, startsAt: p.start) }
        let n = buffer.samples.count
        writer.limit = n
        try Renderer(rate: rate, settings: settings, realtime: false)
            .render(buffer, span: 0..<n, length: n, keyFrames: [], into: writer) { context.isCancelled(id) }
        guard !context.isCancelled(id) else { return }
        writer.finish(length: n)
    }
}
