/// A number as written: optional sign, integer digits (with or without thousands commas), optional
/// decimal part. "1,234,567", "-42", "−5", "3.50", ".5".
struct NumberLiteral: Equatable {
    var negative = false
    /// Written with a "+" ("+5"): read "plus five".
    var plus = false
    /// The integer digits without commas; empty for ".5".
    var integer: String
    /// The digits after the decimal point, or nil.
    var fraction: String?

    /// Parses the whole string, or returns nil. Comma groups must be of three digits ("1,23" is not a number).
    init?(_ text: Substring) {
        var rest = text
        if let first = rest.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            plus = first == "+"
            rest = rest.dropFirst()
        }
        let point = rest.firstIndex(of: ".")
        let whole = point.map { rest[..<$0] } ?? rest
        if let point {
            let decimals = rest[rest.index(after: point)...]
            guard !decimals.isEmpty, decimals.allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = String(decimals)
        }
        guard let integer = Self.integerDigits(whole) else { return nil }
        guard !integer.isEmpty || fraction != nil else { return nil }
        self.integer = integer
    }

    init?(_ text: String) { self.init(text[...]) }

    /// "1,234" → "1234"; "" → "" (".5"); nil for malformed groups or non-digits.
    private static func integerDigits(_ text: Substring) -> String? {
        if text.allSatisfy(\.isASCIIDigit) { return String(text) }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, let head = groups.first, (1...3).contains(head.count),
              groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.joined()
    }

    /// The integer value when there is no decimal part and it fits.
    var intValue: Int? {
        guard fraction == nil, integer.count <= NumberWords.maxSpelledDigits, let v = Int(integer) else { return nil }
        return negative ? -v : v
    }

    /// Exactly one ("1", "-1"): the unit after it stays singular.
    var isOne: Bool { fraction == nil && intValue?.magnitude == 1 }

    /// "minus three point one four"; "007" → "zero zero seven"; ".5" → "point five".
    var spoken: String {
        var words: [String] = negative ? ["minus"] : plus ? ["plus"] : []
        if integer.count > 1 && integer.hasPrefix("0") {
            words.append(NumberWords.digits(integer))
        } else if !integer.isEmpty {
            words.append(NumberWords.cardinal(digits: integer))
        }
        if let fraction { words += ["point", NumberWords.digits(fraction)] }
        return words.joined(separator: " ")
    }

    /// Before a scale word ("1.50 million"), trailing zeros of the decimals are not read.
    var spokenBeforeScale: String {
        var trimmed = self
        if let f = fraction {
            let kept = String(f.reversed().drop { $0 == "0" }.reversed())
            trimmed.fraction = kept.isEmpty ? nil : kept
        }
        return trimmed.spoken
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}

/// A number with a scale: "1.2m" (in currency), "1.2M", "3bn", "5k", or the number before a scale word.
struct ScaledNumber {
    var number: NumberLiteral
    /// "thousand", "million", "billion", "trillion", or nil.
    var scale: String?

    /// Suffixes read as scales everywhere; `inMoney` adds the lower-case "m" and "b" ("$1.2m", "$3b").
    static let suffixes = ["k": "thousand", "K": "thousand", "M": "million", "mn": "million", "MM": "million",
                           "bn": "billion", "tn": "trillion"]
    static let moneySuffixes = ["m": "million", "b": "billion", "B": "billion", "T": "trillion"]
    static let words: Set<String> = ["thousand", "million", "billion", "trillion"]

    /// A scale written as its own word after an amount of money: "million", "bn", "b", "m", "k".
    static func scaleWord(_ text: String) -> String? {
        let lower = text.lowercased()
        if words.contains(lower) { return lower }
        return suffixes[text] ?? moneySuffixes[text] ?? ["mln": "million", "bln": "billion", "tr": "trillion"][lower]
    }

    init(number: NumberLiteral, scale: String? = nil) {
        self.number = number
        self.scale = scale
    }

    init?(_ text: Substring, inMoney: Bool) {
        if let plain = NumberLiteral(text) {
            self.init(number: plain)
            return
        }
        let split = text.lastIndex(where: \.isASCIIDigit).map(text.index(after:)) ?? text.startIndex
        let suffix = String(text[split...])
        guard let scale = Self.suffixes[suffix] ?? (inMoney ? Self.moneySuffixes[suffix] : nil),
              let number = NumberLiteral(text[..<split]) else { return nil }
        self.init(number: number, scale: scale)
    }

    var spoken: String {
        guard let scale else { return number.spoken }
        return number.spokenBeforeScale + " " + scale
    }

    /// "one dollar" but "one million dollars".
    var isOne: Bool { scale == nil && number.isOne }
}
