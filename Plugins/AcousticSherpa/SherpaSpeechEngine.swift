import Foundation
import VoxflowKit

/// sherpa-onnx's neural voices as a `SpeechEngine`: each phrase is phonemized with libespeak-ng (IPA, one sentence per
/// clause), generated clause by clause (each clause's audio leaves as soon as it is rendered), with word marks shared
/// out by phoneme count (`SherpaPhraseJob`).
///
/// Controls: rate and duration targets become the model's speed (length scale); `speaker` picks a speaker of a
/// multi-speaker model; these models cannot change pitch, so the shift is left to vocoder.stretch. Models load once per
/// process and are shared (`SherpaModelCache`). A node's engine is a copy set up by its parameters (speaker, length
/// scale, reference recording); it counts the node among each model's users while it lives.
final class SherpaSpeechEngine: SpeechEngine {
    let name = "acoustic.sherpa"
    /// Length factors reached through the model's speed (its length scale); VITS durations scale linearly with it.
    let nativeLengthRange: ClosedRange<Double> = 0.7...1.5
    let speaker: Int
    let lengthScale: Double
    let reference: VoiceReference.Audio?
    private let countsUsers: Bool
    private let lock = NSLock()
    /// Voices prepared by this engine, by key (the model's path).
    private var specs: [String: SherpaModelSpec] = [:]

    init(speaker: Int = 0, lengthScale: Double = 1, reference: VoiceReference.Audio? = nil, countsUsers: Bool = false) {
        self.speaker = speaker
        self.lengthScale = lengthScale
        self.reference = reference
        self.countsUsers = countsUsers
    }

    deinit {
        guard countsUsers else { return }
        for spec in specs.values { SherpaModelCache.shared.use(spec, -1) }
    }

    private var catalog: SherpaVoiceCatalog { SherpaVoiceCatalog.shared }

    var voices: [VoiceInfo] {
        _ = SherpaVoiceCatalog.reportProblems
        return catalog.voices.enumerated().map { catalog.info($1, isDefault: $0 == 0) }
    }

    /// A listed voice, or the path of a model (a file or folder) not listed.
    func speaks(voice name: String) -> Bool {
        catalog.voices.contains { $0.name == name || $0.path == name } || (name.contains("/") && FileManager.default.fileExists(atPath: name))
    }

    /// Resolves, checks and loads the voice (control thread, or the streaming thread for a voice an utterance names).
    func prepare(voice name: String) throws -> EngineVoice {
        do {
            _ = try SherpaLibrary.require()
            let spec = try catalog.voice(name)
            let engine = try SherpaModelCache.shared.engine(for: spec)
            guard speaker < engine.speakers else { throw SherpaError.speaker(voice: spec.name, speaker: speaker, count: engine.speakers) }
            lock.lock()
            let new = specs.updateValue(spec, forKey: spec.path) == nil
            lock.unlock()
            if new, countsUsers { SherpaModelCache.shared.use(spec, 1) }
            return EngineVoice(name: spec.name, sampleRate: engine.sampleRate, key: spec.path)
        } catch let e as SherpaError {
            throw e.nodeError
        }
    }

    private func spec(_ voice: EngineVoice) throws -> SherpaModelSpec {
        lock.lock()
        let s = specs[voice.key]
        lock.unlock()
        if let s { return s }
        _ = try prepare(voice: voice.key)
        lock.lock(); defer { lock.unlock() }
        return specs[voice.key]!
    }

    func render(_ phrase: EnginePhrase, voice: EngineVoice, lengthFactor: Double, into writer: PhraseWriter) throws {
        let text = phrase.prosody.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return }
        let spec = try spec(voice)
        do {
            let engine = try SherpaModelCache.shared.engine(for: spec)
            guard speaker < engine.speakers else { throw SherpaError.speaker(voice: spec.name, speaker: speaker, count: engine.speakers) }
            // Cloning and lexicon models read the text themselves; the others get espeak-ng IPA, clause by clause.
            let clauses = spec.kind.clones || spec.lexicon != nil ? [] : try SherpaPhonemizer.phonemize(text, voice: spec.espeakVoice)
            let job = SherpaPhraseJob(writer: writer)
            job.expect(clauses: clauses, text: text)
            let request = SherpaEngine.Request(clauses: clauses, text: text, speaker: speaker,
                                               speed: phrase.rate / lengthFactor / lengthScale, reference: reference)
            _ = try engine.generate(request) { samples in
                guard !writer.isCancelled else { return false }
                job.receive(samples)
                return true
            }
        } catch let e as SherpaError {
            throw e.nodeError
        }
    }
}
