import Foundation

/// A user's own readings: written text → what to say, read before any rule.
///
/// A lexicon file is UTF-8 TSV, one entry a line: the written form, a tab, the spoken form.
/// Blank lines and lines starting with `#` are ignored.
///
/// ```
/// # written<TAB>spoken
/// Voxflow	vox flow
/// Mt. Fuji	Mount Fuji
/// SQL	sequel
/// 重庆	崇庆
/// ```
///
/// Invariants:
/// - English entries match whole words, case-sensitively, ignoring the punctuation around them
///   ("SQL," matches `SQL`); an entry may span several words ("Mt. Fuji").
/// - Mandarin entries (any entry with a Han character) match anywhere inside a Mandarin run,
///   longest first.
/// - A lexicon entry wins over every built-in rule.
public struct UserLexicon: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var written: String
        public var spoken: String
        /// The line of the file the entry came from (1-based), 0 when built in code.
        public var line: Int
    }

    public private(set) var entries: [Entry]
    /// English entries by their first word, longest entries first.
    let byFirstWord: [String: [(words: [EnglishToken], spoken: String)]]
    /// Mandarin entries, longest written form first.
    let hanEntries: [(written: String, spoken: String)]

    public init(entries: [Entry]) {
        self.entries = entries
        var byFirst: [String: [(words: [EnglishToken], spoken: String)]] = [:]
        var han: [(String, String)] = []
        for entry in entries {
            // Mandarin runs get every entry without Latin letters ("重庆", "6·18").
            if !entry.written.contains(where: \.isASCIILetter) { han.append((entry.written, entry.spoken)) }
            if LanguageRuns.containsHan(entry.written) { continue }
            let words = EnglishToken.tokenize(entry.written)
            guard let first = words.first, !first.core.isEmpty else { continue }
            byFirst[first.core, default: []].append((words, entry.spoken))
        }
        byFirstWord = byFirst.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        hanEntries = han.sorted { $0.0.count > $1.0.count }
    }

    /// `(written, spoken)` pairs, for code and tests.
    public init(_ pairs: [(String, String)]) {
        self.init(entries: pairs.map { Entry(written: $0.0, spoken: $0.1, line: 0) })
    }

    /// Parses lexicon TSV; `file` names the source in errors.
    public init(tsv: String, file: String) throws(LexiconError) {
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        for (index, raw) in tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = index + 1
            let text = raw
            if text.allSatisfy(\.isWhitespace) || text.hasPrefix("#") { continue }
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw LexiconError(file: file, line: line, reason: fields.count == 1
                    ? "expected written<TAB>spoken, found no tab"
                    : "expected two fields (written<TAB>spoken), found \(fields.count)")
            }
            let written = fields[0].trimmingCharacters(in: .whitespaces)
            let spoken = fields[1].trimmingCharacters(in: .whitespaces)
            guard !written.isEmpty else { throw LexiconError(file: file, line: line, reason: "the written form is empty") }
            guard !spoken.isEmpty else { throw LexiconError(file: file, line: line, reason: "the spoken form of \"\(written)\" is empty") }
            if let first = seen[written] {
                throw LexiconError(file: file, line: line, reason: "\"\(written)\" is already defined on line \(first)")
            }
            seen[written] = line
            entries.append(Entry(written: written, spoken: spoken, line: line))
        }
        self.init(entries: entries)
    }

    /// Reads a lexicon file.
    public static func load(path: String) throws(LexiconError) -> UserLexicon {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, reason: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: path, line: 0, reason: "the file is not UTF-8 text")
        }
        return try UserLexicon(tsv: text, file: path)
    }

    public static func == (a: UserLexicon, b: UserLexicon) -> Bool { a.entries == b.entries }
}

/// A malformed lexicon file: which file, which line, what is wrong.
public struct LexiconError: Error, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the whole file is at fault.
    public var line: Int
    public var reason: String

    public var description: String {
        line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
    }
}
