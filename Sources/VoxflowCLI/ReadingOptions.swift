import ArgumentParser
import VoxflowApp
import VoxflowKit
import VoxflowText

/// `--lang` and `--plain`: how text is read, for `say`, `normalize` and `tag`.
struct LanguageOptions: ParsableArguments {
    @Option(help: "Language of the text: auto (English and Mandarin runs detected), en, zh, or any BCP 47 language an installed voice speaks.")
    var lang: String = "auto"

    @Flag(help: "Read the text as plain text: no SSML, no inline tags.")
    var plain = false

    var frontEnd: TextFrontEnd { TextFrontEnd(markup: !plain, language: lang) }
    /// The utterance's language: nil for auto.
    var language: String? { lang == "auto" ? nil : lang }
}

/// `--emotion` and `--intensity`, for `say` and `tag`.
struct EmotionOptions: ParsableArguments {
    static let names = RequestModel.emotions.joined(separator: ", ")

    @Option(help: "Emotion: \(EmotionOptions.names). Tags in the text override it.")
    var emotion: String?

    @Option(help: "Intensity of --emotion, 0–1.")
    var intensity: Double = RequestModel.intensity.defaultValue!

    /// Fails with a message naming the known emotions, or the allowed intensities.
    func check() throws {
        do {
            _ = try RequestModel.emotion(emotion)
            _ = try RequestModel.check(RequestModel.intensity, intensity)
        } catch { throw Console.fail("--\(error.field): \(error.message)") }
    }

    /// The emotion for `Controls` ("neutral" is none).
    var requested: String? { (try? RequestModel.emotion(emotion)) ?? nil }
}
