import Foundation

/// phrases.tsv, searched in place: the file's bytes and the offset of every line, nothing else.
///
/// The file is sorted by word (scripts/pinyin-data sorts by code point, which is also the byte
/// order of UTF-8), so a lookup is a binary search over lines comparing bytes, and a reading is
/// decoded only when its word is asked for. Loading 132,000 words this way takes a few
/// milliseconds where building a dictionary of them took ~65 ms, which the first Mandarin
/// utterance of a process would wait for.
struct PinyinPhraseIndex: Sendable {
    private let bytes: [UInt8]
    /// Start of each line; `lineStarts[i + 1] - 1` is one past its end (the line break).
    private let lineStarts: [Int32]
    private let tabs: [Int32]
    /// Characters in the longest word.
    let longest: Int

    init(_ url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? error.localizedDescription : "no such file"
            throw PinyinDictionaryError.unreadable(path: url.path, reason: reason)
        }
        bytes = [UInt8](data)
        var starts: [Int32] = [], tabs: [Int32] = []
        starts.reserveCapacity(bytes.count / 9)
        tabs.reserveCapacity(bytes.count / 9)
        var longest = 1
        var previous: ArraySlice<UInt8> = []
        var i = 0, number = 0
        let n = bytes.count
        while i < n {
            number += 1
            var end = i, tab = -1, characters = 0, syllables = 1
            while end < n, bytes[end] != 0x0A {
                let b = bytes[end]
                if b == 0x09 { if tab < 0 { tab = end } else { tab = -2 } }
                else if tab == -1, b & 0xC0 != 0x80 { characters += 1 }
                else if tab >= 0, b == 0x20 { syllables += 1 }
                end += 1
            }
            var last = end
            if last > i, bytes[last - 1] == 0x0D { last -= 1 }
            if last > i {
                func malformed(_ reason: String) -> PinyinDictionaryError { .malformed(path: url.path, line: number, reason: reason) }
                guard tab > i, tab + 1 < last else {
                    throw malformed("expected TEXT<TAB>READINGS, found \"\(String(decoding: bytes[i..<last], as: UTF8.self))\"")
                }
                let word = bytes[i..<tab]
                guard syllables == characters else {
                    throw malformed("\"\(String(decoding: word, as: UTF8.self))\" has \(characters) characters but \(syllables) syllables")
                }
                guard previous.lexicographicallyPrecedes(word) else {
                    throw malformed("\"\(String(decoding: word, as: UTF8.self))\" is out of order (the file must be sorted by word)")
                }
                previous = word
                starts.append(Int32(i))
                tabs.append(Int32(tab))
                longest = max(longest, characters)
            }
            i = end + 1
        }
        lineStarts = starts
        self.tabs = tabs
        self.longest = longest
    }

    var count: Int { lineStarts.count }

    /// Tone-numbered syllables of `word`, nil when it is not in the file (or its reading is not pinyin).
    func readings<S: StringProtocol>(_ word: S) -> [String]? {
        line(of: word).flatMap(decode)
    }

    func contains<S: StringProtocol>(_ word: S) -> Bool { line(of: word) != nil }

    private func line<S: StringProtocol>(of word: S) -> Int? {
        let key = Array(word.utf8)
        var lo = 0, hi = lineStarts.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let candidate = bytes[Int(lineStarts[mid])..<Int(tabs[mid])]
            if candidate.elementsEqual(key) { return mid }
            if candidate.lexicographicallyPrecedes(key) { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    private func decode(_ line: Int) -> [String]? {
        var end = line + 1 < lineStarts.count ? Int(lineStarts[line + 1]) - 1 : bytes.count
        while end > Int(tabs[line]), bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        let value = String(decoding: bytes[(Int(tabs[line]) + 1)..<end], as: UTF8.self)
        var out: [String] = []
        for s in value.split(separator: " ") {
            guard let syllable = PinyinSyllable(s) else { return nil }
            out.append(syllable.numbered)
        }
        return out
    }
}
