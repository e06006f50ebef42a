import Foundation
import VoxflowKit

/// Renders each phrase with a sherpa-onnx model as soon as it arrives and streams it: the phrase is phonemized with
/// libespeak-ng (IPA, one sentence per clause), generated clause by clause (sherpa-onnx's progress callback hands over
/// each clause's audio as soon as it is rendered), and sent downstream in pieces of about 100 ms between the
/// phrase's pauses.
///
/// Controls: rate and duration targets become the model's speed (length scale); `speaker` picks a speaker of a
/// multi-speaker model; pitch cannot be changed by these models, so the shift travels as `AcousticChunk.residualPitch`
/// for vocoder.stretch. Word marks: sherpa-onnx's C API gives no durations, so each clause's audio is divided among its
/// words in proportion to their phoneme counts (an approximation; a clause whose words cannot be matched gets one mark).
///
/// An utterance with a duration target is held and rendered at its `end` (`SherpaNode+Fit.swift`).
/// Threads: `process` on the node's streaming thread (sherpa-onnx calls back on it); `setParameter` on the control thread.
final class SherpaNode: Node {
    let voice: SherpaModelSpec
    let rate: Int
    private let catalog: SherpaVoiceCatalog
    private let speaker: Int
    private let lengthScale: Double
    private let reference: VoiceReference.Audio?
    /// Semitones from the reference's median pitch (non-cloning models), added to every phrase's.
    private let referenceShift: Double
    private let live: LiveRatePitch

    typealias Phrase = EnginePhrase

    struct UtteranceState {
        var voice: SherpaModelSpec
        var controls: Controls
        var cursor = 0
        var held: [Phrase]?
    }
    private var utterances: [UtteranceID: UtteranceState] = [:]

    init(voice: SherpaModelSpec, rate: Int, catalog: SherpaVoiceCatalog, speaker: Int, lengthScale: Double, rateFactor: Double,
         pitch: Double, reference: VoiceReference.Audio?, referenceShift: Double) {
        self.voice = voice
        self.rate = rate
        self.catalog = catalog
        self.speaker = speaker
        self.lengthScale = lengthScale
        live = LiveRatePitch(rate: rateFactor, pitch: pitch)
        self.reference = reference
        self.referenceShift = referenceShift
        SherpaModelCache.shared.use(voice, 1)
    }

    deinit { SherpaModelCache.shared.use(voice, -1) }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        ["out": .acoustic([.pcm], rate: .exactly(rate))]
    }

    func setParameter(_ name: String, _ value: ParameterValue) throws {
        try live.set(name, value, node: "acoustic.sherpa")
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            var v = voice
            if let name = u.controls.voice, name != voice.name, name != voice.path { v = try resolve(name) }
            utterances[id] = UtteranceState(voice: v, controls: u.controls, held: NativeFit.hasTarget(u.controls) ? [] : nil)
        case let .end(reason):
            guard var st = utterances.removeValue(forKey: id), reason == .completed, let held = st.held else { return }
            try renderFitted(held, &st, id: id, context: context)
        case let .chunk(.prosody(p)):
            guard var st = utterances[id] else { return }
            let phrase = live.phrase(p, shift: referenceShift)
            if st.held != nil {
                st.held!.append(phrase)
            } else {
                // Rendered under the engine's shared lock: nothing here waits for downstream (EngineEmitter).
                guard let n = try EngineEmitter.render(id, context, {
                    try render(phrase, st.voice, base: st.cursor, lengthFactor: 1, id: id, context: context, sink: $0)
                }) else { return }
                st.cursor += n
            }
            utterances[id] = st
        case .chunk: break
        }
    }

    /// A voice by name or path, which must stream at this node's rate.
    private func resolve(_ name: String) throws -> SherpaModelSpec {
        do {
            let v = try catalog.voice(name)
            if v.sampleRate != 0, v.sampleRate != rate { throw SherpaError.rateMismatch(voice: v.name, rate: v.sampleRate, expected: rate) }
            return v
        } catch let e as SherpaError { throw e.nodeError }
    }

    /// Renders one phrase at utterance frame `base`, its length multiplied by `lengthFactor`, into `sink`. Returns the
    /// frames it took, nil when the utterance was cancelled.
    func render(_ phrase: Phrase, _ utteranceVoice: SherpaModelSpec, base: Int, lengthFactor: Double, id: UtteranceID,
                context: NodeContext, sink: @escaping (AcousticChunk) -> Void) throws -> Int? {
        let p = phrase.prosody
        let spec = try p.voice.map { $0 == utteranceVoice.name ? utteranceVoice : try resolve($0) } ?? utteranceVoice
        let job = SherpaPhraseJob(phrase: p.index, base: base, rate: rate, gain: Float(max(p.volume, 0)),
                                  residualPitch: phrase.semitones, phraseDuration: p.duration, sink: sink)
        func frames(_ seconds: Double) -> Int { Int((max(seconds, 0) * lengthFactor * Double(rate)).rounded()) }
        job.start(bookmarks: p.bookmarks, pause: frames(p.pauseBefore))
        let text = p.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains(where: { $0.isLetter || $0.isNumber }) {
            do {
                let engine = try SherpaModelCache.shared.engine(for: spec)
                guard speaker < engine.speakers else { throw SherpaError.speaker(voice: spec.name, speaker: speaker, count: engine.speakers) }
                // Cloning and lexicon models read the text themselves; the others get espeak-ng IPA, clause by clause.
                let clauses = spec.kind.clones || spec.lexicon != nil ? [] : try SherpaPhonemizer.phonemize(text, voice: spec.espeakVoice)
                job.expect(clauses: clauses, text: text)
                let request = SherpaEngine.Request(clauses: clauses, text: text, speaker: speaker,
                                                   speed: phrase.rate / lengthFactor / lengthScale, reference: reference)
                let done = try engine.generate(request) { samples in
                    guard !context.isCancelled(id) else { return false }
                    job.receive(samples)
                    return true
                }
                if done == nil || context.isCancelled(id) { return nil }
            } catch let e as SherpaError {
                throw e.nodeError
            }
        }
        guard !context.isCancelled(id) else { return nil }
        job.finish(pause: frames(p.pauseAfter))
        return job.written
    }
}
