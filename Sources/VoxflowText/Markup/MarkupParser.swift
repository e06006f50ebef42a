import VoxflowKit

/// Parses the SSML subset and the inline tags into a flat list of pieces.
///
/// Three modes, chosen from the input:
/// - a document starting with `<speak` (or `<?xml`) is strict XML: an unescaped `&`, an unknown
///   element or a missing end tag is an error;
/// - text containing a known element (`<break time="1s"/>`, `<emphasis>…`) is a fragment: the
///   same elements, but a lone `&` or `<` that starts no element is just text;
/// - anything else is plain text, where only the inline tags (`[emotion=angry:0.6]`,
///   `[pause=300ms]`, `[rate=1.2]`, `[pitch=+2st]`, `[volume=0.8]`) and pinyin overrides
///   (`重(chóng)返`, `{重|chong2}返`) are read.
///
/// Errors carry the 1-based line and column where the mistake is.
public enum MarkupParser {
    public static func parse(_ text: String) throws -> [MarkupPiece] {
        var p = SSMLReader(SourceText(text))
        return try p.read()
    }

    /// The input as one plain piece: `--plain` (markup off).
    public static func plain(_ text: String) -> [MarkupPiece] { [MarkupPiece(.text(text))] }

    static let elements: Set<String> = [
        "speak", "break", "prosody", "emphasis", "say-as", "sub", "phoneme", "mark", "voice", "lang", "p", "s",
    ]
}

/// An open element and the style in force inside it.
struct SSMLFrame {
    var name: String
    var style: SpanStyle
    /// The style when the element opened: inline `[rate=…]` tags are relative to it.
    var base: SpanStyle
    var language: String?
    var reading: MarkupPiece.Reading?
    var at: Int
    /// Whether text was read inside the element (say-as, sub and phoneme must hold some).
    var hadText = false
}

/// Reads markup into pieces; its element syntax is in SSMLReader+Elements.swift, what elements mean
/// in SSMLReader+Meaning.swift, text and inline tags in SSMLReader+Text.swift.
struct SSMLReader {
    let src: SourceText
    var i = 0
    var pieces: [MarkupPiece] = []
    var stack: [SSMLFrame] = []
    let strict: Bool
    let xml: Bool

    init(_ src: SourceText) {
        self.src = src
        let head = String(src.chars.prefix(200)).drop { $0.isWhitespace }
        strict = head.hasPrefix("<speak") || head.hasPrefix("<?xml")
        var fragment = false
        if !strict {
            var k = 0
            while k < src.count, !fragment {
                if src[k] == "<" {
                    let name = src.string(k + 1..<min(src.count, k + 12)).drop { $0 == "/" }.prefix { $0.isLetter || $0 == "-" }
                    fragment = MarkupParser.elements.contains(String(name))
                }
                k += 1
            }
        }
        xml = strict || fragment
        stack = [SSMLFrame(name: "", style: SpanStyle(), base: SpanStyle(), language: nil, reading: nil, at: 0)]
    }

    mutating func read() throws -> [MarkupPiece] {
        if strict { skipProlog() }
        var text = ""
        var textStart = i
        func flush(_ r: inout SSMLReader) throws {
            if !text.isEmpty { try r.addText(text, at: textStart) }
            text = ""
        }
        while i < src.count {
            let c = src[i]
            if xml, c == "<", startsMarkup() {
                try flush(&self)
                try element()
                textStart = i
                continue
            }
            if xml, c == "&" {
                if text.isEmpty { textStart = i }
                text.append(try entity())
                continue
            }
            if strict, c == ">" { throw src.error(i, "unexpected '>' in text; write &gt;") }
            if text.isEmpty { textStart = i }
            text.append(c)
            i += 1
        }
        try flush(&self)
        if stack.count > 1, let open = stack.last {
            throw src.error(open.at, "<\(open.name)> is never closed; add </\(open.name)>")
        }
        if strict && !sawSpeak { throw src.error(0, "an SSML document must be one <speak> element") }
        return pieces
    }

    var sawSpeak = false

    /// In a fragment, `<` begins markup only when a known element (or a comment) follows.
    func startsMarkup() -> Bool {
        if strict { return true }
        if src.hasPrefix("<!--", at: i) { return true }
        let name = src.string(i + 1..<min(src.count, i + 12)).drop { $0 == "/" }.prefix { $0.isLetter || $0 == "-" }
        return MarkupParser.elements.contains(String(name))
    }

    mutating func skipProlog() {
        while i < src.count, src[i].isWhitespace { i += 1 }
        if src.hasPrefix("<?xml", at: i) {
            while i < src.count, !src.hasPrefix("?>", at: i) { i += 1 }
            i = min(src.count, i + 2)
        }
    }
}
