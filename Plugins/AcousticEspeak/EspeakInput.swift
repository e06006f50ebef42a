import Foundation
import VoxflowKit

/// What espeak-ng reads for one phrase, and how its word events map back to the phrase's words.
///
/// With `p.words` empty it is `p.text`, and marks are labelled with its words as written
/// ("it's", "well-known", "42"; one Han character each). Otherwise the words, space-separated:
///
/// | alphabet | engine input | mark label |
/// |---|---|---|
/// | `.pinyin` "yin2 hang2" | `yin2hang2` (syllables joined) | `written` ("银行") |
/// | `.espeak` "t@mA:toU" | `[[t@mA:toU]]` | `written` |
/// | `.text` | `spoken` | `written`, punctuation trimmed |
/// | `.ipa` | `written` (espeak-ng 1.51 reads no IPA) | `written` |
///
/// Pinyin syllables are joined when each carries its tone digit: espeak-ng's cmn-latn-pinyin
/// then makes one word event per word (a separate event per syllable otherwise) with the same
/// segments and tones — `-x` shows "ji35nX'a35N_|" for yin2hang2 against "j'i35n_| X'a35N_|"
/// for "yin2 hang2": one stress per word instead of one per syllable, no word break between the
/// syllables (spaced, each break adds ~40 ms), and 4–4 sandhi inside a word (li4lv4 → li53l'y51);
/// third-tone sandhi is applied either way (ni3hao3 and "ni3 hao3" both give ni35 … Au214). Without tone digits the boundaries would be
/// ambiguous (xian vs xi'an), so such a word keeps its spaces; its syllable events fold into one
/// mark anyway, since every event is mapped to a word by its character position.
struct EspeakInput {
    struct Word {
        var label: String
        /// Its characters (Unicode scalars) in `text`.
        var range: Range<Int>
    }

    /// The text handed to espeak_Synth (UTF-8, [[phonemes]] allowed).
    var text: String
    /// The phrase's words (or the words of `text`) with their place in `text`.
    var words: [Word]
    var hasIPA = false
    var hasPinyin = false

    init(_ p: ProsodyChunk) {
        if p.words.isEmpty {
            text = Self.sanitize(p.text)
            words = Self.tokens(text)
        } else {
            var out = "", count = 0
            var ws: [Word] = []
            for w in p.words {
                let piece: String
                switch w.alphabet {
                case .text: piece = Self.sanitize(w.spoken)
                case .pinyin:
                    hasPinyin = true
                    piece = Self.sanitize(Self.pinyin(w.spoken))
                case .espeak: piece = "[[" + w.spoken.replacingOccurrences(of: "]]", with: "] ") + "]]"
                case .ipa:
                    hasIPA = true
                    piece = Self.sanitize(w.written)
                }
                guard !piece.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                if count > 0 { out += " "; count += 1 }
                let n = piece.unicodeScalars.count
                ws.append(Word(label: Self.label(w.written), range: count..<count + n))
                out += piece
                count += n
            }
            text = out
            words = ws
        }
    }

    var isSilent: Bool { text.allSatisfy { $0.isWhitespace || $0.isPunctuation } }

    /// The word an event at 1-based character `position` (`length` characters) belongs to — its
    /// index in `words` — or nil for an event outside every word (a boundary).
    func word(atPosition position: Int, length: Int) -> Int? {
        let at = position - 1
        if let i = words.firstIndex(where: { $0.range.contains(at) }) { return i }
        // an event pointing at punctuation before its word ("\"Hello")
        return length > 0 ? words.firstIndex { $0.range.lowerBound > at && $0.range.lowerBound < at + length } : nil
    }

    /// The words of plain text: runs of letters and digits, with ' ’ - . inside ("it's",
    /// "well-known", "3.5"); each Han character on its own, as espeak-ng reads them.
    static func tokens(_ text: String) -> [Word] {
        let c = Array(text.unicodeScalars)
        func wordy(_ x: Unicode.Scalar) -> Bool { x.properties.isAlphabetic || x.properties.numericType != nil }
        var out: [Word] = []
        var i = 0
        while i < c.count {
            guard wordy(c[i]) else { i += 1; continue }
            var end = i + 1
            if !c[i].properties.isIdeographic {
                while end < c.count, !c[end].properties.isIdeographic, wordy(c[end])
                        || "'’-.".unicodeScalars.contains(c[end]) && end + 1 < c.count && wordy(c[end + 1]) && !c[end + 1].properties.isIdeographic {
                    end += 1
                }
            }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: c[i..<end])
            out.append(Word(label: String(s), range: i..<end))
            i = end
        }
        return out
    }

    /// "yin2 hang2" → "yin2hang2" when every syllable ends in its tone digit.
    static func pinyin(_ spoken: String) -> String {
        let syllables = spoken.split(whereSeparator: \.isWhitespace)
        let toned = syllables.allSatisfy { s in s.last.map { "12345".contains($0) } ?? false }
        return toned ? syllables.joined() : syllables.joined(separator: " ")
    }

    /// No control characters (espeak-ng's embedded commands start with one) and no "[[" (which
    /// would start phoneme input); the character count stays the same.
    static func sanitize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for c in s.unicodeScalars {
            if c.value < 0x20 || c.value == 0x7f { out.append(" ") } else if c == "[", previous == "[" { out.append(" ") } else { out.append(c) }
            previous = out.last
        }
        return String(out)
    }

    static func label(_ s: String) -> String {
        s.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.symbols).union(.whitespacesAndNewlines))
    }
}
