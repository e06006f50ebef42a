import Foundation
import VoxflowApp
import VoxflowText

extension SayCommand {
    /// Which voice speaks, for the line `say` prints ("voice: NAME (ENGINE, QUALITY)"): the one
    /// `--voice` names, else the best installed voice for the text's language, as acoustic.auto chooses it (an SSML
    /// `<voice>` in the text still wins for its phrases). With `--lang auto`, English and Mandarin runs are detected:
    /// the line names the voice of each language present.
    static func voiceLine(_ voxflow: Voxflow, voice: String?, language: String?, text: String) -> String {
        let directory = voxflow.voiceDirectory
        func describe(_ name: String) -> String {
            let engine = directory.engine(speaking: name)
            let quality = directory.info(name)?.quality.rawValue
            let about = [engine?.name, quality].compactMap { $0 }
            return about.isEmpty ? name : name + " (" + about.joined(separator: ", ") + ")"
        }
        if let voice { return "voice: " + describe(voice) }
        let languages: [String]
        if let language {
            languages = [language]
        } else {
            let han = LanguageRuns.containsHan(text)
            let latin = text.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value < 0x250 }
            languages = han ? (latin ? ["en", "zh"] : ["zh"]) : ["en"]
        }
        let parts = languages.map { l in
            directory.best(forLanguage: l).map { "\(describe($0.voice.name))" + (languages.count > 1 ? " for \(l)" : "") }
                ?? "none installed for \(l)"
        }
        return "voice: " + parts.joined(separator: "; ")
    }
}
