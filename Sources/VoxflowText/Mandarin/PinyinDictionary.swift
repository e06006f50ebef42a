import Foundation

/// Mandarin readings: every character's readings and the readings of ~130,000 words, from the
/// data that `scripts/pinyin-data` installs (CC-CEDICT and pypinyin, with Voxflow's lexicon).
///
/// ```
/// chars.tsv    行<TAB>xíng,háng,héng,xìng,hàng     one character, its readings, most common first
/// phrases.tsv  银行<TAB>yín háng                   one word, one syllable per character
/// ```
///
/// Readings come out tone-numbered: `readings(of: "行")` → ["xing2", "hang2", …],
/// `phrase("银行")` → ["yin2", "hang2"]. Immutable once loaded, so one instance serves all
/// threads; `shared()` loads it once per process.
public final class PinyinDictionary: @unchecked Sendable {
    let characters: [Unicode.Scalar: [String]]
    let phrases: PinyinPhraseIndex
    /// Every syllable of the data without its tone ("yin", "lv", "ng"): the syllables Mandarin has.
    public let syllables: Set<String>
    /// Characters in the longest word.
    public let longestPhrase: Int

    /// Loads chars.tsv and phrases.tsv from `directory`. Errors name the file and line, and say
    /// to run scripts/bootstrap.
    public init(directory: URL) throws {
        var reader = PinyinDataReader()
        characters = try reader.readCharacters(directory.appendingPathComponent("chars.tsv"))
        phrases = try PinyinPhraseIndex(directory.appendingPathComponent("phrases.tsv"))
        longestPhrase = phrases.longest
        syllables = reader.syllables
    }

    /// Tone-numbered readings of a character, most common first; empty when it has none.
    public func readings(of character: Character) -> [String] {
        // A variation selector after an ideograph does not change its reading.
        guard let first = character.unicodeScalars.first, HanScript.isIdeograph(first) || character.unicodeScalars.count == 1
        else { return [] }
        return characters[first] ?? []
    }

    /// Tone-numbered syllables of a dictionary word (one per character), nil when it is not one.
    public func phrase(_ word: Substring) -> [String]? {
        phrases.readings(word)
    }
}
