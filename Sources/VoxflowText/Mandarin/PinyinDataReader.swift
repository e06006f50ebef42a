import Foundation

/// Reads the two data files of PinyinDictionary, turning tone marks into tone numbers.
///
/// Works on the files' bytes: the 150,000 syllables of the data are only ~1,600 distinct
/// spellings, each converted once and then found by its bytes (PackedSyllable), which keeps a
/// release-build load near 35 ms where String-based splitting and hashing took over 100 ms.
struct PinyinDataReader {
    /// Tone-marked syllable as written in the files → numbered syllable.
    private var numbered: [PackedSyllable: String] = [:]
    /// Letters of every syllable met, without tone.
    private(set) var syllables: Set<String> = []

    /// chars.tsv: `CHAR<TAB>reading,reading,…`.
    mutating func readCharacters(_ url: URL) throws -> [Unicode.Scalar: [String]] {
        var out: [Unicode.Scalar: [String]] = [:]
        out.reserveCapacity(45_000)
        try forEachLine(of: url) { line, number, reader in
            let (key, value) = try reader.fields(line, url, number)
            let character = String(decoding: key, as: UTF8.self)
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else {
                throw reader.malformed(url, number, "expected one character before the tab, found \"\(character)\"")
            }
            out[scalar] = try reader.syllables(value, separator: UInt8(ascii: ","), url, number)
        }
        return out
    }

    // MARK: -

    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// Calls `body` with each non-empty line (without its line break) and its 1-based number.
    private mutating func forEachLine(of url: URL, _ body: (Bytes, Int, inout PinyinDataReader) throws -> Void) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? error.localizedDescription : "no such file"
            throw PinyinDictionaryError.unreadable(path: url.path, reason: reason)
        }
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            var number = 0
            while start < bytes.count {
                number += 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var last = end
                if last > start, bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                if last > start { try body(bytes[start..<last], number, &self) }
                start = end + 1
            }
        }
    }

    private func fields(_ line: Bytes, _ url: URL, _ number: Int) throws -> (Bytes, Bytes) {
        let tab = UInt8(ascii: "\t")
        guard let i = line.firstIndex(of: tab), i > line.startIndex, i + 1 < line.endIndex,
              !line[(i + 1)...].contains(tab) else {
            throw malformed(url, number, "expected TEXT<TAB>READINGS, found \"\(String(decoding: line, as: UTF8.self))\"")
        }
        return (line[..<i], line[(i + 1)...])
    }

    private mutating func syllables(_ value: Bytes, separator: UInt8, _ url: URL, _ number: Int) throws -> [String] {
        var out: [String] = []
        out.reserveCapacity(value.count / 3)
        var start = value.startIndex
        while start < value.endIndex {
            let end = value[start...].firstIndex(of: separator) ?? value.endIndex
            let written = value[start..<end]
            start = end + 1
            if written.isEmpty { continue }
            if let packed = PackedSyllable(written), let known = numbered[packed] {
                out.append(known)
                continue
            }
            let text = String(decoding: written, as: UTF8.self)
            guard let packed = PackedSyllable(written), let s = PinyinSyllable(text) else {
                throw malformed(url, number, "\"\(text)\" is not a pinyin syllable")
            }
            numbered[packed] = s.numbered
            syllables.insert(s.letters)
            out.append(s.numbered)
        }
        return out
    }

    private func malformed(_ url: URL, _ line: Int, _ reason: String) -> PinyinDictionaryError {
        .malformed(path: url.path, line: line, reason: reason)
    }
}

/// Up to 16 bytes of a written syllable as a cheap dictionary key.
private struct PackedSyllable: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count: UInt8

    init?(_ bytes: PinyinDataReader.Bytes) {
        guard bytes.count <= 16 else { return nil }
        count = UInt8(bytes.count)
        for (i, b) in bytes.enumerated() {
            if i < 8 { low |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
    }
}
