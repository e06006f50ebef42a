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
    /// Vowels carrying a tone mark, to tell pinyin from other bracketed Latin text.
    static let toneMarked: Set<Unicode.Scalar> = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".unicodeScalars)
}
