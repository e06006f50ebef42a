import Foundation
import CEspeak
import VoxflowKit

/// One installed espeak-ng voice.
///
/// Its `name` is the voice's first language as espeak-ng lists it ("en-us", "fr-fr",
/// "cmn-latn-pinyin", "de") — what `espeak-ng --voices` shows in its Language column and what
/// users type. When two voices share a first language (espeak-ng 1.51 has two "yue"), the later
/// one is named after its file ("yue-latn-jyutping").
struct EspeakVoice: Sendable, Hashable {
    var name: String
    /// espeak-ng's display name, "English (America)".
    var displayName: String
    /// The voice file under espeak-ng-data, "gmw/en-US": what espeak_SetVoiceByName is given.
    var identifier: String
    /// Lowercased languages with their priority (lower: the voice is preferred for it).
    var languages: [(tag: String, priority: Int)]
    var gender: String

    static func == (a: EspeakVoice, b: EspeakVoice) -> Bool { a.identifier == b.identifier }
    func hash(into h: inout Hasher) { h.combine(identifier) }

    /// True when the voice reads Hanyu pinyin with tone digits.
    var readsPinyin: Bool { languages.contains { $0.tag == "cmn-latn-pinyin" } }

    func info(rate: Int, isDefault: Bool) -> VoiceInfo {
        let others = languages.dropFirst().map(\.tag)
        let summary = "espeak-ng \(displayName.replacingOccurrences(of: "_", with: " "))"
            + (others.isEmpty ? "" : "; also \(others.joined(separator: ", "))")
        let tags = languages.map { Self.bcp47($0.tag) }
        return VoiceInfo(name: name, languages: tags.isEmpty ? [Self.bcp47(name)] : tags, sampleRate: rate, gender: gender,
                         summary: summary, isDefault: isDefault, quality: .formant, features: [.rate, .pitch, .duration, .wordTimings])
    }

    /// "en-us" → "en-US", "cmn-latn-pinyin" → "cmn-Latn-pinyin" (BCP 47 casing).
    static func bcp47(_ tag: String) -> String {
        tag.split(separator: "-").enumerated().map { i, s in
            if i == 0 { return s.lowercased() }
            if s.count == 2, s.allSatisfy(\.isLetter) { return s.uppercased() }
            if s.count == 4, s.allSatisfy(\.isLetter) { return s.prefix(1).uppercased() + s.dropFirst().lowercased() }
            return s.lowercased()
        }.joined(separator: "-")
    }

    /// Names of espeak-ng's voice variants (`voices/!v` in its data folder: f1…f5, m1…m8, …), which
    /// any voice takes after a `+` ("cmn-latn-pinyin+f3": the same language, another speaker).
    /// Caller holds `EspeakEngine.lock`, with the library loaded.
    static func variants() -> Set<String> {
        let dir = String(cString: vf_espeak_data_path()) + "/voices/!v"
        return Set((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
    }

    /// The voice with a variant ("+f3"): espeak_SetVoiceByName takes "identifier+variant".
    func with(variant: String) -> EspeakVoice {
        var v = self
        v.name = name + "+" + variant
        v.identifier = identifier + "+" + variant
        v.displayName = displayName + " (" + variant + ")"
        return v
    }

    /// Caller holds `EspeakEngine.lock`, with the library loaded.
    static func installed() -> [EspeakVoice] {
        var out: [EspeakVoice] = []
        var taken = Set<String>()
        for i in 0..<vf_espeak_voice_count() {
            var name: UnsafePointer<CChar>?, identifier: UnsafePointer<CChar>?
            var gender: Int32 = 0
            guard vf_espeak_voice(i, &name, &identifier, &gender) == 0, let identifier else { continue }
            var langs: [(String, Int)] = []
            var priority: Int32 = 0
            while let l = vf_espeak_voice_language(i, Int32(langs.count), &priority) {
                langs.append((String(cString: l).lowercased(), Int(priority)))
            }
            let id = String(cString: identifier)
            var n = langs.first?.0 ?? id.lowercased()
            if taken.contains(n) { n = String(id.split(separator: "/").last ?? Substring(id)).lowercased() }
            if taken.contains(n) { n = id.lowercased().replacingOccurrences(of: "/", with: "-") }
            taken.insert(n)
            out.append(EspeakVoice(name: n, displayName: name.map { String(cString: $0) } ?? n, identifier: id,
                                   languages: langs, gender: gender == 1 ? "male" : gender == 2 ? "female" : ""))
        }
        return out
    }
}

extension [EspeakVoice] {
    /// The voice called `name` (case and `_`/`-` do not matter), or nil.
    func named(_ name: String, variants: Set<String> = []) -> EspeakVoice? {
        let parts = name.split(separator: "+", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            guard variants.contains(parts[1]), let base = named(parts[0]) else { return nil }
            return base.with(variant: parts[1])
        }
        let n = name.lowercased().replacingOccurrences(of: "_", with: "-")
        return first { $0.name == n } ?? first { $0.identifier.lowercased() == n }
    }

    /// The voice for BCP 47 language `tag` ("de", "fr-FR", "en"), espeak-ng's preferred one
    /// when several speak it: an exact language first, then the tag with subtags dropped from
    /// the end ("en-US-x-foo" → "en-us" → "en"), then any voice of the same primary language.
    func best(forLanguage tag: String) -> EspeakVoice? {
        let norm = EspeakLanguage.normalize(tag)
        var candidate = norm
        while !candidate.isEmpty {
            if let v = preferred(where: { $0 == candidate }) { return v }
            guard let dash = candidate.lastIndex(of: "-") else { break }
            candidate = String(candidate[..<dash])
        }
        let primary = EspeakLanguage.primary(norm)
        return preferred { EspeakLanguage.primary($0) == primary }
    }

    private func preferred(where match: (String) -> Bool) -> EspeakVoice? {
        var best: (EspeakVoice, Int)?
        for v in self {
            for l in v.languages where match(l.tag) {
                if best == nil || l.priority < best!.1 { best = (v, l.priority) }
            }
        }
        return best?.0
    }
}

/// BCP 47 tags as espeak-ng spells languages.
enum EspeakLanguage {
    static func normalize(_ tag: String) -> String { tag.lowercased().replacingOccurrences(of: "_", with: "-") }
    static func primary(_ tag: String) -> String { String(tag.split(separator: "-").first ?? "") }

    /// Mandarin: "zh", "zh-CN", "zh-Hans", "cmn", "zh-cmn" … but not Cantonese ("zh-yue", "zh-HK").
    static func isMandarin(_ tag: String) -> Bool {
        let t = normalize(tag), p = primary(t)
        if p == "cmn" { return true }
        guard p == "zh" else { return false }
        let rest = t.split(separator: "-").dropFirst()
        return !rest.contains("yue") && !rest.contains("hk") && !rest.contains("mo")
    }

    /// True when `voice` speaks `tag`: one of its languages is the tag itself, or the tag is a
    /// bare language ("en") and the voice speaks a variety of it ("en-us").
    static func speaks(_ voice: EspeakVoice, _ tag: String) -> Bool {
        let t = normalize(tag)
        if voice.languages.contains(where: { $0.tag == t }) { return true }
        return !t.contains("-") && voice.languages.contains { primary($0.tag) == t }
    }
}
