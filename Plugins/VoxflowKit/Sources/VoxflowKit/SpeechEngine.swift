/// A speech engine: declares its voices and renders one phrase at a time. The SDK's `EngineNode` drives it — per-utterance
/// state, duration targets held for a native fit (`NativeFit`), emission outside the engine's lock (`EngineEmitter`),
/// pauses, bookmarks, ~100 ms chunks and marks (`PhraseWriter`) — so an engine writes its render step and nothing else.
///
/// ```
///   prosody ─▶ EngineNode ──(phrase, voice, length factor)──▶ SpeechEngine.render ──samples, words──▶ PhraseWriter ─▶ out
/// ```
///
/// Threads: `voices`, `speaks` and `prepare` run on the control thread (graph build, `voxflow voices`) and, for a voice an
/// utterance names, on the streaming thread of the node that drives the engine; `voice(for:…)` and `render` run on
/// that streaming thread. One engine object may be driven by several nodes at once (each graph has its own): an engine
/// with process-wide state takes its own lock inside `render`, and the writer never waits for downstream while it
/// holds it.
public protocol SpeechEngine: AnyObject {
    /// The node type that speaks with this engine alone ("acoustic.flite"): in messages, listings and `LoadedModel`.
    var name: String { get }
    /// Every voice, the engine's preferred ones marked `isDefault`.
    var voices: [VoiceInfo] { get }
    /// Length factors rendered natively for a duration target; beyond them the vocoder stretches.
    var nativeLengthRange: ClosedRange<Double> { get }
    /// Whether `name` is one of its voices, or a form of one (espeak-ng's "+f3" variants, a model's path).
    func speaks(voice name: String) -> Bool
    /// The voice called `name`, ready to render (a model loaded). Throws a `NodeError` naming what is wrong.
    func prepare(voice name: String) throws -> EngineVoice
    /// The voice that speaks `phrase` when the utterance's voice is `preferred` and the phrase names none (espeak-ng picks
    /// one of the phrase's language). The default keeps `preferred`.
    func voice(for phrase: ProsodyChunk, preferred: EngineVoice, utterance: EngineUtterance) throws -> EngineVoice
    /// Semitones of `phrase`'s pitch shift the engine cannot apply with `voice` (the vocoder applies them). Default: all
    /// of them for a voice without the `pitch` feature, none otherwise.
    func residualPitch(_ phrase: EnginePhrase, voice: EngineVoice) -> Double
    /// Renders `phrase` with `voice`, its length multiplied by `lengthFactor`, into `writer`: speech samples at
    /// `voice.sampleRate` and word timings. Pauses, bookmarks, gain and chunking are the writer's. Returns early when
    /// `writer.isCancelled`.
    func render(_ phrase: EnginePhrase, voice: EngineVoice, lengthFactor: Double, into writer: PhraseWriter) throws
}

extension SpeechEngine {
    public var nativeLengthRange: ClosedRange<Double> { 1...1 }
    public func speaks(voice name: String) -> Bool { voices.contains { $0.name == name } }
    public func voice(for phrase: ProsodyChunk, preferred: EngineVoice, utterance: EngineUtterance) throws -> EngineVoice { preferred }
    public func residualPitch(_ phrase: EnginePhrase, voice: EngineVoice) -> Double {
        let features = voices.first { $0.name == voice.name }?.features ?? []
        return features.contains(.pitch) ? 0 : phrase.semitones
    }

    /// The voice used when nothing names one: the first marked `isDefault`, else the first.
    public var defaultVoice: VoiceInfo? { voices.first { $0.isDefault } ?? voices.first }

    /// `prepare` for a listed voice name; throws `NodeError.unknownVoice` listing the voices otherwise.
    public func listedVoice(_ name: String) throws -> EngineVoice {
        guard let v = voices.first(where: { $0.name == name }) else { throw NodeError.unknownVoice(name, available: voices.map(\.name)) }
        return EngineVoice(name: v.name, sampleRate: v.sampleRate)
    }
}

/// A voice made ready by its engine: its name and the rate it renders at. `key` is the engine's own handle
/// (a model path, a variant) when the name alone does not say it.
public struct EngineVoice: Sendable, Hashable {
    public var name: String
    public var sampleRate: Int
    public var key: String

    public init(name: String, sampleRate: Int, key: String? = nil) {
        self.name = name
        self.sampleRate = sampleRate
        self.key = key ?? name
    }
}
