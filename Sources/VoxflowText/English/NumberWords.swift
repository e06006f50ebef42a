import Foundation

/// English number words: cardinals (Foundation's spell-out rules, en_US), ordinals, years, digit strings.
///
/// Every result is lower-case words separated by single spaces: the hyphens of "twenty-four" become
/// spaces, because the speech engines and the recognizer treat them as separate words.
///
///     NumberWords.cardinal(1234)   // "one thousand two hundred thirty four"
///     NumberWords.ordinal(22)      // "twenty second"
///     NumberWords.year(2005)       // "two thousand five"
enum NumberWords {
    /// The largest integer spelled as a whole; longer digit strings are read digit by digit.
    static let maxSpelledDigits = 18

    static func cardinal(_ value: Int) -> String {
        SpellOut.shared.words(value)
    }

    /// A non-negative integer written as digits (no sign, no commas), of any length.
    static func cardinal(digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        if trimmed.isEmpty { return "zero" }
        guard trimmed.count <= maxSpelledDigits, let value = Int(trimmed) else { return self.digits(digits) }
        return cardinal(value)
    }

    static func ordinal(_ value: Int) -> String {
        ordinal(ofCardinal: cardinal(value))
    }

    /// "twenty one" → "twenty first": only the last word changes.
    static func ordinal(ofCardinal words: String) -> String {
        var parts = words.split(separator: " ").map(String.init)
        guard let last = parts.popLast() else { return words }
        return (parts + [ordinalWord(last)]).joined(separator: " ")
    }

    static func ordinalWord(_ word: String) -> String {
        if let irregular = irregularOrdinals[word] { return irregular }
        if word.hasSuffix("y") { return word.dropLast() + "ieth" }
        return word + "th"
    }

    private static let irregularOrdinals = [
        "one": "first", "two": "second", "three": "third", "five": "fifth",
        "eight": "eighth", "nine": "ninth", "twelve": "twelfth",
    ]

    /// Each digit as a word: "007" → "zero zero seven" (`zero: "oh"` for telephone numbers).
    static func digits(_ text: String, zero: String = "zero") -> String {
        text.compactMap { c -> String? in
            guard let d = c.wholeNumberValue, c.isASCII else { return nil }
            return d == 0 ? zero : digitWords[d]
        }.joined(separator: " ")
    }

    static let digitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

    /// A year as people say it: 1999 "nineteen ninety nine", 1905 "nineteen oh five", 1900 "nineteen hundred",
    /// 2000 "two thousand", 2005 "two thousand five", 2024 "twenty twenty four", 800 "eight hundred".
    static func year(_ value: Int) -> String {
        guard value >= 1000, value <= 9999 else { return cardinal(value) }
        let high = value / 100, low = value % 100
        if high % 10 == 0 && low < 10 { return cardinal(value) }   // 2000, 2005, 1009
        if low == 0 { return cardinal(high) + " hundred" }
        if low < 10 { return cardinal(high) + " oh " + cardinal(low) }
        return cardinal(high) + " " + cardinal(low)
    }

    /// A two-digit year: "'05" → "oh five", "'99" → "ninety nine".
    static func shortYear(_ value: Int) -> String {
        value < 10 ? "oh " + cardinal(value) : cardinal(value)
    }

    /// Decades: 1990 → "nineteen nineties", 1900 → "nineteen hundreds", 2000 → "two thousands", 80 → "eighties".
    static func decade(_ value: Int) -> String {
        plural(ofCardinal: value >= 1000 ? year(value) : cardinal(value))
    }

    /// "twenty" → "twenties", "six" → "sixes", "hundred" → "hundreds": the last word made plural.
    static func plural(ofCardinal words: String) -> String {
        var parts = words.split(separator: " ").map(String.init)
        guard let last = parts.popLast() else { return words }
        let plural = last.hasSuffix("y") ? last.dropLast() + "ies" : last.hasSuffix("x") ? last + "es" : last + "s"
        return (parts + [plural]).joined(separator: " ")
    }

    /// Words that spell numbers, for joining "twenty-four" and recognizing already-spoken text.
    static let numberWords: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
        "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
        "ninetieth",
    ]
}

/// Foundation's spell-out formatter behind a lock (NumberFormatter is not thread-safe), with the
/// hyphens of its output replaced by spaces.
private final class SpellOut: @unchecked Sendable {
    static let shared = SpellOut()

    private let lock = NSLock()
    private let formatter: NumberFormatter = {
        let f = NumberFormatter()
        f.numberStyle = .spellOut
        f.locale = Locale(identifier: "en_US")
        return f
    }()
    private var cache: [Int: String] = [:]

    func words(_ value: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[value] { return hit }
        let spelled = formatter.string(from: NSNumber(value: value))?.replacingOccurrences(of: "-", with: " ")
        let words: String
        if let spelled, !spelled.contains(where: \.isNumber) {
            words = spelled
        } else {
            words = (value < 0 ? "minus " : "") + NumberWords.digits(String(value.magnitude))
        }
        if cache.count < 4096 { cache[value] = words }
        return words
    }
}
