import Foundation

/// One pinyin syllable: its letters (ü written v, as in "lv") and its tone, 1–4, or 5 for the
/// neutral tone. Reads tone marks ("lǜ"), tone numbers ("lv4", "lu:4"), or no tone ("ma" → 5).
struct PinyinSyllable: Hashable, Sendable {
    /// Lowercase letters, ü as v; j, q, x, y + ü written u ("ju", "yue"); ê kept.
    var letters: String
    var tone: Int

    init?<S: StringProtocol>(_ text: S) {
        var letters = ""
        var tone: Int?
        var numbered = false
        for u in String(text).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            guard !numbered else { return nil }  // nothing may follow a tone number
            switch u {
            case "a"..."z":
                letters.unicodeScalars.append(u)
            case "\u{308}", ":":  // ü, u:
                guard letters.last == "u" else { return nil }
                letters.removeLast()
                letters += "v"
            case "\u{302}":  // ê
                guard letters.last == "e" else { return nil }
                letters.removeLast()
                letters += "ê"
            case "0"..."5":
                guard tone == nil, !letters.isEmpty else { return nil }
                tone = u == "0" ? 5 : Int(u.value - 0x30)
                numbered = true
            default:
                guard let t = Self.markedTones[u], tone == nil, !letters.isEmpty else { return nil }
                tone = t
            }
        }
        if let first = letters.first, "jqxy".contains(first) { letters = letters.replacingOccurrences(of: "v", with: "u") }
        guard PinyinGrammar.allows(letters) else { return nil }
        self.letters = letters
        self.tone = tone ?? 5
    }

    /// "yin2", "lv4", "ma5".
    var numbered: String { letters + String(tone) }

    /// "yín", "lǜ", "ma": the mark on a or e, else on the o of ou, else on the last vowel
    /// (on m or n in the syllables m, n, ng, hm, hng).
    var marked: String {
        var scalars = Array(letters.replacingOccurrences(of: "v", with: "u\u{308}").unicodeScalars)
        guard (1...4).contains(tone) else { return String(String.UnicodeScalarView(scalars)) }
        let target: Int?
        if let a = scalars.firstIndex(of: "a") ?? scalars.firstIndex(of: "e") ?? scalars.firstIndex(of: "ê") {
            target = a
        } else if letters.contains("ou") {
            target = scalars.firstIndex(of: "o")
        } else {
            target = scalars.lastIndex { "iouü".unicodeScalars.contains($0) } ?? scalars.firstIndex { $0 == "m" || $0 == "n" }
        }
        guard let target else { return letters }
        var end = target + 1
        while end < scalars.count, scalars[end] == "\u{308}" { end += 1 }  // after the umlaut of ü
        scalars.insert(Self.marks[tone - 1], at: end)
        return String(String.UnicodeScalarView(scalars)).precomposedStringWithCanonicalMapping
    }

    /// Combining tone marks: macron 1, acute 2, caron 3, grave 4.
    static let marks: [Unicode.Scalar] = ["\u{304}", "\u{301}", "\u{30C}", "\u{300}"]
    static let markedTones: [Unicode.Scalar: Int] = Dictionary(uniqueKeysWithValues: marks.enumerated().map { ($1, $0 + 1) })
}

/// The shape of a pinyin syllable: an optional initial and a final, or one of the syllabic
/// nasals. It lets through a few combinations that Mandarin does not have ("fiao"); checking a
/// word against real syllables is `PinyinDictionary.syllables`' job.
enum PinyinGrammar {
    static let initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
                           "z", "c", "s", "y", "w"]
    static let finals: Set<String> = [
        "a", "o", "e", "ê", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie", "iao", "iu",
        "ian", "in", "iang", "ing", "iong", "io", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ueng", "ue", "v",
        "ve", "van", "vn",
    ]
    static let syllabicNasals: Set<String> = ["m", "n", "ng", "hm", "hng"]

    static func allows(_ letters: String) -> Bool {
        if finals.contains(letters) || syllabicNasals.contains(letters) { return true }
        return initials.contains { letters.hasPrefix($0) && finals.contains(String(letters.dropFirst($0.count))) }
    }
}
