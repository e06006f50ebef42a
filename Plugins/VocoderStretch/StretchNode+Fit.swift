import Foundation
import VoxflowKit

extension StretchNode {
    /// Fits a whole buffered utterance to its target (see `FitPlan`) and emits it with its
    /// statistics. Streaming thread, at the utterance's `end`.
    ///
    /// Natural length: the engine's (`EngineNote`, measured on a render without fitting) when it
    /// fitted natively, else the trimmed length of what arrived. The speech that arrived (trimmed)
    /// is stretched by target / its own length — the residual after the engine's native rate.
    ///
    /// Statistics: natural_seconds, target_seconds (as asked), achieved_seconds, ratio (achieved /
    /// natural), residual_ratio (achieved / the trimmed speech that arrived), trimmed_lead_seconds,
    /// trimmed_tail_seconds, clamped (0/1), padded_frames (zeros added after librubberband's output:
    /// 0 in practice), fit_seconds (wall time of the fit, chunks handed downstream included),
    /// pitch_semitones when one shift applied to all; with an engine's note also
    /// engine_natural_seconds, engine_length_factor and engine_rate (1 / length factor).
    func fit(_ buffer: UtteranceBuffer, target: DurationTarget, work: (controls: Controls, note: EngineNote?),
             id: UtteranceID, context: NodeContext) throws {
        let threshold = settings.trimThreshold
        let speech = buffer.samples.withUnsafeBufferPointer { SilenceTrim.speech(in: $0, threshold: threshold) }
        guard let speech else {
            context.post(.warning(NodeWarning("no speech above the trim threshold; nothing to fit to \(target)", utterance: id)))
            let writer = AudioWriter(rate: rate, utterance: id, origin: 0, context: context)
            writer.add(marks: buffer.marks.map { Mark($0.kind, $0.text, start: 0, end: 0) })
            writer.finish(length: 0)
            return
        }
        let r = Double(rate)
        let naturalFrames = work.note.map { $0.naturalFrames > 0 ? $0.naturalFrames : speech.count } ?? speech.count
        let plan = try FitPlan(target: target, natural: Double(naturalFrames) / r, policy: work.controls.fitPolicy)
        if let w = plan.warning { context.post(.warning(NodeWarning(w, utterance: id))) }
        let length = max(1, Int((plan.fitted * r).rounded()))

        let map = TimeMap(speechStart: speech.lowerBound, inputLength: speech.count, outputLength: length)
        let writer = AudioWriter(rate: rate, utterance: id, origin: 0, context: context)
        writer.gain = liveValues.gain
        writer.limit = length
        writer.add(marks: buffer.marks.map(map.map))
        for p in buffer.phrases { writer.phrase(p.phrase, startsAt: map.frame(p.start)) }
        let realtime = settings.mode == .realtime
        let keyFrames = realtime ? [] : map.keyFrames(buffer.marks)
        let started = DispatchTime.now().uptimeNanoseconds
        try Renderer(rate: rate, settings: settings, realtime: realtime)
            .render(buffer, span: speech, length: length, keyFrames: keyFrames, into: writer) { context.isCancelled(id) }
        guard !context.isCancelled(id) else { return }
        let rendered = writer.received
        writer.finish(length: length)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

        let achieved = Double(writer.written) / r
        var values: [String: Double] = [
            "natural_seconds": plan.natural,
            "target_seconds": plan.requested,
            "achieved_seconds": achieved,
            "ratio": achieved / plan.natural,
            "residual_ratio": Double(writer.written) / Double(speech.count),
            "trimmed_lead_seconds": Double(speech.lowerBound) / r,
            "trimmed_tail_seconds": Double(buffer.samples.count - speech.upperBound) / r,
            "clamped": plan.warning == nil ? 0 : 1,
            "fit_seconds": wall,
            "padded_frames": Double(max(0, length - rendered)),
        ]
        if let note = work.note {
            values["engine_natural_seconds"] = Double(note.naturalFrames) / r
            values["engine_length_factor"] = note.lengthFactor
            values["engine_rate"] = 1 / note.lengthFactor
        }
        let shifts = buffer.pitchChanges(in: speech)
        if shifts.count == 1, shifts[0].semitones != 0 { values["pitch_semitones"] = shifts[0].semitones }
        context.post(.statistics(utterance: id, values: values))
    }
}
