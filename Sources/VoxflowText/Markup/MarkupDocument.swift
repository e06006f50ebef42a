import VoxflowKit

/// What markup says about a piece of text, before normalization.
///
/// A document is a flat list of pieces in reading order. Styles are already resolved: nested
/// `prosody` elements and inline tags have been folded into each piece's `style`.
public struct MarkupPiece: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// Text as written (entities decoded).
        case text(String)
        /// Silence, in seconds (SSML `break`, `[pause=…]`).
        case pause(Double)
        /// A named bookmark (SSML `mark`).
        case bookmark(String)
        /// End of a sentence or paragraph forced by markup (`</s>`, `</p>`).
        case sentenceBreak
    }

    /// How the text of a piece is to be read, when markup says so.
    public enum Reading: Sendable, Hashable {
        /// SSML `say-as`.
        case sayAs(interpretAs: String, format: String?)
        /// SSML `sub`: speak the alias instead of the text.
        case alias(String)
        /// SSML `phoneme`: the text spoken as these phonemes.
        case phonemes(alphabet: SpokenWord.Alphabet, String)
        /// A pinyin override (`重(chóng)`, `{重|chong2}`): numbered syllables, one per Han character.
        case pinyin([String])
    }

    public var content: Content
    public var style: SpanStyle
    /// Language set by markup (`xml:lang`, `lang`), nil: detect.
    public var language: String?
    public var reading: Reading?
    /// Where the piece starts in the input (1-based), for error messages downstream.
    public var line: Int
    public var column: Int

    public init(_ content: Content, style: SpanStyle = SpanStyle(), language: String? = nil, reading: Reading? = nil,
                line: Int = 1, column: Int = 1) {
        self.content = content
        self.style = style
        self.language = language
        self.reading = reading
        self.line = line
        self.column = column
    }
}

/// A markup mistake, with its place in the input.
public struct MarkupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
