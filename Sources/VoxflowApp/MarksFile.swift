import Foundation
import VoxflowKit

/// Word timings of a rendering, written as JSON or WebVTT (`voxflow say --marks FILE`).
///
/// Positions are the output's own: after stretching and resampling, in seconds and in samples at
/// the output's rate. WebVTT gets one cue per word, or per phrase: words separated by less than
/// `phraseGap` of silence belong to one phrase (engines pause between phrases).
public enum MarksFile {
    public enum Unit: String, Sendable, CaseIterable { case word, phrase }
    public static let phraseGap = 0.08

    public static func write(_ marks: [Mark], rate: Int, to path: String, unit: Unit = .word) throws {
        let text: String
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": text = json(marks, rate: rate)
        case "vtt": text = vtt(marks, rate: rate, unit: unit)
        default: throw MarksFileError("\(path): marks are written as .json or .vtt")
        }
        let tmp = URL(fileURLWithPath: path).deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).partial-\(getpid())").path
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8)) else {
            throw MarksFileError("\(path): cannot write here (does the folder exist?)")
        }
        guard rename(tmp, path) == 0 else {
            unlink(tmp)
            throw MarksFileError("\(path): cannot replace the file (\(String(cString: strerror(errno))))")
        }
    }

    static func seconds(_ sample: Int, _ rate: Int) -> Double { (Double(sample) / Double(rate) * 1000).rounded() / 1000 }

    public static func json(_ marks: [Mark], rate: Int) -> String {
        func row(_ m: Mark) -> [String: Any] {
            ["text": m.text, "start": seconds(m.start, rate), "end": seconds(m.end, rate), "start_sample": m.start, "end_sample": m.end]
        }
        let doc: [String: Any] = [
            "sample_rate": rate,
            "words": marks.filter { $0.kind == .word }.map(row),
            "bookmarks": marks.filter { $0.kind == .bookmark }.map { ["name": $0.text, "time": seconds($0.start, rate), "sample": $0.start] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func vtt(_ marks: [Mark], rate: Int, unit: Unit) -> String {
        let words = marks.filter { $0.kind == .word }
        var cues: [(start: Int, end: Int, text: String)] = []
        for w in words {
            if unit == .phrase, let last = cues.last, Double(w.start - last.end) / Double(rate) < phraseGap {
                cues[cues.count - 1] = (last.start, max(last.end, w.end), last.text + " " + w.text)
            } else {
                cues.append((w.start, max(w.end, w.start + 1), w.text))
            }
        }
        var out = "WEBVTT\n"
        for (i, c) in cues.enumerated() {
            out += "\n\(i + 1)\n\(timestamp(c.start, rate)) --> \(timestamp(c.end, rate))\n\(c.text)\n"
        }
        return out
    }

    /// HH:MM:SS.mmm
    static func timestamp(_ sample: Int, _ rate: Int) -> String {
        let ms = Int((Double(sample) * 1000 / Double(rate)).rounded())
        return String(format: "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000)
    }
}

public struct MarksFileError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}
