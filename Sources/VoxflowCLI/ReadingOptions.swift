import ArgumentParser
import VoxflowKit
import VoxflowText

/// `--lang` and `--plain`: how text is read, for `say`, `normalize` and `tag`.
struct LanguageOptions: ParsableArguments {
    @Option(help: "Language of the text: auto (English and Mandarin runs detected), en, zh, or another espeak-ng language.")
    var lang: String = "auto"

    @Flag(help: "Read the text as plain text: no SSML, no inline tags.")
    var plain = false

    var frontEnd: TextFrontEnd { TextFrontEnd(markup: !plain, language: lang) }
    /// The utterance's language: nil for auto.
    var language: String? { lang == "auto" ? nil : lang }
}

/// `--emotion` and `--intensity`, for `say` and `tag`.
struct EmotionOptions: ParsableArguments {
    static let names = Emotion.allCases.map(\.rawValue).joined(separator: ", ")

    @Option(help: "Emotion: \(EmotionOptions.names). Tags in the text override it.")
    var emotion: String?

    @Option(help: "Intensity of --emotion, 0–1.")
    var intensity: Double = 0.6

    /// Fails with a message naming the known emotions, or the allowed intensities.
    func check() throws {
        if let e = emotion, Emotion(rawValue: e) == nil { throw Console.fail("unknown emotion \"\(e)\" (known: \(Self.names))") }
        guard (0...1).contains(intensity) else { throw Console.fail("--intensity must be from 0 to 1") }
    }
}
