/// `voxflow normalize --explain`: which rule read what.
extension TextFrontEnd {
    /// Every decision the normalizers take on `text`, in order: markup is read as `sentences`
    /// reads it, and each plain text piece is split into language runs and explained by its
    /// language's normalizer. Pieces that markup reads (`say-as`, `sub`, phonemes) are listed
    /// with the element as their rule.
    ///
    ///     TextFrontEnd().explain("Pay $5 on 3/5.")
    ///     // [$5 → five dollars [en money], 3/5 → March fifth [en numeric date]]
    public func explain(_ text: String) throws -> [NormalizationStep] {
        let pieces = markup ? try MarkupParser.parse(text) : MarkupParser.plain(text)
        var steps: [NormalizationStep] = []
        for piece in pieces {
            guard case let .text(raw) = piece.content else { continue }
            let cleaned = TextCleaner.clean(raw)
            guard !cleaned.isEmpty else { continue }
            let forced = (piece.language ?? language).map(TextFrontEnd.family)
            switch piece.reading {
            case let .sayAs(kind, format)?:
                let lang = forced ?? (LanguageRuns.containsHan(cleaned) ? "zh" : "en")
                let spoken = SayAs.read(cleaned, kind: kind, format: format, language: lang) ?? ""
                steps.append(NormalizationStep(language: lang, written: cleaned, spoken: spoken, rule: "say-as \(kind)"))
                continue
            case let .alias(alias)?:
                steps.append(NormalizationStep(language: forced ?? "en", written: cleaned, spoken: alias, rule: "sub alias"))
                continue
            case let .phonemes(_, ph)?:
                steps.append(NormalizationStep(language: forced ?? "en", written: cleaned, spoken: ph, rule: "phoneme"))
                continue
            case let .pinyin(syllables)?:
                steps.append(NormalizationStep(language: "zh", written: cleaned, spoken: syllables.joined(separator: " "), rule: "pinyin override"))
                continue
            case nil:
                break
            }
            let runs = forced.map { [LanguageRun(language: $0, text: cleaned)] } ?? LanguageRuns.split(cleaned)
            for run in runs {
                let t = run.text.trimmingSpaces()
                guard !t.isEmpty else { continue }
                switch run.language {
                case "zh": steps += MandarinNormalizer.explain(t, lexicon: lexicon).steps
                case "en": steps += EnglishNormalizer.explain(t, lexicon: lexicon).steps
                default: break
                }
            }
        }
        return steps
    }
}
