import Foundation
import Testing
@testable import VoxflowText

/// The public test tables: `Tests/TextCases/<language>/<class>.tsv` (outside the test target's folder,
/// so SwiftPM does not ask to declare them as resources), one case a line,
/// `written<TAB>spoken`, `#` comments. A third field `gap` marks a case the normalizer is known
/// to read differently: it is run and reported, but does not fail the test (and is reported as
/// fixed when it passes, so the mark can go).
struct CaseTable {
    struct Row {
        var line: Int
        var written: String
        var spoken: String
        var knownGap: Bool
    }

    var language: String
    var name: String
    var path: String
    var rows: [Row]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TextCases")

    static func all() throws -> [CaseTable] {
        var tables: [CaseTable] = []
        for language in ["en", "zh"] {
            let folder = directory.appendingPathComponent(language)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }.sorted()
            for file in files {
                let path = folder.appendingPathComponent(file).path
                let text = try String(contentsOfFile: path, encoding: .utf8)
                var rows: [Row] = []
                for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if line.isEmpty || line.hasPrefix("#") { continue }
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                    guard fields.count == 2 || (fields.count == 3 && fields[2] == "gap") else {
                        throw CaseTableError(description: "\(path):\(i + 1): expected written<TAB>spoken[<TAB>gap]")
                    }
                    rows.append(Row(line: i + 1, written: fields[0], spoken: fields[1], knownGap: fields.count == 3))
                }
                tables.append(CaseTable(language: language, name: String(file.dropLast(4)), path: path, rows: rows))
            }
        }
        return tables
    }

    func normalize(_ text: String) -> String {
        language == "zh" ? MandarinNormalizer.normalize(text) : EnglishNormalizer.normalize(text)
    }
}

struct CaseTableError: Error, CustomStringConvertible { var description: String }

@Suite struct CaseTableTests {
    /// Every row of every table; each failing row is recorded with its file and line.
    @Test func everyTableRowReadsAsWritten() throws {
        let tables = try CaseTable.all()
        #expect(tables.count >= 12)
        var summary: [String] = []
        var total = 0, passed = 0
        for table in tables {
            var ok = 0, gaps = 0, fixed = 0
            for row in table.rows {
                let got = table.normalize(row.written)
                if got == row.spoken {
                    ok += 1
                    if row.knownGap { fixed += 1; print("FIXED (remove the gap mark) \(table.path):\(row.line): \(row.written)") }
                } else if row.knownGap {
                    gaps += 1
                } else {
                    Issue.record("\(table.language)/\(table.name).tsv:\(row.line): \"\(row.written)\"\n  expected: \(row.spoken)\n  got:      \(got)")
                }
            }
            total += table.rows.count
            passed += ok
            summary.append("\(table.language)/\(table.name): \(ok)/\(table.rows.count) exact" + (gaps > 0 ? ", \(gaps) known gaps" : "") + (fixed > 0 ? ", \(fixed) gaps fixed" : ""))
        }
        print("case tables:\n  " + summary.joined(separator: "\n  ") + "\n  total: \(passed)/\(total) exact")
    }

    /// Normalizing a table row's spoken form again changes nothing.
    @Test func everyTableRowIsAFixedPoint() throws {
        for table in try CaseTable.all() {
            for row in table.rows where !row.knownGap {
                let once = table.normalize(row.written)
                let twice = table.normalize(once)
                #expect(once == twice, "\(table.language)/\(table.name).tsv:\(row.line): \"\(once)\" → \"\(twice)\"")
            }
        }
    }

    /// Lists every row marked `gap` with what the normalizer says today (for the report).
    @Test func knownGapsAreListed() throws {
        for table in try CaseTable.all() {
            for row in table.rows where row.knownGap {
                print("gap \(table.language)/\(table.name).tsv:\(row.line): \(row.written) → \(table.normalize(row.written)) (wanted: \(row.spoken))")
            }
        }
    }

    /// Normalization stays under 1 ms per sentence: every table row, read 20 times.
    @Test func normalizationIsFast() throws {
        let rows = try CaseTable.all().flatMap { table in table.rows.map { (table, $0.written) } }
        for (table, text) in rows { _ = table.normalize(text) }   // warm caches
        let rounds = 20
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<rounds { for (table, text) in rows { _ = table.normalize(text) } }
        }
        let perSentence = elapsed / (rounds * rows.count)
        print("normalization: \(rows.count) sentences × \(rounds): \(perSentence) per sentence")
        #expect(perSentence < .milliseconds(1))
    }
}
