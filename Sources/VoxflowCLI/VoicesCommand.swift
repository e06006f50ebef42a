import ArgumentParser
import Foundation
import VoxflowApp

struct VoicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voices", abstract: "List the voices every loaded engine offers.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let voices = Voxflow().voices()
        if json {
            let rows: [[String: Any]] = voices.map {
                ["engine": $0.engine, "name": $0.voice.name, "language": $0.voice.language, "sample_rate": $0.voice.sampleRate,
                 "gender": $0.voice.gender, "default": $0.voice.isDefault, "summary": $0.voice.summary]
            }
            print(String(decoding: try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self))
            return
        }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
        print(pad("ENGINE", 16) + pad("VOICE", 8) + pad("LANGUAGE", 18) + pad("RATE", 7) + pad("GENDER", 8) + "DESCRIPTION")
        for (engine, v) in voices {
            print(pad(engine, 16) + pad(v.name + (v.isDefault ? "*" : ""), 8) + pad(v.language, 18) + pad(String(v.sampleRate), 7)
                  + pad(v.gender, 8) + v.summary)
        }
        if voices.isEmpty { print("no engine plugin is loaded (see `voxflow plugins`)") } else { print("* default") }
    }
}
