/// Dates: "3/5/2024" (US order), "2024-03-05", "March 5, 2024", "5 March 2024", "Mar. 5th", "March 2024".
extension EnglishRules {
    /// A calendar date; any part may be missing.
    struct DateParts {
        var year: Int?
        var month: Int?
        var day: Int?
        /// The year was written with two digits ("3/5/24").
        var shortYear = false

        var isValid: Bool {
            if let month, !(1...12).contains(month) { return false }
            if let day {
                let longest = month.map { [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][$0 - 1] } ?? 31
                if !(1...longest).contains(day) { return false }
            }
            return month != nil || year != nil
        }

        /// "March fifth, twenty twenty four" (`dayFirst`: "the fifth of March, twenty twenty four").
        func spoken(dayFirst: Bool = false) -> String {
            var words = ""
            let monthName = month.map { EnglishTables.monthNames[$0 - 1] }
            switch (monthName, day) {
            case let (m?, d?): words = dayFirst ? "the " + NumberWords.ordinal(d) + " of " + m : m + " " + NumberWords.ordinal(d)
            case let (m?, nil): words = m
            case let (nil, d?): words = "the " + NumberWords.ordinal(d)
            case (nil, nil): break
            }
            guard let year else { return words }
            let yearWords = shortYear ? NumberWords.shortYear(year) : NumberWords.year(year)
            if words.isEmpty { return yearWords }
            return words + (day == nil ? " " : ", ") + yearWords
        }
    }

    /// "3/5/2024", "3/5/24", "2024-03-05", "2024/03/05", "05.03.2024" (day first with dots), and "3/5"
    /// after "on", "by", "until"…; a first number above 12 means day first ("25/12/2024").
    static func numericDate(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.token.hasDigit, let date = numericDateParts(w.core, cue: w.previous.map { EnglishTables.dateCues.contains($0.core) } ?? false)
        else { return nil }
        return EnglishMatch(spoken: date.parts.spoken(dayFirst: date.dayFirst))
    }

    static func numericDateParts(_ text: String, cue: Bool, order: String? = nil) -> (parts: DateParts, dayFirst: Bool)? {
        guard let separator = text.first(where: { "/-.".contains($0) }) else { return nil }
        let fields = text.split(separator: separator, omittingEmptySubsequences: false)
        guard fields.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = fields.compactMap { Int($0) }
        let lengths = fields.map(\.count)
        var parts = DateParts(), dayFirst = false
        if let order {
            guard order.count == numbers.count else { return nil }
            for (letter, (value, length)) in zip(order, zip(numbers, lengths)) {
                switch letter {
                case "y": parts.year = value; parts.shortYear = length <= 2
                case "m": parts.month = value
                case "d": parts.day = value
                default: return nil
                }
            }
            dayFirst = order.first == "d"
        } else if numbers.count == 3, lengths[0] == 4, lengths[1] <= 2, lengths[2] <= 2, separator != "." {
            parts = DateParts(year: numbers[0], month: numbers[1], day: numbers[2])
        } else if numbers.count == 3, lengths[0] <= 2, lengths[1] <= 2, lengths[2] == 4 || lengths[2] == 2 {
            dayFirst = separator == "." || (numbers[0] > 12 && numbers[1] <= 12)
            parts = dayFirst ? DateParts(year: numbers[2], month: numbers[1], day: numbers[0])
                             : DateParts(year: numbers[2], month: numbers[0], day: numbers[1])
            parts.shortYear = lengths[2] == 2
            if separator == "-" && parts.shortYear { return nil }   // "10-12-14" is more likely something else
        } else if numbers.count == 2, cue, separator == "/", lengths.allSatisfy({ $0 <= 2 }) {
            parts = DateParts(month: numbers[0], day: numbers[1])
        } else {
            return nil
        }
        return parts.isValid ? (parts, dayFirst) : nil
    }

    /// A month name, or an abbreviation with its period ("Mar."), or without one next to a number
    /// ("Mar 5", "25 Dec"). `abbreviated`: the period after it is the abbreviation's.
    /// Other capitalizations ("jul", "SEPT", "AUGUST") only next to a number, and never "may".
    static func month(_ token: EnglishToken, nextToNumber: Bool) -> (month: Int, abbreviated: Bool)? {
        var key = token.core
        if EnglishTables.months[key] == nil {
            guard nextToNumber, key.count >= 3, key != "may", key.allSatisfy(\.isASCIILetter) else { return nil }
            key = key.prefix(1).uppercased() + key.dropFirst().lowercased()
        }
        guard let month = EnglishTables.months[key] else { return nil }
        if EnglishTables.monthNames[month - 1] == key { return (month, false) }
        return token.hasPeriod || nextToNumber ? (month, true) : nil
    }

    /// A day of the month: "5", "05", "5th", "22nd".
    static func dayOfMonth(_ text: String) -> Int? {
        var digits = Substring(text)
        if ["st", "nd", "rd", "th"].contains(digits.suffix(2).lowercased()) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }

    /// Four digits from 1000 to 2999.
    static func fullYear(_ text: String) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCIIDigit), let y = Int(text), (1000...2999).contains(y) else { return nil }
        return y
    }

    /// "March 5, 2024", "March 5 2024", "Mar. 5th", "March 5", "March 2024".
    static func monthDate(_ w: EnglishWindow) -> EnglishMatch? {
        guard let next = w.next, next.lead.isEmpty, next.hasDigit, let (month, abbreviated) = month(w.token, nextToNumber: true),
              w.token.isBare || (abbreviated && w.token.trail == ".") else { return nil }
        if let year = fullYear(next.core) {
            return EnglishMatch(spoken: DateParts(year: year, month: month).spoken(), consumed: 2)
        }
        guard let day = dayOfMonth(next.core) else { return nil }
        var parts = DateParts(month: month, day: day)
        if next.trail.isEmpty || next.trail == ",", let after = w.at(2), after.lead.isEmpty, let year = fullYear(after.core) {
            parts.year = year
            return EnglishMatch(spoken: parts.spoken(), consumed: 3)
        }
        guard parts.isValid else { return nil }
        return EnglishMatch(spoken: parts.spoken(), consumed: 2)
    }

    /// "5 March 2024", "5th March", "5 Mar. 2024" → "the fifth of March, twenty twenty four".
    static func dayMonthDate(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.token.hasDigit, w.token.isBare, let day = dayOfMonth(w.core), let monthToken = w.next,
              monthToken.lead.isEmpty, let (month, abbreviated) = month(monthToken, nextToNumber: true) else { return nil }
        var parts = DateParts(month: month, day: day)
        guard parts.isValid else { return nil }
        var consumed = 2
        if monthToken.isBare || monthToken.trail == "," || (abbreviated && monthToken.trail == "."), let after = w.at(2),
           after.lead.isEmpty, let year = fullYear(after.core) {
            parts.year = year
            consumed = 3
        }
        var words = parts.spoken(dayFirst: true)
        if w.previous?.core.lowercased() == "the" { words = String(words.dropFirst("the ".count)) }
        let readsPeriod = consumed == 2 && abbreviated && monthToken.hasPeriod
        return EnglishMatch(spoken: words, consumed: consumed, period: readsPeriod ? .endsBeforeCapital : .notRead)
    }
}
