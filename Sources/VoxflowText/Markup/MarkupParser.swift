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
private struct Frame {
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

private struct SSMLReader {
    let src: SourceText
    var i = 0
    var pieces: [MarkupPiece] = []
    var stack: [Frame] = []
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
        stack = [Frame(name: "", style: SpanStyle(), base: SpanStyle(), language: nil, reading: nil, at: 0)]
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

    // MARK: elements

    mutating func element() throws {
        let at = i
        if src.hasPrefix("<!--", at: i) {
            while i < src.count, !src.hasPrefix("-->", at: i) { i += 1 }
            guard i < src.count else { throw src.error(at, "comment is never closed; add -->") }
            i += 3
            return
        }
        i += 1
        let closing = i < src.count && src[i] == "/"
        if closing { i += 1 }
        let name = readName()
        guard !name.isEmpty else { throw src.error(at, "expected an element name after '<'") }
        guard MarkupParser.elements.contains(name) else {
            throw src.error(at, "unknown element <\(name)> (supported: \(MarkupParser.elements.sorted().joined(separator: ", ")))")
        }
        if closing {
            skipSpace()
            guard i < src.count, src[i] == ">" else { throw src.error(i, "expected '>' to end </\(name)>") }
            i += 1
            try close(name, at: at)
            return
        }
        var attributes: [String: (value: String, at: Int)] = [:]
        var selfClosing = false
        while true {
            skipSpace()
            guard i < src.count else { throw src.error(at, "<\(name) is never finished; add '>'") }
            if src[i] == ">" { i += 1; break }
            if src.hasPrefix("/>", at: i) { i += 2; selfClosing = true; break }
            let attrAt = i
            let attr = readName()
            guard !attr.isEmpty else { throw src.error(i, "unexpected '\(src[i])' in <\(name)>") }
            skipSpace()
            guard i < src.count, src[i] == "=" else { throw src.error(i, "attribute \(attr) of <\(name)> needs a value: \(attr)=\"…\"") }
            i += 1
            skipSpace()
            guard i < src.count, src[i] == "\"" || src[i] == "'" else {
                throw src.error(i, "the value of \(attr) must be quoted")
            }
            let quote = src[i]
            i += 1
            var value = ""
            while i < src.count, src[i] != quote {
                if src[i] == "&" { value.append(try entity()) } else { value.append(src[i]); i += 1 }
            }
            guard i < src.count else { throw src.error(attrAt, "the value of \(attr) is never closed") }
            i += 1
            guard attributes[attr] == nil else { throw src.error(attrAt, "attribute \(attr) appears twice in <\(name)>") }
            attributes[attr] = (value, attrAt)
        }
        try open(name, attributes, at: at, selfClosing: selfClosing)
    }

    mutating func readName() -> String {
        var s = ""
        while i < src.count, src[i].isLetter || src[i].isNumber || src[i] == "-" || src[i] == ":" || src[i] == "_" {
            s.append(src[i])
            i += 1
        }
        return s
    }

    mutating func skipSpace() { while i < src.count, src[i].isWhitespace { i += 1 } }

    static let entities: [String: Character] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    mutating func entity() throws -> Character {
        let at = i
        var k = i + 1
        var name = ""
        while k < src.count, k - i < 12, src[k] != ";", !src[k].isWhitespace { name.append(src[k]); k += 1 }
        if k < src.count, src[k] == ";" {
            if let c = Self.entities[name] { i = k + 1; return c }
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                if let v = value, let u = Unicode.Scalar(v) { i = k + 1; return Character(u) }
            }
        }
        guard !strict else { throw src.error(at, "'&' must start an entity such as &amp; (write &amp; for a literal '&')") }
        i += 1
        return "&"
    }

    // MARK: element meaning

