import VoxflowKit

/// Element syntax: tags, attributes, entities, comments.
extension SSMLReader {

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
}
