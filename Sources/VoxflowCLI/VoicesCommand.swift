import ArgumentParser
import Foundation
import VoxflowApp

struct VoicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voices", abstract: "List the voices every loaded engine offers.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "Only this engine's voices: its node type (voxflow plugins) with or without \"acoustic.\".")
    var engine: String?

    @Option(help: "Only voices whose language starts with this, e.g. en, zh, cmn, de.")
    var language: String?

    func run() throws {
        Log.setup(quiet: false, verbose: false)
        let voxflow = Voxflow()
        var voices = voxflow.voices()
        for entry in (ProcessInfo.processInfo.environment["VOXFLOW_VOICES"] ?? "").split(separator: ":")
        where !FileManager.default.fileExists(atPath: String(entry)) {
            Console.warn("VOXFLOW_VOICES lists \(entry), which does not exist")
        }
        if let e = engine { voices = voices.filter { $0.engine == e || $0.engine == "acoustic." + e } }
        if let l = language?.lowercased() {
            // The voice's language, its name, or an alias its description lists ("also zh-cmn, zh").
            voices = voices.filter { v in
                let aliases = v.voice.summary.components(separatedBy: "also ").dropFirst().first?
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
                return ([v.voice.language.lowercased(), v.voice.name.lowercased()] + aliases).contains { $0.hasPrefix(l) }
            }
        }
        if json {
            let rows: [[String: Any]] = voices.map {
                ["engine": $0.engine, "name": $0.voice.name, "language": $0.voice.language, "sample_rate": $0.voice.sampleRate,
                 "gender": $0.voice.gender, "default": $0.voice.isDefault, "quality": $0.voice.quality.rawValue, "summary": $0.voice.summary,
                 "speakers": voxflow.speakers(engine: $0.engine, voice: $0.voice.name) ?? 1]
            }
            print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
            return
        }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        let nameWidth = max(8, (voices.map { $0.voice.name.count + 2 }.max() ?? 0))
        let languageWidth = max(10, (voices.map { $0.voice.language.count + 1 }.max() ?? 0))
        print(pad("ENGINE", 16) + pad("VOICE", nameWidth) + pad("LANGUAGE", languageWidth) + pad("QUALITY", 11) + pad("RATE", 7) + pad("GENDER", 8) + "DESCRIPTION")
        for (engine, v) in voices {
            print(pad(engine, 16) + pad(v.name + (v.isDefault ? "*" : ""), nameWidth) + pad(v.language, languageWidth)
                  + pad(v.quality.rawValue, 11) + pad(String(v.sampleRate), 7) + pad(v.gender, 8) + v.summary)
        }
        if voices.isEmpty {
            print(engine != nil || language != nil ? "no voice matches (see `voxflow voices` for all)" : "no engine plugin is loaded (see `voxflow plugins`)")
        } else {
            print("* default")
        }
    }
}