    mutating func open(_ name: String, _ attrs: [String: (value: String, at: Int)], at: Int, selfClosing: Bool) throws {
        var frame = stack.last!
        frame.name = name
        frame.at = at
        frame.hadText = false
        let known: [String: Set<String>] = [
            "speak": ["version", "xmlns", "xml:lang", "xmlns:xsi", "xsi:schemaLocation"], "break": ["time", "strength"],
            "prosody": ["rate", "pitch", "volume", "duration"], "emphasis": ["level"], "say-as": ["interpret-as", "format", "detail"],
            "sub": ["alias"], "phoneme": ["alphabet", "ph"], "mark": ["name"], "voice": ["name", "xml:lang", "gender"],
            "lang": ["xml:lang"], "p": ["xml:lang"], "s": ["xml:lang"],
        ]
        for (attr, v) in attrs where !(known[name]?.contains(attr) ?? false) {
            throw src.error(v.at, "<\(name)> has no attribute \(attr) (known: \(known[name]!.sorted().joined(separator: ", ")))")
        }
        func need(_ attr: String) throws -> (value: String, at: Int) {
            guard let v = attrs[attr] else { throw src.error(at, "<\(name)> needs a \(attr)=\"…\" attribute") }
            return v
        }
        if stack.count > 1, frame.reading != nil {
            throw src.error(at, "<\(name)> cannot be inside <\(stack.last!.name)>, which holds text only")
        }
        if name == "speak" {
            guard stack.count == 1, !sawSpeak else { throw src.error(at, "<speak> must be the outermost element, once") }
            sawSpeak = true
        } else if strict && !sawSpeak {
            throw src.error(at, "an SSML document must start with <speak>")
        }
        if let lang = attrs["xml:lang"] { frame.language = try language(lang.value, at: lang.at) }
        switch name {
        case "break":
            var seconds = MarkupValues.breakStrengths["medium"]!
            if let s = attrs["strength"] {
                guard let v = MarkupValues.breakStrengths[s.value] else {
                    throw src.error(s.at, "break strength \"\(s.value)\" is not one of \(MarkupValues.breakStrengths.keys.sorted().joined(separator: ", "))")
                }
                seconds = v
            }
            if let t = attrs["time"] { seconds = try pause(t.value, at: t.at) }
            append(.pause(seconds), frame, at: at)
        case "mark":
            let n = try need("name")
            guard !n.value.isEmpty else { throw src.error(n.at, "a mark needs a non-empty name") }
            append(.bookmark(n.value), frame, at: at)
        case "prosody":
            guard !attrs.isEmpty else { throw src.error(at, "<prosody> needs rate, pitch, volume or duration") }
            if let d = attrs["duration"] {
                let seconds = try pause(d.value, at: d.at)
                guard seconds >= 0.05 else { throw src.error(d.at, "a prosody duration must be at least 50ms") }
                frame.style.duration = seconds
            }
            if let r = attrs["rate"] {
                guard let v = MarkupValues.rate(r.value) else {
                    throw src.error(r.at, "prosody rate \"\(r.value)\" is not a rate: use x-slow…x-fast, 120%, +20% or 1.2")
                }
                frame.style.rate *= v
            }
            if let p = attrs["pitch"] {
                guard let v = MarkupValues.pitch(p.value) else {
                    throw src.error(p.at, "prosody pitch \"\(p.value)\" is not a pitch: use x-low…x-high, +2st or -10%")
                }
                frame.style.pitch += v
            }
            if let vol = attrs["volume"] {
                guard let v = MarkupValues.volume(vol.value) else {
                    throw src.error(vol.at, "prosody volume \"\(vol.value)\" is not a volume: use silent, x-soft…x-loud, +6dB or 0.8")
                }
                frame.style.volume *= v
            }
        case "emphasis":
            let level = attrs["level"]?.value ?? "moderate"
            guard let e = MarkupValues.emphasisLevels[level] else {
                throw src.error(attrs["level"]!.at, "emphasis level \"\(level)\" is not one of strong, moderate, none, reduced")
            }
            frame.style.emphasis = e.emphasis
            frame.style.volume *= e.volume
        case "say-as":
            let kind = try need("interpret-as")
            guard SayAs.kinds.contains(kind.value) else {
                throw src.error(kind.at, "say-as interpret-as \"\(kind.value)\" is not supported (supported: \(SayAs.kinds.sorted().joined(separator: ", ")))")
            }
            frame.reading = .sayAs(interpretAs: kind.value, format: attrs["format"]?.value)
        case "sub":
            frame.reading = .alias(try need("alias").value)
        case "phoneme":
            let ph = try need("ph")
            let alphabet = attrs["alphabet"]?.value ?? "ipa"
            let map: [String: SpokenWord.Alphabet] = ["ipa": .ipa, "x-espeak": .espeak, "espeak": .espeak, "x-pinyin": .pinyin, "pinyin": .pinyin]
            guard let a = map[alphabet] else {
                throw src.error(attrs["alphabet"]!.at, "phoneme alphabet \"\(alphabet)\" is not supported (supported: ipa, x-espeak, x-pinyin)")
            }
            if a == .pinyin {
                guard let syllables = Pinyin.parse(ph.value) else { throw src.error(ph.at, "\"\(ph.value)\" is not pinyin") }
                frame.reading = .pinyin(syllables)
            } else {
                frame.reading = .phonemes(alphabet: a, ph.value)
            }
        case "voice":
            guard let n = attrs["name"] else { throw src.error(at, "<voice> needs a name=\"…\" attribute") }
            frame.style.voice = n.value
        case "lang":
            guard attrs["xml:lang"] != nil else { throw src.error(at, "<lang> needs an xml:lang=\"…\" attribute") }
        case "s", "p":
            append(.sentenceBreak, frame, at: at)
        default: break
        }
        frame.base = frame.style
        if selfClosing {
            if frame.reading != nil { throw src.error(at, "<\(name)/> is empty; put the text it applies to inside it") }
            return
        }
        if ["break", "mark"].contains(name) {
            // Empty elements written with an end tag: <break></break>.
            skipSpace()
            guard src.hasPrefix("</\(name)", at: i) else { throw src.error(at, "<\(name)> takes no content; write <\(name) …/>") }
            i += name.count + 2
            skipSpace()
            guard i < src.count, src[i] == ">" else { throw src.error(i, "expected '>'") }
            i += 1
            return
        }
        stack.append(frame)
    }

