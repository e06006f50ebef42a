import Foundation

/// One subtitle cue: its time slot, its text (tags removed) and the speaker, when it names one.
public struct Cue: Sendable, Equatable {
    public var index: Int
    public var start: Double
    public var end: Double
    public var text: String
    public var speaker: String?
    /// Line of the cue's timing line in the file (1-based), for messages.
    public var line: Int
}

/// SRT and WebVTT parsing. Speaker tags: `ALICE: …` and `[Bob] …` in either format, `<v Bob>…` in WebVTT.
public enum Subtitles {
    public struct ParseError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func read(_ path: String) throws -> [Cue] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(file: path, line: 0, message: "cannot read the file (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ParseError(file: path, line: 0, message: "not UTF-8 text")
        }
        let isVTT = path.lowercased().hasSuffix(".vtt") || text.hasPrefix("WEBVTT") || text.hasPrefix("\u{FEFF}WEBVTT")
        return try parse(text, vtt: isVTT, file: path)
    }

    public static func parse(_ text: String, vtt: Bool, file: String = "<subtitles>") throws -> [Cue] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var i = 0
        if vtt {
            guard lines.first?.hasPrefix("WEBVTT") == true else {
                throw ParseError(file: file, line: 1, message: "a WebVTT file starts with 'WEBVTT'")
            }
            while i < lines.count && !lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
        }
        var cues: [Cue] = []
        while i < lines.count {
            if lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1; continue }
            if vtt, lines[i].hasPrefix("NOTE") || lines[i].hasPrefix("STYLE") || lines[i].hasPrefix("REGION") {
                while i < lines.count && !lines[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1 }
                continue
            }
            // Optional identifier line (SRT: the cue number).
            if !lines[i].contains("-->") {
                if !vtt, Int(lines[i].trimmingCharacters(in: .whitespaces)) == nil {
                    throw ParseError(file: file, line: i + 1, message: "expected a cue number, found '\(lines[i])'")
                }
                i += 1
            }
            guard i < lines.count, lines[i].contains("-->") else {
                throw ParseError(file: file, line: min(i, lines.count - 1) + 1,
                                 message: "expected a time line like '00:00:01\(vtt ? "." : ",")000 --> 00:00:03\(vtt ? "." : ",")500'"
                                    + (i < lines.count ? ", found '\(lines[i])'" : ", found the end of the file"))
            }
            let timeLine = i
            let parts = lines[i].components(separatedBy: "-->")
            let endField = parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            guard let start = time(parts[0].trimmingCharacters(in: .whitespaces)), let end = time(endField) else {
                throw ParseError(file: file, line: i + 1, message: "cannot read the times in '\(lines[i])' (use HH:MM:SS,mmm)")
            }
            guard end >= start else {
                throw ParseError(file: file, line: i + 1, message: "the cue ends (\(endField)) before it starts")
            }
            i += 1
            var textLines: [String] = []
            while i < lines.count && !lines[i].trimmingCharacters(in: .whitespaces).isEmpty {
                textLines.append(lines[i])
                i += 1
            }
            var (text, speaker) = speakerAndText(textLines.joined(separator: " "))
            text = text.trimmingCharacters(in: .whitespaces)
            cues.append(Cue(index: cues.count + 1, start: start, end: end, text: text, speaker: speaker, line: timeLine + 1))
        }
        return cues
    }

    /// "01:02:03,456", "01:02:03.456" or "02:03.456" → seconds.
    static func time(_ s: String) -> Double? {
        let norm = s.replacingOccurrences(of: ",", with: ".")
        let fields = norm.split(separator: ":")
        guard fields.count == 2 || fields.count == 3 else { return nil }
        var total = 0.0
        for (k, f) in fields.enumerated() {
            // Digits and one decimal point only: Double("0x1a"), Double("inf") and Double("1e3") parse.
            guard !f.isEmpty, f.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), f.filter({ $0 == "." }).count <= 1,
                  let v = Double(f), v.isFinite else { return nil }
            if k < fields.count - 1 && f.contains(".") { return nil }
            total = total * 60 + v
        }
        return total
    }

    static func speakerAndText(_ raw: String) -> (String, String?) {
        var text = raw
        var speaker: String?
        if let r = text.range(of: #"<v(\.[^ >]*)? ([^>]+)>"#, options: .regularExpression) {
            let tag = String(text[r])
            speaker = tag.dropFirst(2).split(separator: " ", maxSplits: 1).last.map { String($0.dropLast()) }
        }
        text = text.replacingOccurrences(of: #"</?[^>]+>"#, with: "", options: .regularExpression)
        if speaker == nil, let r = text.range(of: #"^\s*\[([^\]]+)\]\s*"#, options: .regularExpression) {
            speaker = String(text[r]).trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            text.removeSubrange(r)
        } else if speaker == nil, let r = text.range(of: #"^\s*([A-Z][A-Za-z0-9 _.'-]{0,30}):\s+"#, options: .regularExpression) {
            speaker = String(text[r]).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            text.removeSubrange(r)
        }
        return (text, speaker)
    }
}
