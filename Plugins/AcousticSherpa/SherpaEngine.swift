import CSherpa
import Foundation

/// One loaded sherpa-onnx text-to-speech engine (`SherpaOnnxOfflineTts`), shared by every node speaking its voice.
///
/// Generation holds `lock`: one phrase at a time per engine (ONNX Runtime sessions are not meant to be run
/// concurrently by sherpa-onnx's engine). The engine is destroyed when the last reference goes (an unloaded model stays
/// alive until the phrase rendering with it has finished).
final class SherpaEngine: @unchecked Sendable {
    let spec: SherpaModelSpec
    let sampleRate: Int
    let speakers: Int
    private let tts: UnsafeRawPointer
    let lock = NSLock()

    /// Control thread. Opens the model in this process; check it with `SherpaModelCheck` first.
    init(_ spec: SherpaModelSpec, threads: Int) throws {
        _ = try SherpaLibrary.require()
        let strings = [spec.model, spec.tokens, spec.lexicon ?? "", spec.vocoder ?? "", spec.voices ?? "", spec.decoder ?? ""]
        var c = strings.map { strdup($0)! }
        defer { c.forEach { free($0) } }
        var config = vf_sherpa_config()
        config.kind = spec.kind.code
        config.model = UnsafePointer(c[0])
        config.tokens = UnsafePointer(c[1])
        config.lexicon = spec.lexicon == nil ? nil : UnsafePointer(c[2])
        config.vocoder = spec.vocoder == nil ? nil : UnsafePointer(c[3])
        config.voices = spec.voices == nil ? nil : UnsafePointer(c[4])
        config.decoder = spec.decoder == nil ? nil : UnsafePointer(c[5])
        // sherpa-onnx reads a noise scale of exactly 0 as "use the default" (PLATFORM-NOTES); a config's 0 means none.
        config.noise_scale = Float(Self.nonZero(spec.noiseScale))
        config.noise_scale_w = Float(Self.nonZero(spec.noiseScaleW))
        config.length_scale = Float(spec.lengthScale)
        config.num_threads = Int32(threads)
        guard let t = vf_sherpa_create(&config) else { throw SherpaError.modelRefused(path: spec.path, detail: "") }
        tts = t
        self.spec = spec
        sampleRate = Int(vf_sherpa_sample_rate(t))
        speakers = max(1, Int(vf_sherpa_num_speakers(t)))
    }

    deinit { vf_sherpa_destroy(tts) }

    /// What to pass for a scale that must be able to be 0: 0 becomes 1e-5 (inaudible, and not sherpa-onnx's "default").
    static func nonZero(_ scale: Double) -> Double { scale == 0 ? 1e-5 : scale }

    /// What one generation asks for.
    struct Request {
        /// IPA per clause (pre-phonemized input), or empty to pass `text` (lexicon models, ZipVoice).
        var clauses: [String]
        var text: String
        var speaker: Int
        /// Speed (1/length factor): > 1 faster.
        var speed: Double
        var reference: VoiceReference.Audio?
        var numSteps = 0
    }

    /// Streaming thread (the caller's). Generates `request` one clause at a time (one sentence per sherpa-onnx call:
    /// a batch of one, which every VITS export accepts, and each clause's audio leaves as soon as it is rendered);
    /// `onAudio` receives each clause's samples (return false to stop). Returns the samples generated, nil when stopped.
    func generate(_ request: Request, onAudio: @escaping (UnsafeBufferPointer<Float>) -> Bool) throws -> Int? {
        let box = CallbackBox(onAudio)
        let clauses = request.clauses.map { $0.unicodeScalars.map { Int32(bitPattern: $0.value) } }.filter { !$0.isEmpty }
        var total = 0
        lock.lock()
        defer { lock.unlock() }
        for cps in clauses.isEmpty ? [[]] : clauses {
            var n: Int32 = 0
            let len = [Int32(cps.count)]
            let status: Int32 = cps.withUnsafeBufferPointer { cp in
                len.withUnsafeBufferPointer { ln in
                    let refSamples = request.reference?.samples ?? []
                    return refSamples.withUnsafeBufferPointer { ref in
                        vf_sherpa_generate(tts, request.text, cps.isEmpty ? nil : cp.baseAddress, cps.isEmpty ? nil : ln.baseAddress,
                                           cps.isEmpty ? 0 : 1, Int32(request.speaker), Float(request.speed),
                                           ref.isEmpty ? nil : ref.baseAddress, Int32(ref.count), Int32(request.reference?.rate ?? 0),
                                           request.reference?.text, Int32(request.numSteps), sherpaAudio,
                                           Unmanaged.passUnretained(box).toOpaque(), &n)
                    }
                }
            }
            switch status {
            case 0: total += Int(n)
            case 1: return nil
            default: throw SherpaError.generationFailed(voice: spec.name, text: request.text)
            }
        }
        return total
    }
}

private final class CallbackBox {
    let fn: (UnsafeBufferPointer<Float>) -> Bool
    init(_ fn: @escaping (UnsafeBufferPointer<Float>) -> Bool) { self.fn = fn }
}

/// Called by sherpa-onnx (through the shim) on the thread inside `vf_sherpa_generate`.
private func sherpaAudio(_ samples: UnsafePointer<Float>?, _ n: Int32, _ progress: Float, _ user: UnsafeMutableRawPointer?) -> Int32 {
    let box = Unmanaged<CallbackBox>.fromOpaque(user!).takeUnretainedValue()
    return box.fn(UnsafeBufferPointer(start: n > 0 ? samples : nil, count: Int(max(n, 0)))) ? 1 : 0
}
