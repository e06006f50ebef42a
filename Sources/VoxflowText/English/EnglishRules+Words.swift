/// Words: abbreviations, initials, Roman numerals, acronyms, symbols, idioms, "twenty-four".
extension EnglishRules {
    /// "24/7", "C++", "Wi-Fi": tokens with a reading of their own.
    static func idiom(_ w: EnglishWindow) -> EnglishMatch? {
        EnglishTables.idioms[w.core].map { EnglishMatch(spoken: $0) }
    }

    /// "Dr. Smith" → "Doctor Smith", "Main St." → "Main Street", "St. Louis" → "Saint Louis", "etc.",
    /// "e.g.", "No. 5", "Jan.", "Mon.": the tables of `EnglishTables`.
    static func abbreviation(_ w: EnglishWindow) -> EnglishMatch? {
        let token = w.token
        guard token.hasLetter, token.core.count <= 8 else { return nil }
        let key = token.abbreviationKey
        let next = w.nextWord
        let nextIsName = next.map { $0.isCapitalized && $0.hasLetter && !EnglishNormalizer.sentenceWords.contains($0.core) } ?? false
        let withPeriod = token.hasPeriod
        let title = EnglishTables.titles[key]
            ?? (!withPeriod && EnglishTables.titlesWithoutPeriod.contains(token.core) && nextIsName
                ? EnglishTables.titles[token.core + "."] : nil)
        let afterName = EnglishTables.afterName[key] ?? (!withPeriod && token.core == "St" ? "Street" : nil)
        let startsSentence = w.startsSentence
        let read: (String, EnglishPeriod) -> EnglishMatch = {
            EnglishMatch(spoken: startsSentence ? matchCase($0, of: token.core) : $0, period: withPeriod ? $1 : .notRead)
        }

        // A title before a name, or a street or suffix after one; "St." and "Dr." can be both, so a name
        // before wins ("Main St."), unless that name only starts the sentence and a name follows ("Visit St. Louis").
        if title != nil || afterName != nil {
            let (previousIsName, previousStartsSentence) = nameBefore(w)
            if let afterName, previousIsName && (!previousStartsSentence || !nextIsName || title == nil) {
                return read(afterName, .endsBeforeSentenceWord)
            }
            if let title { return read(title, .title) }
            if let afterName, withPeriod { return read(afterName, .endsBeforeSentenceWord) }
            return nil
        }
        if let number = EnglishTables.beforeNumber[key], let next,
           next.core.first.map({ $0.isASCIIDigit || $0 == "#" }) == true {
            return read(number, .title)
        }
        if let general = EnglishTables.general[key] { return read(general, .endsBeforeSentenceWord) }
        if token.isCapitalized, !token.isAllCaps, let general = EnglishTables.general[key.lowercased()] {
            return read(general, .endsBeforeSentenceWord)
        }
        if withPeriod, let month = EnglishTables.months[token.core], EnglishTables.monthNames[month - 1] != token.core {
            return read(EnglishTables.monthNames[month - 1], .endsBeforeSentenceWord)
        }
        if withPeriod, let day = EnglishTables.weekdays[token.core] { return read(day, .endsBeforeSentenceWord) }
        // "Mon-Fri", "Mon–Sat": a range of weekdays.
        let days = token.core.split(whereSeparator: { dashes.contains($0) })
        if days.count == 2, let from = EnglishTables.weekdays[String(days[0])], let to = EnglishTables.weekdays[String(days[1])] {
            return read(from + " to " + to, .endsBeforeSentenceWord)
        }
        return nil
    }

    /// At the start of a sentence, a lower-case expansion of a capitalized abbreviation starts with a capital:
    /// "No. 5 is" → "Number five is".
    static func matchCase(_ expansion: String, of written: String) -> String {
        guard written.first?.isUppercase == true, written.dropFirst().contains(where: \.isLowercase),
              expansion.first?.isLowercase == true else { return expansion }
        return expansion.prefix(1).uppercased() + expansion.dropFirst()
    }

    /// In an equation, signs between numbers or letters: "3 × 4 = 12" "times", "10 / 2 = 5" "divided by".
    static func mathOperator(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.math, let word = ["×": "times", "x": "times", "X": "times", "*": "times", "/": "divided by", "−": "minus",
                                  "-": "minus", "÷": "divided by", "^": "to the power of"][w.core],
              let previous = w.attachedPrevious, let next = w.attachedNext,
              previous.core.last.map({ $0.isNumber || $0.isLetter }) == true,
              next.core.first.map({ $0.isNumber || $0.isLetter || $0 == "(" }) == true || next.lead == "(" else { return nil }
        return EnglishMatch(spoken: word)
    }

