import VoxflowKit

/// Speaks each phrase with the engine of its voice and joins them at one rate, in phrase order, marks exact.
///
/// A phrase's voice: the one it names (SSML `<voice>`); else the utterance's (or the node's `voice`) when that voice
/// speaks the phrase's language, as its engine adapts it (`SpeechEngine.voice(for:…)`); else the best installed voice
/// for the phrase's language (`VoiceDirectory`); else the utterance's. So mixed English/Mandarin text goes to an English
/// voice for English runs and a Mandarin voice for Mandarin runs. Audio at another rate than `outputRate` is converted
/// phrase by phrase as it streams (`RateConverter`).
///
/// With `fallbacks` (acoustic.fallback), a phrase that fails with one voice is rendered with the next; each phrase is
/// then rendered into memory first, so a failed attempt sends nothing. Streaming thread, except `init`.
final class VoiceRouter: PhraseRenderer {
    let directory: VoiceDirectory
    let outputRate: Int
    let nativeLengthRange: ClosedRange<Double>
    /// The node's voice (its `voice` parameter); nil: chosen by language.
    private let nodeVoice: Routed?
    private let language: String
    private let fallbacks: [Routed]

    struct Routed {
        var engine: SpeechEngine
        var voice: EngineVoice
        var info: VoiceInfo?
    }

    /// Voices by name, resolved once per node.
    private var resolved: [String: Routed] = [:]

    /// Said once per utterance (voices of a fallback chain that could not be prepared).
    private let problems: [String]

    init(directory: VoiceDirectory, voice: String?, language: String, outputRate: Int, fallbacks: [String] = [],
         problems: [String] = []) throws {
        self.directory = directory
        self.problems = problems
        self.language = language
        let first = try voice.map { try Self.resolve($0, directory) }
        let chain = try fallbacks.map { try Self.resolve($0, directory) }
        nodeVoice = first ?? chain.first
        self.fallbacks = chain
        let defaultRate = nodeVoice?.voice.sampleRate ?? directory.best(forLanguage: language)?.voice.sampleRate
        self.outputRate = outputRate > 0 ? outputRate : (defaultRate ?? directory.all.map(\.voice.sampleRate).max() ?? 16_000)
        nativeLengthRange = nodeVoice?.engine.nativeLengthRange ?? directory.best(forLanguage: language)?.engine.nativeLengthRange ?? 1...1
    }

    private static func resolve(_ name: String, _ directory: VoiceDirectory) throws -> Routed {
        guard let engine = directory.engine(speaking: name) else { throw directory.unknown(name) }
        let voice = try engine.prepare(voice: name)
        return Routed(engine: engine, voice: voice, info: engine.voices.first { $0.name == voice.name })
    }

    private func routed(_ name: String) throws -> Routed {
        if let r = resolved[name] { return r }
        let r = try Self.resolve(name, directory)
        resolved[name] = r
        return r
    }

    func begin(_ utterance: EngineUtterance) throws {
        for (i, p) in problems.enumerated() { utterance.warn("problem \(i)", p + "; the next voice speaks instead") }
        if let name = utterance.controls.voice { utterance.voice = try routed(name).voice }
    }

    /// The best voice per language, ranked once per node (ranking lists every engine's voices).
    private var bestByLanguage: [String: Routed?] = [:]

    private func best(forLanguage language: String) throws -> Routed? {
        if let known = bestByLanguage[language] { return known }
        let r = try directory.best(forLanguage: language).map { try routed($0.voice.name) }
        bestByLanguage[language] = r
        return r
    }

    /// The voice for `p` (see the type's documentation).
    private func choose(_ p: ProsodyChunk, _ utterance: EngineUtterance) throws -> Routed {
        if let name = p.voice { return try routed(name) }
        let preferred = try utterance.voice.map { try routed($0.name) } ?? nodeVoice
        let language = p.language ?? utterance.controls.language
        if let preferred, language == nil || preferred.info?.speaks(language: language!) != false {
            return adapted(preferred, p, utterance)
        }
        if let r = try best(forLanguage: language ?? self.language) { return adapted(r, p, utterance) }
        if let preferred { return preferred }
        throw NodeError.engine("no installed voice speaks \(language ?? self.language) (voxflow voices lists them)")
    }

    private func adapted(_ r: Routed, _ p: ProsodyChunk, _ utterance: EngineUtterance) -> Routed {
        guard let v = try? r.engine.voice(for: p, preferred: r.voice, utterance: utterance), v != r.voice else { return r }
        return Routed(engine: r.engine, voice: v, info: r.engine.voices.first { $0.name == v.name })
    }

    func render(_ phrase: EnginePhrase, _ utterance: EngineUtterance, base: Int, lengthFactor: Double,
                sink: @escaping (AcousticChunk) -> Void) throws -> Int? {
        guard !fallbacks.isEmpty else {
            return try render(phrase, with: try choose(phrase.prosody, utterance), utterance, base: base, lengthFactor: lengthFactor, sink: sink)
        }
        // The voice the phrase or the utterance names goes first, then the chain in order.
        var candidates: [Routed] = []
        var failures: [String] = []
        if let name = phrase.prosody.voice ?? utterance.voice?.name {
            do { candidates.append(try routed(name)) } catch { failures.append("\(name) failed: \(error)") }
        }
        candidates += fallbacks.filter { f in !candidates.contains { $0.voice == f.voice } }
        for r in candidates {
            let kept = ChunkRelay()
            do {
                guard let n = try render(phrase, with: r, utterance, base: base, lengthFactor: lengthFactor, sink: kept.keep) else { return nil }
                if !failures.isEmpty {
                    utterance.warn("fallback \(phrase.prosody.index)", "phrase \(phrase.prosody.index + 1) spoken with voice \(r.voice.name) "
                                   + "(\(failures.joined(separator: "; ")))", phrase: phrase.prosody.index)
                }
                kept.kept.forEach(sink)
                return n
            } catch {
                failures.append("\(r.voice.name) failed: \(error)")
            }
        }
        throw NodeError.engine("every voice failed on phrase \(phrase.prosody.index + 1): \(failures.joined(separator: "; "))")
    }

    private func render(_ phrase: EnginePhrase, with r: Routed, _ utterance: EngineUtterance, base: Int, lengthFactor: Double,
                        sink: @escaping (AcousticChunk) -> Void) throws -> Int? {
        if r.voice.sampleRate == outputRate {
            return try PhraseWriter.render(phrase, engine: r.engine, voice: r.voice, utterance: utterance, base: base,
                                           lengthFactor: lengthFactor, sink: sink)
        }
        let converter = try RateConverter(from: r.voice.sampleRate, to: outputRate, base: base, sink: sink)
        guard try PhraseWriter.render(phrase, engine: r.engine, voice: r.voice, utterance: utterance, base: 0,
                                      lengthFactor: lengthFactor, sink: converter.push) != nil else { return nil }
        return converter.finish()
    }
}
