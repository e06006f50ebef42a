import VoxflowKit

/// Markup pieces → normalized words, each with its language and style.
struct Tokenizer {
    /// Language the caller forced (family code), nil to detect runs.
    let language: String?
    var lexicon: UserLexicon? = nil

    func tokens(_ pieces: [MarkupPiece]) throws -> [Token] {
        var out: [Token] = []
        var pause = 0.0
        var bookmarks: [String] = []
        for piece in pieces {
            switch piece.content {
            case let .pause(s): pause += s
            case let .bookmark(name): bookmarks.append(name)
            case .sentenceBreak: if !out.isEmpty { out[out.count - 1].sentenceEnd = true }
            case let .text(raw):
                let text = TextCleaner.clean(raw)
                guard !text.isEmpty else { continue }
                var words = try read(text, piece)
                guard !words.isEmpty else { continue }
                words[0].pauseBefore += pause
                words[0].bookmarks += bookmarks
                pause = 0
                bookmarks = []
                out += words
            }
        }
        if pause > 0 || !bookmarks.isEmpty {
            // Silence or bookmarks after the last word: an empty word carries them.
            let style = pieces.last?.style ?? SpanStyle()
            out.append(Token(word: SpokenWord(written: "", spoken: "", alphabet: .text), language: out.last?.language ?? "en",
                             style: style, pauseBefore: pause, bookmarks: bookmarks))
        }
        return out
    }

    private func languageOf(_ piece: MarkupPiece, _ text: String) -> String? {
        (piece.language ?? language).map(TextFrontEnd.family)
    }

    private func read(_ text: String, _ piece: MarkupPiece) throws -> [Token] {
        let forced = languageOf(piece, text)
        let whole = forced ?? (LanguageRuns.containsHan(text) ? "zh" : "en")
        func token(_ w: SpokenWord, _ lang: String) -> Token { Token(word: w, language: lang, style: piece.style) }
        switch piece.reading {
        case let .sayAs(kind, format)?:
            guard let spoken = SayAs.read(text, kind: kind, format: format, language: whole) else {
                let how = format.map { "\(kind) (format \($0))" } ?? kind
                throw MarkupError(line: piece.line, column: piece.column, "say-as cannot read \"\(text)\" as \(how)")
            }
            return try words(spoken, language: whole, normalize: false).map { token($0, whole) }
        case let .alias(alias):
            return try words(TextCleaner.clean(alias), language: whole, normalize: true).map { token($0, whole) }
        case let .phonemes(alphabet, ph):
            return [token(SpokenWord(written: text, spoken: ph, alphabet: alphabet), forced ?? "en")]
        case let .pinyin(syllables):
            return [token(SpokenWord(written: text, spoken: syllables.joined(separator: " "), alphabet: .pinyin), "zh")]
        case nil:
            let runs = forced.map { [LanguageRun(language: $0, text: text)] } ?? LanguageRuns.split(text)
            var out: [Token] = []
            for run in runs {
                let t = run.text.trimmingSpaces()
                guard !t.isEmpty else { continue }
                out += try words(t, language: run.language, normalize: true).map { token($0, run.language) }
            }
            return out
        }
    }

    /// Normalizes a run and cuts it into words: Mandarin into dictionary words with pinyin,
    /// other languages at spaces.
    private func words(_ text: String, language: String, normalize: Bool) throws -> [SpokenWord] {
        switch language {
        case "zh":
            let spoken = normalize ? MandarinNormalizer.normalize(text, lexicon: lexicon) : text
            return PinyinConverter(dictionary: try PinyinDictionary.shared()).words(spoken)
        default:
            let spoken = normalize && language == "en" ? EnglishNormalizer.normalize(text, lexicon: lexicon) : text
            return spoken.split(separator: " ").map { SpokenWord(written: String($0), spoken: String($0), alphabet: .text) }
        }
    }
}
