import VoxflowKit

/// Mandarin text (already normalized) → words with their pinyin.
///
/// ```
/// "我去银行取钱。" → 我 wo3 │ 去 qu4 │ 银行 yin2 hang2 │ 取钱 qu3 qian2 │ 。(text)
/// ```
///
/// Han text is cut into dictionary words (PinyinConverter+Segmentation.swift); a word reads
/// as the dictionary says, a character outside any word takes its most common reading. The
/// tone changes of 一 and 不 are then applied (PinyinConverter+ToneSandhi.swift). Third-tone
/// sandhi (你好 ni3 hao3 said ni2 hao3) is not written: a voice that reads pinyin
/// applies it itself across a whole clause, so the readings keep their dictionary tones.
///
/// Other text becomes `.text` words: Latin words and numbers whole, each punctuation mark on its
/// own, spaces dropped.
public struct PinyinConverter: Sendable {
    public let dictionary: PinyinDictionary

    public init(dictionary: PinyinDictionary) {
        self.dictionary = dictionary
    }

    public func words(_ text: String) -> [SpokenWord] {
        var out: [SpokenWord] = []
        var han: [Character] = []
        var other = ""
        for c in text {
            if HanScript.isIdeograph(c) {
                if !other.isEmpty { out += otherWords(other); other = "" }
                han.append(c)
            } else {
                if !han.isEmpty { out += hanWords(han); han = [] }
                other.append(c)
            }
        }
        if !other.isEmpty { out += otherWords(other) }
        if !han.isEmpty { out += hanWords(han) }
        return out
    }

    /// A stretch of Han characters: dictionary words with readings, tone changes applied.
    func hanWords(_ chars: [Character]) -> [SpokenWord] {
        let words = segment(chars)
        var syllables: [HanSyllable] = []
        for word in words {
            let written = chars[word]
            let readings = word.count > 1 ? dictionary.phrases.readings(String(written)) : nil
            for (k, c) in written.enumerated() {
                syllables.append(HanSyllable(character: c, reading: readings?[k] ?? dictionary.readings(of: c).first,
                                             endsWord: k == word.count - 1 && word.count > 1))
            }
        }
        Self.applyToneSandhi(&syllables)
        var out: [SpokenWord] = []
        var next = 0
        for word in words {
            let said = syllables[next..<next + word.count]
            next += word.count
            let written = String(chars[word])
            if said.allSatisfy({ $0.reading != nil }) {
                out.append(SpokenWord(written: written, spoken: said.map { $0.reading! }.joined(separator: " "), alphabet: .pinyin))
            } else {
                out.append(SpokenWord(written: written, spoken: written, alphabet: .text))
            }
        }
        return out
    }

    /// Text between Han stretches: words and numbers whole ("iPhone", "let's", "2.5"),
    /// punctuation marks one by one, spaces dropped.
    func otherWords(_ text: String) -> [SpokenWord] {
        let chars = Array(text)
        var out: [SpokenWord] = []
        var i = 0
        while i < chars.count {
            var end = i
            while end < chars.count, chars[end].isLetter || chars[end].isNumber
                    || end > i && end + 1 < chars.count && "'’-.".contains(chars[end]) && chars[end + 1].isLetterOrNumber {
                end += 1
            }
            if end == i { end += 1 }  // one mark or space
            let written = String(chars[i..<end])
            if !chars[i].isWhitespace { out.append(SpokenWord(written: written, spoken: written, alphabet: .text)) }
            i = end
        }
        return out
    }
}

/// One Han character while readings are chosen: its reading (numbered; nil when the data has
/// none) and whether it ends a dictionary word of two or more characters.
struct HanSyllable {
    var character: Character
    var reading: String?
    var endsWord: Bool
}

extension Character {
    fileprivate var isLetterOrNumber: Bool { isLetter || isNumber }
}
