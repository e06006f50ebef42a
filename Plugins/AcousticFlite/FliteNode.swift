import CFlite
import Foundation
import VoxflowKit

/// Renders each phrase with flite as soon as it arrives, then emits it as one acoustic chunk
/// (PCM plus the phrase's trailing pause) with a word mark per written token.
final class FliteNode: Node {
    private let defaultVoice: String
    private let live = NSLock()
    private var rate: Double
    private var pitch: Double
    private struct UtteranceState { var voice: String; var cursor = 0; var warnedPitch = false }
    private var utterances: [UtteranceID: UtteranceState] = [:]

    init(voice: String, rate: Double, pitch: Double) {
        defaultVoice = voice
        self.rate = rate
        self.pitch = pitch
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        ["out": .acoustic([.pcm], rate: .exactly(FliteVoices.rate))]
    }

    func setParameter(_ name: String, _ value: ParameterValue) throws {
        live.lock(); defer { live.unlock() }
        switch name {
        case "rate": rate = value.doubleValue ?? rate
        case "pitch": pitch = value.doubleValue ?? pitch
        default: throw NodeError.parameter(name: name, message: "is not a live parameter of acoustic.flite")
        }
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            let voice = u.controls.voice ?? defaultVoice
            guard FliteVoices.names.contains(voice) else { throw NodeError.unknownVoice(voice, available: FliteVoices.names) }
            utterances[id] = UtteranceState(voice: voice)
        case .end:
            utterances[id] = nil
        case let .chunk(.prosody(p)):
            guard var st = utterances[id] else { return }
            live.lock()
            let r = rate * p.rate, semitones = pitch + p.pitch
            live.unlock()
            if semitones != 0, vf_flite_has_pitch_control(st.voice) == 0, !st.warnedPitch {
                st.warnedPitch = true
                context.post(.warning("voice \(st.voice) has no native pitch control; pitch \(semitones) st ignored (use awb, slt or kal16)"))
            }
            var chunk = try synthesize(p.text, voice: st.voice, rate: r, semitones: semitones) { context.isCancelled(id) }
            guard !context.isCancelled(id) else { return }
            let pause = Int((p.pauseAfter * Double(FliteVoices.rate)).rounded())
            chunk.samples += repeatElement(0, count: pause)
            let marks = chunk.words.map { $0.shifted(by: st.cursor) }
            context.emit(.acoustic(AcousticChunk(phrase: p.index, rate: FliteVoices.rate, content: .pcm(chunk.samples),
                                                 startFrame: st.cursor, marks: marks)), of: id, on: "out")
            st.cursor += chunk.samples.count
            utterances[id] = st
        case .chunk: break
        }
    }

    /// Collects flite's streamed audio and word timings for one phrase.
    final class Job {
        var samples: [Float] = []
        var words: [Mark] = []
        let cancelled: () -> Bool
        init(cancelled: @escaping () -> Bool) { self.cancelled = cancelled }
    }

    private func synthesize(_ text: String, voice: String, rate: Double, semitones: Double,
                            cancelled: @escaping () -> Bool) throws -> Job {
        let job = Job(cancelled: cancelled)
        let stretch = Float(1 / rate), factor = Float(pow(2, semitones / 12))
        FliteVoices.lock.lock()
        defer { FliteVoices.lock.unlock() }
        let v = try FliteVoices.voice(voice)
        let ctx = Unmanaged.passUnretained(job).toOpaque()
        let status = vf_flite_synth(v, text, stretch, factor, fliteAudio, fliteWord, ctx)
        if status < 0 { throw NodeError.engine("flite could not synthesize \"\(text)\"") }
        return job
    }
}

private func fliteAudio(_ samples: UnsafePointer<Int16>?, _ count: Int32, _ last: Int32, _ user: UnsafeMutableRawPointer?) -> Int32 {
    let job = Unmanaged<FliteNode.Job>.fromOpaque(user!).takeUnretainedValue()
    if job.cancelled() { return 1 }
    if let samples, count > 0 {
        let buf = UnsafeBufferPointer(start: samples, count: Int(count))
        job.samples.append(contentsOf: buf.lazy.map { Float($0) / 32768 })
    }
    return 0
}

private func fliteWord(_ word: UnsafePointer<CChar>?, _ start: Float, _ end: Float, _ user: UnsafeMutableRawPointer?) {
    let job = Unmanaged<FliteNode.Job>.fromOpaque(user!).takeUnretainedValue()
    let r = Float(FliteVoices.rate)
    let s = Int((start * r).rounded()), e = Int((end * r).rounded())
    job.words.append(Mark(.word, word.map { String(cString: $0) } ?? "", start: s, end: max(s, e)))
}
