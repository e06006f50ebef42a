import VoxflowKit

/// What each element does to the pieces and styles.
extension SSMLReader {

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

    mutating func append(_ content: MarkupPiece.Content, _ frame: SSMLFrame, at: Int) {
        let (l, c) = src.location(at)
        pieces.append(MarkupPiece(content, style: frame.style, language: frame.language, reading: frame.reading, line: l, column: c))
    }
}
