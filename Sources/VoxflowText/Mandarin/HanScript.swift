/// Which characters count as Han ideographs and as CJK punctuation, for language runs and for
/// the pinyin converter.
enum HanScript {
    /// Code point ranges of Han ideographs: CJK Unified Ideographs and extensions A–I,
    /// compatibility ideographs, and 〇 (U+3007, the ideographic zero).
    static let ideographRanges: [ClosedRange<UInt32>] = [
        0x3007...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x30000...0x323AF,
    ]

    /// Code point ranges of punctuation that only Chinese (CJK) text uses: CJK symbols and
    /// punctuation (、。「」《》…), full-width forms of ASCII punctuation (，！？；：（）) and the
    /// half-width ideographic punctuation.
    static let punctuationRanges: [ClosedRange<UInt32>] = [
        0x3000...0x3006, 0x3008...0x303F, 0xFE30...0xFE4F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40,
        0xFF5B...0xFF65,
    ]

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        ideographRanges.contains { $0.contains(scalar.value) }
    }

    /// A Han character (variation selectors after the ideograph are allowed).
    static func isIdeograph(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first else { return false }
        return isIdeograph(first)
    }

    static func isPunctuation(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return punctuationRanges.contains { $0.contains(first.value) }
    }

    /// A Latin letter, plain or accented (ASCII, Latin-1, Latin Extended A/B and Additional).
    static func isLatinLetter(_ c: Character) -> Bool {
        guard c.isLetter, let first = c.unicodeScalars.first else { return false }
        let v = first.value
        return v < 0x250 || (0x1E00...0x1EFF).contains(v)
    }

    static func isASCIIDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
