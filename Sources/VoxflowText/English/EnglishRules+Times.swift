/// Times of day: "10:30 am", "10:30 a.m.", "14:05", "9pm", "12:00 noon", "10:30:15".
extension EnglishRules {
    /// "am", "a.m" (its last period is peeled off as punctuation), "PM"… → the spoken letters.
    static let meridiems = ["am": "A M", "a.m": "A M", "pm": "P M", "p.m": "P M"]
    /// Words that can follow "12:00" and replace the minutes: "twelve noon".
    static let clockNouns: Set<String> = ["noon", "midnight"]

    /// A time, and "to" another one after a dash: "9:00 am - 5:00 pm", "9am-5pm".
    static func time(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.token.hasDigit, w.core.first?.isASCIIDigit == true else { return nil }
        if let dash = w.core.firstIndex(where: { dashes.contains($0) }) {
            let left = w.core[..<dash], right = w.core[w.core.index(after: dash)...]
            guard let b = meridiemTime(right) else { return nil }
            guard let a = meridiemTime(left) ?? clockWords(left) ?? hourOnly(left) else { return nil }
            return EnglishMatch(spoken: a + " to " + b, period: right.hasSuffix(".m") && w.token.hasPeriod ? .endsBeforeCapital : .notRead)
        }
        guard var match = singleTime(w) else { return nil }
        if let dash = w.attached(match.consumed), dash.core.count == 1, dashes.contains(dash.core.first!), dash.isBare,
           let after = w.at(match.consumed + 1), after.lead.isEmpty,
           let second = singleTime(EnglishWindow(tokens: w.tokens, index: w.index + match.consumed + 1, shouting: w.shouting, math: w.math)) {
            match = EnglishMatch(spoken: match.spoken + " to " + second.spoken, consumed: match.consumed + 1 + second.consumed,
                                 period: second.period)
        }
        return match
    }

    /// "9am", "10:30pm", "6.30p.m" as one token.
    static func meridiemTime(_ text: Substring) -> String? {
        let lower = text.lowercased()
        for (written, spoken) in meridiems where lower.hasSuffix(written) {
            return clockWords(text.dropLast(written.count), meridiem: spoken)
        }
        return nil
    }

    /// "9" before "-5pm": just the hour.
    static func hourOnly(_ text: Substring) -> String? {
        guard let h = Int(text), (1...12).contains(h), text.allSatisfy(\.isASCIIDigit) else { return nil }
        return NumberWords.cardinal(h)
    }

    static func singleTime(_ w: EnglishWindow) -> EnglishMatch? {
        // Attached meridiem: "9pm", "10:30am", "10:30a.m".
        let lower = w.core.lowercased()
        for (written, spoken) in meridiems where lower.hasSuffix(written) {
            guard let words = clockWords(w.core.dropLast(written.count), meridiem: spoken) else { return nil }
            return EnglishMatch(spoken: words, period: written.contains(".") && w.token.hasPeriod ? .endsBeforeCapital : .notRead)
        }
        if let next = w.attachedNext {
            let key = next.core.lowercased()
            if let spoken = meridiems[key], let words = clockWords(w.core[...], meridiem: spoken) {
                return EnglishMatch(spoken: words, consumed: 2,
                                    period: key.contains(".") && next.hasPeriod ? .endsBeforeCapital : .notRead)
            }
            if clockNouns.contains(key), let (h, m, s) = clock(w.core[...]), m == 0, s == nil, h == 12 {
                return EnglishMatch(spoken: "twelve " + key, consumed: 2)
            }
            if key == "o'clock" || key == "o’clock", let (h, m, s) = clock(w.core[...]), m == 0, s == nil, (1...12).contains(h) {
                return EnglishMatch(spoken: NumberWords.cardinal(h) + " o'clock", consumed: 2)
            }
        }
        guard w.core.contains(":"), let words = clockWords(w.core[...]) else { return nil }
        return EnglishMatch(spoken: words)
    }

    /// "10:30" → "ten thirty", "10:00" → "ten o'clock", "14:00" → "fourteen hundred", "14:05" → "fourteen oh five";
    /// with a meridiem ("A M"), "9" → "nine A M" and "10:00" → "ten A M". Nil when it is not a time.
    static func clockWords(_ text: Substring, meridiem: String? = nil) -> String? {
        // With a meridiem, a dot may stand for the colon: "6.30pm".
        let text = meridiem != nil && text.contains(".") ? Substring(String(text.map { $0 == "." ? ":" : $0 })) : text
        guard let (hour, minute, second) = clock(text) else { return nil }
        if meridiem != nil && !(1...12).contains(hour) { return nil }
        if meridiem == nil && !text.contains(":") { return nil }
        var words = [hour == 0 ? "twelve" : NumberWords.cardinal(hour)]
        switch minute {
        case 0 where meridiem != nil: break
        case 0: words.append(hour == 0 ? "" : hour <= 12 ? "o'clock" : "hundred")
        case 1..<10: words += ["oh", NumberWords.cardinal(minute)]
        default: words.append(NumberWords.cardinal(minute))
        }
        if let second { words.append("and " + NumberWords.cardinal(second) + (second == 1 ? " second" : " seconds")) }
        if let meridiem { words.append(meridiem) } else if hour == 0 { words.append("A M") }
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// "H", "H:MM" or "H:MM:SS" with a valid hour (0–24), minutes and seconds (two digits, 0–59).
    static func clock(_ text: Substring) -> (Int, Int, Int?)? {
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count), fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              fields[0].count <= 2, fields.dropFirst().allSatisfy({ $0.count == 2 }),
              let hour = Int(fields[0]), hour <= 24 else { return nil }
        let minute = fields.count > 1 ? Int(fields[1])! : 0
        let second = fields.count > 2 ? Int(fields[2])! : nil
        guard minute < 60, (second ?? 0) < 60, hour < 24 || (minute == 0 && (second ?? 0) == 0) else { return nil }
        return (hour, minute, second)
    }
}