    mutating func close(_ name: String, at: Int) throws {
        guard stack.count > 1, let top = stack.last else { throw src.error(at, "</\(name)> closes nothing") }
        guard top.name == name else {
            let (l, c) = src.location(top.at)
            throw src.error(at, "</\(name)> does not match <\(top.name)> opened at line \(l), column \(c)")
        }
        if top.reading != nil, !top.hadText {
            throw src.error(top.at, "<\(name)> is empty; put the text it applies to inside it")
        }
        stack.removeLast()
        if name == "s" || name == "p" { append(.sentenceBreak, stack.last!, at: at) }
    }

    func language(_ tag: String, at: Int) throws -> String {
        let parts = tag.split(separator: "-")
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isLetter }) else {
            throw src.error(at, "\"\(tag)\" is not a language tag such as en, en-US or zh-CN")
        }
        return tag
    }

    func pause(_ value: String, at: Int) throws -> Double {
        guard let s = MarkupValues.duration(value) else {
            throw src.error(at, "\"\(value)\" is not a duration: write it like 300ms or 1.5s")
        }
        guard s <= MarkupValues.longestPause else { throw src.error(at, "a pause of \(value) is longer than 60 s") }
        return s
    }

    mutating func append(_ content: MarkupPiece.Content, _ frame: Frame, at: Int) {
        let (l, c) = src.location(at)
        pieces.append(MarkupPiece(content, style: frame.style, language: frame.language, reading: frame.reading, line: l, column: c))
    }

    // MARK: text, inline tags, pinyin overrides

    mutating func addText(_ text: String, at start: Int) throws {
        var frame = stack.last!
        defer { stack[stack.count - 1] = frame }
        if frame.reading != nil {
            // Text under say-as, sub or phoneme is taken as a whole.
            guard !text.allSatisfy(\.isWhitespace) else { return }
            append(.text(text), frame, at: start)
            frame.hadText = true
            return
        }
        let inline = InlineScanner(text: Array(text), origin: start, src: src)
        for item in try inline.items() {
            switch item.kind {
            case let .text(s): append(.text(s), frame, at: item.at)
            case let .tag(name, value): try applyTag(name, value, at: item.at, to: &frame)
            case let .override(written, syllables):
                var f = frame
                f.reading = .pinyin(syllables)
                append(.text(written), f, at: item.at)
            }
        }
    }

    mutating func applyTag(_ name: String, _ value: String, at: Int, to frame: inout Frame) throws {
        switch name {
        case "emotion":
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            let e = parts[0].lowercased()
            if Emotion.neutralNames.contains(e) {
                frame.style.emotion = nil
                frame.style.intensity = nil
                return
            }
            guard Emotion(rawValue: e) != nil else {
                throw src.error(at, "unknown emotion \"\(parts[0])\" (known: \(Emotion.names), or neutral)")
            }
            var intensity: Double?
            if parts.count == 2 {
                guard let v = Double(parts[1]), (0...1).contains(v) else {
                    throw src.error(at, "emotion intensity \"\(parts[1])\" must be a number from 0 to 1, as in [emotion=\(e):0.6]")
                }
                intensity = v
            }
            frame.style.emotion = e
            frame.style.intensity = intensity
        case "pause":
            append(.pause(try pause(value, at: at)), frame, at: at)
        case "rate":
            guard let v = MarkupValues.rate(value), (0.25...4).contains(v) else {
                throw src.error(at, "rate \"\(value)\" must be a multiplier from 0.25 to 4, as in [rate=1.2]")
            }
            frame.style.rate = frame.base.rate * v
        case "pitch":
            guard let v = MarkupValues.pitch(value), abs(v) <= 12 else {
                throw src.error(at, "pitch \"\(value)\" must be semitones from -12st to +12st, as in [pitch=+2st]")
            }
            frame.style.pitch = frame.base.pitch + v
        case "volume":
            guard let v = MarkupValues.volume(value), v <= 8 else {
                throw src.error(at, "volume \"\(value)\" must be a gain from 0 to 8 or decibels, as in [volume=0.8] or [volume=-3dB]")
            }
            frame.style.volume = frame.base.volume * v
        default:
            throw src.error(at, "unknown tag [\(name)=…] (known: \(InlineScanner.tags.sorted().joined(separator: ", ")))")
        }
    }
}
