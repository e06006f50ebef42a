import Foundation
import VoxflowApp

/// The per-cue report as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted).
///
///     index,start,end,slot,speaker,voice,text,natural,target,achieved,ratio,placed,overflow,cached,warnings,key
///     1,0.500,2.000,1.500,ALICE,VOICE,Good morning.,0.912,1.500,1.500,1.645,0.500,0.000,no,,3f9a…
///
/// Times in seconds with millisecond precision; `cached` is yes or no; `warnings` joins a cue's
/// warnings with "; "; `key` names the cue's files in the cache (KEY.flac, KEY.json).
enum DubReport {
    static let columns = ["index", "start", "end", "slot", "speaker", "voice", "text", "natural", "target", "achieved", "ratio",
                          "placed", "overflow", "cached", "warnings", "key"]

    static func csv(_ results: [DubResult]) -> String {
        var rows = [columns.joined(separator: ",")]
        func t(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "" }
        for r in results {
            var warnings = r.warnings
            if let f = r.failed { warnings.insert("failed: \(f)", at: 0) }
            let fields = [String(r.cue.index), t(r.cue.start), t(r.cue.end), t(r.slot), r.cue.speaker ?? "", r.voice, r.cue.text,
                          t(r.natural), t(r.target), t(r.achieved), r.ratio.map { String(format: "%.3f", $0) } ?? "",
                          t(r.placed), t(r.overflow), r.key == nil ? "" : (r.cached ? "yes" : "no"),
                          warnings.joined(separator: "; "), r.key ?? ""]
            rows.append(fields.map(quote).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func write(_ results: [DubResult], to path: String) throws {
        try AtomicFile.write(Data(csv(results).utf8), to: path)
    }
}
