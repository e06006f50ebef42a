/// Roman numerals, read only where the context says they are numbers:
///
///     Chapter IV      → "Chapter four"        (after a word that counts things: `countWords`)
///     Henry VIII      → "Henry the eighth"    (after a regnal name: `regnalNames`)
///     Super Bowl LVII → "Super Bowl fifty seven"
///     Apollo XI       → "Apollo eleven"       (I, V and X only, two letters or more, after a capitalized word
///                                              that does not start the sentence: "An IV drip" is letters)
///
/// A lone "I" is the pronoun unless a counting word comes before it, or a regnal name that is titled
/// ("Queen Elizabeth I reigned") or not followed by a lower-case word ("Elizabeth I.", but "Peter I think").
enum Roman {
    private static let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]

    /// The value of a canonical upper-case numeral (1...3999), or nil ("IIII", "VX", "MIX"-like words parse
    /// only if canonical: "MIX" is 1009, which is why context decides).
    static func value(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 15 else { return nil }
        var total = 0, previous = 0
        for c in text.reversed() {
            guard let v = values[c] else { return nil }
            if v < previous { total -= v } else { total += v; previous = v }
        }
        guard (1...3999).contains(total), numeral(total) == text else { return nil }
        return total
    }

    static func numeral(_ value: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value, out = ""
        for (v, s) in table { while rest >= v { out += s; rest -= v } }
        return out
    }

    /// Words after which a numeral is a cardinal: "Chapter IV", "World War II", "Super Bowl LVII".
    static let countWords: Set<String> = [
        "chapter", "part", "volume", "vol", "book", "act", "scene", "section", "article", "title", "phase", "stage",
        "level", "episode", "round", "class", "type", "grade", "appendix", "war", "bowl", "schedule", "division",
        "tier", "category", "canto", "psalm", "movement", "symphony", "series", "mk", "apollo", "gemini",
        "vatican", "unit", "league", "annex", "exhibit", "plate", "figure", "table", "item", "rule", "step", "form",
    ]

    /// Names after which a numeral is a regnal ordinal: "Henry VIII" → "Henry the eighth".
    static let regnalNames: Set<String> = [
        "Henry", "Elizabeth", "Louis", "George", "Edward", "Charles", "James", "William", "Richard", "John", "Paul",
        "Pius", "Leo", "Benedict", "Gregory", "Innocent", "Clement", "Alexander", "Peter", "Catherine", "Mary",
        "Philip", "Frederick", "Napoleon", "Ramesses", "Ramses", "Olaf", "Harald", "Gustav", "Carl", "Ferdinand",
        "Francis", "Joseph", "Leopold", "Wilhelm", "Nicholas", "Ivan", "Constantine", "Justinian", "Tutankhamun",
        "Amenhotep", "Thutmose", "Urban", "Boniface", "Sixtus", "Stephen", "Alfonso", "Juan", "Felipe", "Victor",
        "Umberto", "Haakon", "Christian", "Frederik", "Margrethe", "Rama", "Akihito", "David", "Robert",
        "Anne", "Matilda", "Otto", "Conrad", "Rudolf", "Casimir", "Sigismund", "Ludwig", "Maximilian", "Selim",
        "Mehmed", "Suleiman", "Darius", "Xerxes", "Cyrus", "Antiochus", "Ptolemy", "Cleopatra", "Herod", "Sancho",
        "Baldwin", "Bohemond", "Manuel", "Michael", "Basil", "Pedro", "Carlos", "Henri", "Jean", "Hugh",
    ]

    /// Titles before a regnal name: "Queen Elizabeth I reigned" is a numeral even before a lower-case word.
    static let regnalTitles: Set<String> = ["King", "Queen", "Pope", "Emperor", "Empress", "Tsar", "Czar", "Pharaoh",
                                            "Sultan", "Prince", "Princess", "Duke", "Kaiser", "Saint"]

    /// Letters I, V, X that are not numerals after a capitalized word ("vi", chromosomes, film ratings).
    static let wordLike: Set<String> = ["VI", "XX", "XXX"]

    /// How to read `window.core` as a numeral here, or nil.
    static func read(_ window: EnglishWindow) -> String? {
        let (base, possessive) = splitPossessive(window.core)
        guard let value = value(base), let previous = window.attachedPrevious else { return nil }
        let previousWord = previous.core
        if regnalNames.contains(previousWord) {
            // "Peter I think" is the pronoun; "Peter I.", "Peter I of Russia", "Tsar Peter I died" are numerals.
            let titled = window.at(-2).map { regnalTitles.contains($0.core) } ?? false
            let nextIsLowercaseWord = window.attachedNext.map { $0.isLowercased && !["of", "and"].contains($0.core) } ?? false
            if base == "I" && nextIsLowercaseWord && !titled { return nil }
            return "the " + NumberWords.ordinal(value) + possessive
        }
        if countWords.contains(previousWord.lowercased()) {
            guard !(base == "I" && previousWord.first?.isLowercase == true) else { return nil }
            return NumberWords.cardinal(value) + possessive
        }
        let onlySmallLetters = base.allSatisfy { "IVX".contains($0) }
        let previousStartsSentence = window.index == 1 || window.at(-2)?.endsSentence == true
        if base.count >= 2, onlySmallLetters, !wordLike.contains(base), previous.isCapitalized, previous.hasLetter,
           !previous.isAllCaps, !previousStartsSentence, !EnglishNormalizer.sentenceWords.contains(previousWord) {
            return NumberWords.cardinal(value) + possessive
        }
        return nil
    }

    private static func splitPossessive(_ word: String) -> (String, String) {
        for suffix in ["'s", "’s"] where word.hasSuffix(suffix) {
            return (String(word.dropLast(2)), suffix)
        }
        return (word, "")
    }
}
