import CEspeak
import Foundation
import VoxflowKit

/// libespeak-ng, one engine per process: loaded on first use (the factory's descriptor needs its
/// sample rate), then shared by every acoustic.espeak node under `lock`.
///
/// Determinism: espeak-ng 1.51 keeps synthesis state between calls in globals no API resets
/// (its wave generator's pitch-flutter index, phase and gain control are function statics; a
/// comma's pause also varies with what was said before), so a text spoken twice in one process
/// differs by milliseconds and in most samples. The only reset is a fresh copy of the
/// library (`vf_espeak_reload`: terminate, dlclose, dlopen, initialize; ~2 ms plus ~0.3–4 ms to
/// load a voice). `use(_:fresh:)` reloads when asked for a fresh engine and the loaded one has
/// spoken or holds another voice; `prewarm(_:)` does it ahead of time, after a phrase.
enum EspeakEngine {
    /// Held around every call into espeak-ng: it has one global engine.
    static let lock = NSLock()

    /// What loading found. Evaluated once, on first use, outside `lock`.
    private static let opened: (rate: Int, voices: [EspeakVoice], variants: Set<String>, error: String?, canReset: Bool) = {
        lock.lock()
        defer { lock.unlock() }
        var message = [CChar](repeating: 0, count: 512)
        let rate = vf_espeak_open(&message, Int32(message.count))
        guard rate > 0 else { return (fallbackRate, [], [], text(message), false) }
        return (Int(rate), EspeakVoice.installed(), EspeakVoice.variants(), nil, vf_espeak_can_reload() != 0)
    }()

    /// espeak-ng's rate when it cannot be loaded (so the node type still describes itself).
    static let fallbackRate = 22_050

    /// The voice list: from the listing kept on disk when it still matches espeak-ng's data, else read from the loaded
    /// library (and kept). Listing voices thus loads nothing in most runs; speaking loads the library (`opened`).
    private static let listing: EspeakVoiceListing = {
        if let cached = EspeakVoiceListing.read() { return cached }
        let o = opened
        let fresh = EspeakVoiceListing(rate: o.rate, voices: o.voices, variants: o.variants)
        if o.error == nil { fresh.write() }
        return fresh
    }()

    /// The output rate, as espeak_Initialize reported it.
    static var rate: Int { listing.rate }
    /// Every installed voice (espeak_ListVoices), named as `EspeakVoice.name` explains.
    static var voices: [EspeakVoice] { listing.voices }
    /// Voice variants any voice takes after a `+` ("cmn-latn-pinyin+f3").
    static var variants: Set<String> { listing.variants }
    /// Why libespeak-ng could not be loaded, nil when it was.
    static var loadError: String? { opened.error }
    /// False when another module of this process had loaded libespeak-ng first: then the engine
    /// cannot be reset and output is not deterministic.
    static var canReset: Bool { opened.canReset }

    // State of the loaded copy; guarded by `lock`.
    nonisolated(unsafe) private static var current: String?
    /// Voices selected since the copy was loaded, in order.
    nonisolated(unsafe) private static var selected: [String] = []
    nonisolated(unsafe) private static var spoken = false

    /// Caller holds `lock`. Makes `voice` the engine's voice. `fresh`: the engine must be in the
    /// state of a newly loaded copy with only this voice selected (a deterministic phrase).
    static func use(_ voice: EspeakVoice, fresh: Bool) throws {
        if fresh, spoken || selected != [voice.identifier] || current != voice.identifier, vf_espeak_can_reload() != 0 {
            try reload()
        }
        if current != voice.identifier {
            guard vf_espeak_set_voice(voice.identifier) == 0 else {
                throw NodeError.engine("espeak-ng could not load voice \(voice.name) (\(voice.identifier))")
            }
            current = voice.identifier
            selected.append(voice.identifier)
        }
    }

    /// Caller holds `lock`. Absolute espeak_SetParameter values (rate in words per minute,
    /// pitch and range 0–100, volume 0–200).
    static func set(rate: Int, pitch: Int, range: Int, volume: Int = 100) {
        vf_espeak_set_parameter(Int32(VF_ESPEAK_RATE), Int32(rate))
        vf_espeak_set_parameter(Int32(VF_ESPEAK_PITCH), Int32(pitch))
        vf_espeak_set_parameter(Int32(VF_ESPEAK_RANGE), Int32(range))
        vf_espeak_set_parameter(Int32(VF_ESPEAK_VOLUME), Int32(volume))
    }

    /// Caller holds `lock`. Speaks `text`; `job` receives audio and events on this thread.
    /// Returns false when the job stopped it.
    static func synthesize(_ text: String, job: EspeakPhraseJob) throws -> Bool {
        spoken = true
        let status = vf_espeak_synth(text, espeakAudio, Unmanaged.passUnretained(job).toOpaque())
        if status < 0 { throw NodeError.engine("espeak-ng could not synthesize \"\(text)\"") }
        return status == 0
    }

    /// Takes `lock`. After a phrase: replaces a copy that has spoken by a fresh one with `voice`
    /// selected, so that the next phrase starts without the reload's cost.
    static func prewarm(_ voice: EspeakVoice) {
        guard loadError == nil else { return }
        lock.lock()
        defer { lock.unlock() }
        guard spoken, vf_espeak_can_reload() != 0 else { return }
        try? reload()
        try? use(voice, fresh: false)
    }

    /// A NUL-terminated message buffer as a string.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func reload() throws {
        var message = [CChar](repeating: 0, count: 512)
        current = nil
        selected = []
        spoken = false
        guard vf_espeak_reload(&message, Int32(message.count)) > 0 else {
            throw NodeError.engine("espeak-ng could not be reloaded: \(text(message))")
        }
    }
}

/// Called by espeak-ng (through the C shim) on the thread inside `vf_espeak_synth`.
private func espeakAudio(_ samples: UnsafePointer<Int16>?, _ count: Int32, _ events: UnsafePointer<vf_espeak_event>?,
                         _ eventCount: Int32, _ user: UnsafeMutableRawPointer?) -> Int32 {
    let job = Unmanaged<EspeakPhraseJob>.fromOpaque(user!).takeUnretainedValue()
    let audio = UnsafeBufferPointer(start: count > 0 ? samples : nil, count: Int(max(count, 0)))
    let evs = UnsafeBufferPointer(start: eventCount > 0 ? events : nil, count: Int(max(eventCount, 0)))
    return job.receive(audio, events: evs) ? 0 : 1
}
