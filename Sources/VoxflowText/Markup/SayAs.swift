/// SSML `say-as`, dispatched to the normalizer of the text's language.
enum SayAs {
    static let kinds: Set<String> = [
        "characters", "spell-out", "cardinal", "number", "ordinal", "digits", "date", "telephone", "time", "currency",
    ]

    /// The spoken form, or nil when the text cannot be read as `kind`.
    static func read(_ text: String, kind: String, format: String?, language: String) -> String? {
        language == "zh"
            ? MandarinNormalizer.sayAs(text, interpretAs: kind, format: format)
            : EnglishNormalizer.sayAs(text, interpretAs: kind, format: format)
    }
}

extension Pinyin {
    /// Han ideographs (CJK Unified Ideographs and extension A; compatibility ideographs).
    static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x2EBEF).contains(v)
    }

    /// Vowels carrying a tone mark, to tell pinyin from other bracketed Latin text.
    static let toneMarked: Set<Unicode.Scalar> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".unicodeScalars)
}
