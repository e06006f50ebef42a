import VoxflowKit

/// Written text → sentences of normalized, annotated spans (what text.normalize emits).
///
/// 1. markup (unless `markup` is off) → pieces with styles, pauses, bookmarks, readings;
/// 2. each text piece split into language runs (or the language markup or the caller set),
///    normalized by its language's normalizer, Mandarin converted to pinyin word by word;
/// 3. the words split into sentences — never inside numbers (already written out), after
///    abbreviations (already expanded) or inside quotes;
/// 4. each sentence grouped into spans of one language and one style.
public struct TextFrontEnd: Sendable {
    public var markup: Bool
    /// Language for text that markup does not label: nil or "auto" to detect runs.
    public var language: String?
    /// The user's own readings, applied before the built-in rules (`UserLexicon`).
    public var lexicon: UserLexicon?

    public init(markup: Bool = true, language: String? = nil, lexicon: UserLexicon? = nil) {
        self.markup = markup
        self.language = language == "auto" ? nil : language
        self.lexicon = lexicon
    }

    /// Throws `MarkupError` for bad markup and `PinyinDictionaryError` when Mandarin needs the
    /// reading data and it is not installed.
    public func sentences(_ text: String) throws -> [TextChunk] {
        let pieces = markup ? try MarkupParser.parse(text) : MarkupParser.plain(text)
        let tokens = try Tokenizer(language: language, lexicon: lexicon).tokens(pieces)
        return SentenceGrouper.sentences(tokens)
    }

    /// The spoken form of a text, one sentence after another (what `voxflow normalize` prints).
    public func spokenForm(_ text: String) throws -> String {
        try sentences(text).map(\.text).joined(separator: " ")
    }

    /// The language code the front end uses for a BCP 47 tag: "zh" for Chinese, "en" for English,
    /// the primary subtag otherwise.
    public static func family(_ tag: String) -> String {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? tag.lowercased()
        return ["zh", "cmn", "yue"].contains(primary) ? "zh" : primary
    }
}

/// One word on its way through the front end.
struct Token: Sendable {
    var word: SpokenWord
    var language: String
    var style: SpanStyle
    var pauseBefore: Double = 0
    var bookmarks: [String] = []
    /// Markup ended a sentence or paragraph after this word.
    var sentenceEnd = false
}
