/// Pinyin syllables between their written forms.
///
/// ```
/// numbered("yín") → "yin2"     marked("yin2") → "yín"
/// numbered("lǜ")  → "lv4"      marked("lv4")  → "lǜ"
/// numbered("ma")  → "ma5"      marked("ma5")  → "ma"
/// parse("chóng fǎn") → ["chong2", "fan3"]      parse("chongfan") → nil
/// ```
///
/// Numbered pinyin, the form SpokenWord carries, writes ü as v and the neutral tone as 5.
public enum Pinyin {
    /// The tone-numbered form of one syllable written with tone marks, tone numbers or no tone
    /// (neutral); nil if it is not a pinyin syllable.
    public static func numbered(_ syllable: String) -> String? {
        PinyinSyllable(syllable)?.numbered
    }

    /// The tone-marked form of one syllable ("lv4" → "lǜ", "ma5" → "ma"); nil if invalid.
    public static func marked(_ numbered: String) -> String? {
        PinyinSyllable(numbered)?.marked
    }

    /// A reading a user wrote ("chóng", "chong2", "chong2 fan3", "chóng fǎn", "chong2fan3",
    /// "xi'an") as numbered syllables; nil when any part is not a syllable that Mandarin has.
    /// Syllables are separated by spaces, apostrophes or hyphens; tone numbers also end a
    /// syllable. Real syllables are those of the installed reading data
    /// (`PinyinDictionary.syllables`); without the data only their shape is checked.
    public static func parse(_ reading: String) -> [String]? {
        parse(reading, syllables: (try? PinyinDictionary.shared())?.syllables)
    }

    static func parse(_ reading: String, syllables known: Set<String>?) -> [String]? {
        var out: [String] = []
        for token in reading.split(whereSeparator: { $0.isWhitespace || "'’-".contains($0) }) {
            for piece in splitAfterToneNumbers(token) {
                guard let s = PinyinSyllable(piece), known?.contains(s.letters) ?? true else { return nil }
                out.append(s.numbered)
            }
        }
        return out.isEmpty ? nil : out
    }

    /// "chong2fan3" → ["chong2", "fan3"].
    private static func splitAfterToneNumbers(_ token: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var start = token.startIndex
        for i in token.indices where token[i].isNumber && token.index(after: i) < token.endIndex {
            pieces.append(token[start...i])
            start = token.index(after: i)
        }
        pieces.append(token[start...])
        return pieces
    }
}
