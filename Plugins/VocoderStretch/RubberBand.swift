import CRubberBand
import Foundation
import VoxflowKit

/// One mono librubberband stretcher (librubberband 3.x C API), used on the node's streaming thread.
///
/// Alignment: in real-time mode the stretcher is primed with `rubberband_get_preferred_start_pad`
/// zeros and the first `rubberband_get_start_delay` output samples are dropped, so output sample k
/// stands for input sample k / timeRatio (measured: onsets within ~2 ms). In offline mode both are
/// zero and `rubberband_set_expected_input_duration` makes the output exactly input × ratio long.
///
/// Audio moves in blocks of at most `blockSize` samples through one reused scratch buffer: no
/// allocation per block, none per sample.
final class RubberBand {
    static let blockSize = 4096
    private let state: RubberBandState
    let realtime: Bool
    let timeRatio: Double
    private var scratch: [Float]
    /// What an empty final block points at.
    private let empty = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    /// Output samples still to drop (start delay, real-time mode).
    private var discard: Int
    private(set) var pitchSemitones: Double

    /// Options: formant preserved or not; R3 (finer) or R2 (faster); never a thread of its own;
    /// in real time, pitch changes without clicks (PitchHighConsistency) at any moment.
    init(rate: Int, realtime: Bool, finer: Bool, formant: Bool, timeRatio: Double, pitchSemitones: Double) throws {
        var options = RubberBandOptionThreadingNever.rawValue
        options |= realtime ? RubberBandOptionProcessRealTime.rawValue | RubberBandOptionPitchHighConsistency.rawValue
                            : RubberBandOptionProcessOffline.rawValue
        options |= finer ? RubberBandOptionEngineFiner.rawValue : RubberBandOptionEngineFaster.rawValue
        options |= formant ? RubberBandOptionFormantPreserved.rawValue : RubberBandOptionFormantShifted.rawValue
        guard rate > 0, let s = rubberband_new(UInt32(rate), 1, RubberBandOptions(bitPattern: options), timeRatio,
                                               pow(2, pitchSemitones / 12)) else {
            throw NodeError.engine("librubberband could not create a stretcher at \(rate) Hz")
        }
        state = s
        self.realtime = realtime
        self.timeRatio = timeRatio
        self.pitchSemitones = pitchSemitones
        scratch = [Float](repeating: 0, count: Self.blockSize * 2)
        rubberband_set_max_process_size(s, UInt32(Self.blockSize))
        discard = 0
        if realtime {
            let pad = Int(rubberband_get_preferred_start_pad(s))
            discard = Int(rubberband_get_start_delay(s))
            if pad > 0 {
                let zeros = [Float](repeating: 0, count: pad)
                _ = zeros.withUnsafeBufferPointer { feed($0, final: false, study: false, drain: false) { _ in } }
            }
        }
    }

    deinit {
        rubberband_delete(state)
        empty.deallocate()
    }

    /// Real-time mode: changes the pitch from the next sample fed on.
    func setPitch(semitones: Double) {
        guard semitones != pitchSemitones else { return }
        pitchSemitones = semitones
        rubberband_set_pitch_scale(state, pow(2, semitones / 12))
    }

    /// Offline mode, before `study`: the input's length, so the output is exactly length × ratio.
    func expect(inputFrames: Int) {
        rubberband_set_expected_input_duration(state, UInt32(inputFrames))
    }

    /// Offline mode: the whole input, once, before `process`.
    func study(_ input: UnsafeBufferPointer<Float>) {
        feed(input, final: true, study: true, drain: false) { _ in }
    }

    /// Offline mode, after `study`: input frames that must land on given output frames (word
    /// starts), so marks stay on their words. Pairs must increase in both columns.
    func setKeyFrames(_ pairs: [(input: Int, output: Int)]) {
        guard !pairs.isEmpty else { return }
        var from = pairs.map { UInt32($0.input) }, to = pairs.map { UInt32($0.output) }
        rubberband_set_key_frame_map(state, UInt32(pairs.count), &from, &to)
    }

    /// Feeds `input`; `output` receives what comes out as it becomes available (after `final`,
    /// everything that is left), without the start delay. `output`'s buffer is only valid
    /// during the call.
    /// `stop` is asked between blocks; true abandons the input (a cancelled utterance).
    func process(_ input: UnsafeBufferPointer<Float>, final: Bool, stop: () -> Bool = { false },
                 output: (UnsafeBufferPointer<Float>) -> Void) {
        guard feed(input, final: final, study: false, drain: true, stop: stop, output: output) else { return }
        if final { drain(untilDone: true, output) }
    }

    /// `drain`: retrieve after each block (a real-time stretcher's output must not pile up).
    /// Returns false when `stop` said so.
    @discardableResult
    private func feed(_ input: UnsafeBufferPointer<Float>, final: Bool, study: Bool, drain drains: Bool,
                      stop: () -> Bool = { false }, output: (UnsafeBufferPointer<Float>) -> Void) -> Bool {
        var offset = 0
        repeat {
            if stop() { return false }
            let n = min(Self.blockSize, input.count - offset)
            let last = final && offset + n >= input.count
            var channel: UnsafePointer<Float>? = input.baseAddress.map { UnsafePointer($0 + offset) } ?? UnsafePointer(empty)
            withUnsafePointer(to: &channel) { channels in
                if study {
                    rubberband_study(state, channels, UInt32(n), last ? 1 : 0)
                } else {
                    rubberband_process(state, channels, UInt32(n), last ? 1 : 0)
                }
            }
            offset += n
            if drains { drain(untilDone: false, output) }
        } while offset < input.count
        return true
    }

    /// Retrieves what is available; `untilDone`: until librubberband reports the end (-1).
    private func drain(untilDone: Bool, _ output: (UnsafeBufferPointer<Float>) -> Void) {
        var idle = 0
        while true {
            let available = Int(rubberband_available(state))
            if available < 0 { return }
            if available == 0 {
                if !untilDone { return }
                idle += 1
                if idle > 10_000 { return }  // never seen; a guard against a stretcher that stops reporting
                continue
            }
            idle = 0
            let n = min(available, scratch.count)
            let got = scratch.withUnsafeMutableBufferPointer { buf -> Int in
                var channel: UnsafeMutablePointer<Float>? = buf.baseAddress
                return withUnsafePointer(to: &channel) { Int(rubberband_retrieve(state, $0, UInt32(n))) }
            }
            var start = 0
            if discard > 0 {
                start = min(discard, got)
                discard -= start
            }
            if got > start {
                scratch.withUnsafeBufferPointer { output(UnsafeBufferPointer(rebasing: $0[start..<got])) }
            }
        }
    }
}