    /// "5 in x 3 in", "2 × 4": a multiplication sign between measures is "by".
    static func dimensionSign(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.core == "x" || w.core == "×" || w.core == "X", let previous = w.attachedPrevious, let next = w.attachedNext,
              next.core.first?.isASCIIDigit == true,
              previous.hasDigit || EnglishUnit.lookup(previous, followedBy: w.token) != nil else { return nil }
        return EnglishMatch(spoken: "by")
    }

    /// The previous token is a name (a capitalized word, or a street number like "5th"), and whether it
    /// begins its sentence (then it may just be a capitalized first word).
    private static func nameBefore(_ w: EnglishWindow) -> (Bool, Bool) {
        guard let previous = w.previous, previous.isBare || previous.trail == "," else { return (false, false) }
        let isName = (previous.isCapitalized && previous.hasLetter && EnglishTables.titles[previous.abbreviationKey] == nil)
            || ordinalWords(previous.core) != nil
        let starts = w.index == 1 || (w.at(-2)?.endsSentence ?? true)
        return (isName, starts)
    }

    /// "U.S." → "U S", "U.S.A." → "U S A", "J.R.R. Tolkien" → "J R R Tolkien".
    static func lettersWithPeriods(_ w: EnglishWindow) -> EnglishMatch? {
        let parts = w.core.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ $0.count == 1 && $0.first!.isLetter }) else { return nil }
        let spoken = parts.map { $0.uppercased() }.joined(separator: " ")
        return EnglishMatch(spoken: spoken, period: w.token.hasPeriod ? .endsBeforeSentenceWord : .notRead)
    }

    /// "John F. Kennedy" → "John F Kennedy": a capital letter with a period before a name, at the start of a
    /// sentence or after a name or another initial. Not after a word that counts things ("Appendix A. Smith…"),
    /// a single letter ("P M. Sharp"), nor before a word that starts sentences ("Plan B. The…").
    static func initial(_ w: EnglishWindow) -> EnglishMatch? {
        let token = w.token
        guard token.core.count == 1, token.isCapitalized, token.trail == ".", let next = w.nextWord,
              next.isCapitalized, next.hasLetter, !EnglishNormalizer.sentenceWords.contains(next.core) else { return nil }
        // "by C. S. Lewis": two initials before a name are initials whatever comes before them.
        var k = 1
        while let t = w.at(k), t.core.count == 1, t.isCapitalized, t.trail == "." { k += 1 }
        let nextIsInitial = k >= 2 && w.at(k).map { $0.isCapitalized && $0.core.count >= 2 && $0.lead.isEmpty } == true
        if !nextIsInitial, let previous = w.previous, !previous.endsSentence {
            let isName = previous.isBare && previous.core.count >= 2 && previous.isCapitalized && previous.hasLetter
                && !previous.isAllCaps && !Roman.countWords.contains(previous.core.lowercased())
            let isInitial = previous.core.count == 1 && previous.trail == "."
            guard isName || isInitial else { return nil }
        }
        return EnglishMatch(spoken: token.core, period: .title)
    }

    static func roman(_ w: EnglishWindow) -> EnglishMatch? {
        Roman.read(w).map { EnglishMatch(spoken: $0) }
    }

    /// "FBI" → "F B I", "NASA" → "Nasa", "FBI's" → "F B I's", "CEOs" → "C E O's".
    static func acronym(_ w: EnglishWindow) -> EnglishMatch? {
        let core = w.core
        guard core.count >= 2, core.first?.isUppercase == true else { return nil }
        var base = Substring(core), suffix = ""
        if core.hasSuffix("'s") || core.hasSuffix("’s") {
            base = base.dropLast(2); suffix = String(core.suffix(2))
        } else if core.count >= 3, core.hasSuffix("s"), core.dropLast().allSatisfy(\.isUppercase) {
            base = base.dropLast(); suffix = "s"
        }
        guard let words = EnglishAcronyms.read(String(base), shouting: w.shouting) else { return nil }
        if suffix == "s" && words.last?.isUppercase == true && words.contains(" ") { suffix = "'s" }
        return EnglishMatch(spoken: words + suffix)
    }

    /// Stand-alone signs: "&" → "and", "+" → "plus", "=" → "equals", "%" → "percent".
    static func symbol(_ w: EnglishWindow) -> EnglishMatch? {
        EnglishTables.symbols[w.core].map { EnglishMatch(spoken: $0) }
    }

    /// "twenty-four" → "twenty four", "forty-second" → "forty second".
    static func hyphenatedNumberWords(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.core.contains("-") else { return nil }
        let parts = w.core.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ NumberWords.numberWords.contains($0.lowercased()) }) else { return nil }
        return EnglishMatch(spoken: parts.joined(separator: " "))
    }
}

extension EnglishWindow {
    /// The next token when only a space, or the current token's period and a space, separate them:
    /// "Dr. Smith" → "Smith"; "Dr., Smith" → nil.
    var nextWord: EnglishToken? {
        guard token.trail.isEmpty || token.trail == ".", let n = next, n.lead.isEmpty else { return nil }
        return n
    }
}
