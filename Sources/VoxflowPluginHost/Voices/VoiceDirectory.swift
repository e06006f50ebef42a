import VoxflowGraph
import VoxflowKit

/// Every voice of every loaded engine, and the host's choices among them — made from what engines declare (languages,
/// quality tier, the engine's own defaults), never from their names, so a new engine plugin needs no host change.
///
/// Ranking for a language: quality tier (natural › parametric › diphone › formant), then the engine's own preference
/// (`isDefault`), then load order. Control thread (it asks engines for their voices).
public final class VoiceDirectory: @unchecked Sendable {
    /// Engines in plugin load order.
    public let engines: [SpeechEngine]

    public init(engines: [SpeechEngine]) { self.engines = engines }

    /// A voice with the engine that speaks it.
    public struct Entry {
        public var engine: SpeechEngine
        public var voice: VoiceInfo
    }

    /// Every voice, engine by engine.
    public var all: [Entry] { engines.flatMap { e in e.voices.map { Entry(engine: e, voice: $0) } } }

    /// The engine that speaks `name` (a listed voice first, then a form an engine accepts: a variant, a path).
    public func engine(speaking name: String) -> SpeechEngine? {
        engines.first { e in e.voices.contains { $0.name == name } } ?? engines.first { $0.speaks(voice: name) }
    }

    /// The voices that speak `language`, best first.
    public func ranked(forLanguage language: String) -> [Entry] {
        var order = 0
        let scored = all.map { entry -> (Entry, Int) in order += 1; return (entry, order) }
            .filter { $0.0.voice.speaks(language: language) }
        return scored.sorted { a, b in
            if a.0.voice.quality != b.0.voice.quality { return a.0.voice.quality > b.0.voice.quality }
            if a.0.voice.isDefault != b.0.voice.isDefault { return a.0.voice.isDefault }
            return a.1 < b.1
        }.map(\.0)
    }

    /// The best installed voice for `language`, nil when no engine speaks it.
    public func best(forLanguage language: String) -> Entry? { ranked(forLanguage: language).first }

    /// Up to `count` distinct voices for `language`, best first, for speakers nobody gave a voice (dubbing): the best
    /// tier's voices first, so a cast sounds alike in quality.
    public func pool(forLanguage language: String, count: Int = 4) -> [String] {
        Array(ranked(forLanguage: language).map(\.voice.name).prefix(count))
    }

    /// The info of voice `name`, from the engine that speaks it.
    public func info(_ name: String) -> VoiceInfo? {
        for e in engines { if let v = e.voices.first(where: { $0.name == name }) { return v } }
        return nil
    }

    /// The error for a voice no engine speaks: a likely typo, the best voices, and where the whole list is.
    public func unknown(_ name: String) -> NodeError {
        let every = all
        let names = every.map(\.voice.name)
        let best = every.enumerated().sorted { a, b in
            if a.element.voice.quality != b.element.voice.quality { return a.element.voice.quality > b.element.voice.quality }
            if a.element.voice.isDefault != b.element.voice.isDefault { return a.element.voice.isDefault }
            return a.offset < b.offset
        }.prefix(6).map { "\($0.element.voice.name) (\($0.element.voice.quality.rawValue), \($0.element.voice.language))" }
        // Guessed among the voices people name (not espeak-ng's ~100 two-letter language voices, which match anything).
        let named = every.filter { $0.voice.quality != .formant || $0.voice.isDefault }.map(\.voice.name)
        let guess = closest(name, in: named).map { "did you mean '\($0)'? " } ?? ""
        return NodeError.engine("unknown voice '\(name)'; \(guess)the best installed: \(best.joined(separator: ", ")); "
                                + "`voxflow voices` lists all \(names.count)")
    }
}
