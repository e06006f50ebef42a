import Foundation

/// The rules, most specific first. Each one turns the digits it matches into Hanzi, so a later
/// rule never sees them again.
extension MandarinNormalizer {
    /// A number as written: 1234, 1,234, 0.25, 1,234.5.
    static let numberPattern = #"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"#
    /// Not in the middle of a number.
    static let numberStart = #"(?<![\d.])"#
    /// A dash between the ends of a range; `to` also takes the words 至 and 到.
    static let dash = "[" + MandarinTables.rangeDashes + "]"
    static let to = "[" + MandarinTables.rangeDashes + "至到]"
    /// A unit symbol after a number, never the start of a longer Latin word ("5 m" but not "5 more").
    static let unitPattern = "(" + alternation(MandarinTables.units.keys) + #")(?![A-Za-z])"#
    static let currencyPattern = "(" + alternation(MandarinTables.currencySigns.keys) + ")"
    static let clock = #"(\d{1,2}):(\d{2})(?::(\d{2}))?"#
    /// A minus sign before a number, not a hyphen after a word or number ("COVID-19", "10-20").
    static let sign = #"(?:(?<![A-Za-z0-9])(-))?"#

    static let rules: [MandarinRule] = [
        // 010-12345678, 400-123-4567, +86 138 0013 8000, 13800138000
        MandarinRule("telephone", numberStart + #"(?:\+\d{1,3}[ -]?)?(?:\(?0\d{2,3}\)?[ -]?(?:\d{7,8}|\d{3,4}[ -]\d{4})|1\d{2}[ -]\d{4}[ -]\d{4}|[48]00[ -]\d{3}[ -]\d{4}|1\d{10})(?![\d.])"#) {
            MandarinNumerals.telephone($0[0]!)
        },
        // 2024-03-05, 2024/3/5, 2024.3.5
        MandarinRule("date", numberStart + #"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])"#) {
            readDate(year: $0[1], month: $0[3], day: $0[4])
        },
        // 14:05, 14:05:30, 9:00-17:30
        MandarinRule("time", #"(?<![\d:.])"# + clock + #"(?:\s*("# + to + #")\s*"# + clock + #")?(?![\d:])"#) { m in
            guard let first = readClock(m[1]!, m[2]!, m[3]) else { return nil }
            guard m[5] != nil else { return first }
            guard let second = readClock(m[5]!, m[6]!, m[7]) else { return nil }
            return first + "到" + second
        },
        // 3:2 (a score or ratio)
        MandarinRule("ratio", numberStart + #"(\d+):(\d+)(?![\d:])"#) {
            MandarinNumerals.cardinal($0[1]!) + "比" + MandarinNumerals.cardinal($0[2]!)
        },
        // 2024-2025年, 2024年, 90年代: years digit by digit
        MandarinRule("year range", numberStart + #"(\d{4})\s*"# + to + #"\s*(\d{4})(?=\s*(?:年|"# + MandarinTables.yearNouns.joined(separator: "|") + "))") {
            MandarinNumerals.digits($0[1]!) + "到" + MandarinNumerals.digits($0[2]!)
        },
        // 2008奥运会, 2024届, 2023赛季: a year before words that name events of a year
        MandarinRule("year", numberStart + #"(?:\d{4}(?=\s*年)|(?:19|20)\d{2}(?=\s*(?:"# + MandarinTables.yearNouns.joined(separator: "|") + #"))|\d0(?=年代))"#) { m in
            isAmountOfYears(m) ? nil : MandarinNumerals.digits(m[0]!)
        },
        // 公元前221年, 公元8年: years of an era digit by digit
        MandarinRule("era year", #"(?<=公元前|公元)(\d{1,4})(?=\s*年)"#) { MandarinNumerals.digits($0[1]!) },
        // 2024-03, 2024/12: a year and a month (the month written with two digits)
        MandarinRule("year and month", numberStart + #"(\d{4})[-/.](0[1-9]|1[0-2])(?![\d./-])"#) {
            readDate(year: $0[1], month: $0[2], day: nil)
        },
        // 2-3月, 5~7日: ranges of months and days say 二
        MandarinRule("month or day range", numberStart + #"(\d{1,2})\s*"# + to + #"\s*(\d{1,2})(?=\s*[月日号])"#) { m in
            guard let a = within(m[1]!, 1...31, { MandarinNumerals.cardinal($0) }),
                  let b = within(m[2]!, 1...31, { MandarinNumerals.cardinal($0) }) else { return nil }
            return a + "到" + b
        },
        // 3月, 5日, 5号: months and days say 二, not 两
        MandarinRule("month", numberStart + #"(\d{1,2})(?=\s*月)"#) { m in
            within(m[1]!, 1...12) { MandarinNumerals.cardinal($0) }
        },
        MandarinRule("day", numberStart + #"(\d{1,2})(?=\s*[日号])"#) { m in
            within(m[1]!, 1...31) { MandarinNumerals.cardinal($0) }
        },
        // 9点2分 → 九点二分: minutes say 二
        MandarinRule("minutes", #"(?<=点)(\d{1,2})(?=分)"#) { m in
            within(m[1]!, 0...59) { (m[1]!.count == 2 && m[1]!.first == "0" ? "零" : "") + MandarinNumerals.cardinal($0, leadingLiang: false) }
        },
        // 第2名 → 第二名
        MandarinRule("ordinal", #"第\s*(\d+)(?![\d.,])"#) { "第" + MandarinNumerals.cardinal($0[1]!, leadingLiang: false) },
        // 10%-20%, 3.5%, -2%, +5% (the plus is not said), 5‰
        MandarinRule("percent range", numberStart + "(" + numberPattern + #")\s*%?\s*"# + to + #"\s*("# + numberPattern + #")\s*%"#) {
            "百分之" + MandarinNumerals.number($0[1]!) + "到百分之" + MandarinNumerals.number($0[2]!)
        },
        MandarinRule("percent", #"(?:(?<![A-Za-z0-9])([-+]))?"# + numberStart + "(" + numberPattern + #")\s*([%‰])"#) { m in
            let sign = m[1] == "-" ? "负" : ""
            return sign + (m[3] == "‰" ? "千分之" : "百分之") + MandarinNumerals.number(m[2]!)
        },
        // ¥100, $5, €2.5万
        MandarinRule("currency", currencyPattern + #"\s*("# + numberPattern + #")(\s*[百千万亿]+)?"#) { m in
            let unit = MandarinTables.currencySigns[String(m[1]!)]!
            let scale = m[3].map { $0.filter { $0 != " " } } ?? ""
            return readNumber(m[2]!, before: scale.isEmpty ? Substring(unit) : Substring(scale)) + scale + unit
        },
        // 6·18, 9·11: a month and day joined by a middle dot name a date (or the event on it)
        MandarinRule("dotted date", #"(?<![\d.])(\d{1,2})[·・•](\d{1,2})(?![\d])"#) { readMonthDay(month: $0[1]!, day: $0[2]!) },
        // 6/18大促, 在12/25: a month and day where a cue around says it is a date
        MandarinRule("month/day date", #"(?<![\d./])(\d{1,2})/(\d{1,2})(?![\d/])"#) { m in
            isDateContext(m) ? readMonthDay(month: m[1]!, day: m[2]!) : nil
        },
        // 1/3 → 三分之一
        MandarinRule("fraction", #"(?<![\d./])(\d+)/(\d+)(?![\d/])"#) { m in
            m[2]!.allSatisfy { $0 == "0" } ? nil
                : MandarinNumerals.cardinal(m[2]!, leadingLiang: false) + "分之" + MandarinNumerals.cardinal(m[1]!)
        },
        // 10-20个, 3~5 km, -10~5℃
        MandarinRule("range", sign + numberStart + "(" + numberPattern + #")\s*"# + dash + #"\s*(-)?("# + numberPattern + #")(?:\s*"# + unitPattern + ")?") { m in
            let unit = m[5].map { MandarinTables.units[String($0)]! }
            let after = unit.map { Substring($0) } ?? m.after
            return readSign(m[1], before: after) + readNumber(m[2]!, before: after) + "到"
                + readSign(m[3], before: after) + readNumber(m[4]!, before: after) + (unit ?? "")
        },
        // 2000人, -5℃, 3.5 km, 1,234元, 13800138000
        MandarinRule("quantity", sign + numberStart + "(" + numberPattern + #")(?:\s*"# + unitPattern + ")?") { m in
            let unit = m[3].map { MandarinTables.units[String($0)]! }
            return readSign(m[1], before: m[3] ?? m.after) + readQuantity(m[2]!, unit: unit, after: m.after, before: m.before) + (unit ?? "")
        },
        MandarinRule("digits", #"\d+"#) { MandarinNumerals.digits($0[0]!) },
    ]

    /// Alternatives for a regular expression, longest first so that "km" wins over "m".
    static func alternation<S: Sequence<String>>(_ words: S) -> String {
        words.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
            .map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
    }
}
