/// Where a lexicon entry applies.
extension UserLexicon {
    /// An English entry whose words start at the cursor: the cores must be equal, the punctuation
    /// between the entry's words too ("Mt. Fuji"), and a period the entry ends with is read with it.
    func match(_ w: EnglishWindow) -> EnglishMatch? {
        guard let candidates = byFirstWord[w.core] else { return nil }
        for (words, spoken) in candidates {
            var ok = true
            for (k, word) in words.enumerated() {
                guard let t = w.at(k), t.core == word.core, k == 0 || t.lead == word.lead else { ok = false; break }
                if k < words.count - 1, t.trail != word.trail { ok = false; break }
                if k == words.count - 1, word.hasPeriod, !t.hasPeriod { ok = false; break }
            }
            guard ok else { continue }
            let readsPeriod = words.last?.hasPeriod == true
            return EnglishMatch(spoken: spoken, consumed: words.count, period: readsPeriod ? .endsBeforeSentenceWord : .notRead)
        }
        return nil
    }

    /// A Mandarin run with every entry replaced by its spoken form, longest entries first, and
    /// what was replaced.
    func apply(toHan text: String, record: ((NormalizationStep) -> Void)?) -> String {
        guard !hanEntries.isEmpty else { return text }
        var out = ""
        var rest = Substring(text)
        outer: while !rest.isEmpty {
            for (written, spoken) in hanEntries where rest.hasPrefix(written) {
                out += spoken
                record?(NormalizationStep(language: "zh", written: written, spoken: spoken, rule: "user lexicon"))
                rest = rest.dropFirst(written.count)
                continue outer
            }
            out.append(rest.removeFirst())
        }
        return out
    }
}
