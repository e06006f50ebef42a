/// How the rules read what they matched.
extension MandarinNormalizer {
    /// A number before `following` text: 2 is said 两 before measure words and units
    /// (2个 → 两个, 2点 → 两点) but 二 in names of months, days, grades (2月, 2号, 2年级).
    static func readNumber(_ written: Substring, before following: Substring) -> String {
        guard written == "2" else { return MandarinNumerals.number(written) }
        let next = following.drop { $0 == " " }
        let liang = MandarinTables.twoAsLiang.contains { next.hasPrefix($0) }
            && !MandarinTables.twoExceptions.contains { next.hasPrefix($0) }
        return liang ? "两" : "二"
    }

    /// A minus sign: 零下 before a temperature ("-5℃", "-5度"), else 负; "" without one.
    static func readSign(_ sign: Substring?, before following: Substring) -> String {
        guard sign != nil else { return "" }
        return MandarinTables.belowZeroUnits.contains { following.hasPrefix($0) } ? "零下" : "负"
    }

    /// A number standing alone (with an optional unit): digit strings of 7 digits or more and
    /// service numbers (110), when no unit or measure word follows, are read like telephone
    /// numbers (1 as 幺); numbers written with leading zeros (007) digit by digit.
    /// After a word of calling (拨打, 致电, 热线…) any number of three digits or more is dialled.
    static func readQuantity(_ written: Substring, unit: String?, after: Substring, before: Substring = "") -> String {
        let isDigitString = written.allSatisfy(HanScript.isASCIIDigit)
        let dialled = written.count >= 3 && MandarinTables.callCues.contains { before.hasSuffix($0) }
        let phoneLike = written.count >= 7 || dialled || MandarinTables.serviceNumbers.contains(String(written))
        if isDigitString, phoneLike, unit == nil, !startsWithMeasureWord(after) {
            return MandarinNumerals.telephone(written)
        }
        if isDigitString, written.count >= 2, written.first == "0" {
            return MandarinNumerals.digits(written)
        }
        return readNumber(written, before: unit.map { Substring($0) } ?? after)
    }

    static func startsWithMeasureWord(_ text: Substring) -> Bool {
        guard let c = text.drop(while: { $0 == " " }).first else { return false }
        return MandarinTables.measureWordStarts.contains(c)
    }

    /// 2024, 3, 5 → 二零二四年三月五日; nil when the month or day cannot be one.
    static func readDate(year: Substring?, month: Substring?, day: Substring?) -> String? {
        var out = ""
        if let year { out += MandarinNumerals.digits(year) + "年" }
        if let month {
            guard let m = within(month, 1...12, { MandarinNumerals.cardinal($0) }) else { return nil }
            out += m + "月"
        }
        if let day {
            guard let d = within(day, 1...31, { MandarinNumerals.cardinal($0) }) else { return nil }
            out += d + "日"
        }
        return out.isEmpty ? nil : out
    }

    /// 14, 05, nil → 十四点零五分; 2, 00 → 两点; nil when it is not a time of day.
    static func readClock(_ hour: Substring, _ minute: Substring, _ second: Substring?) -> String? {
        guard let h = Int(hour), let m = Int(minute), h <= 24, m <= 59 else { return nil }
        var out = (h == 2 ? "两" : MandarinNumerals.cardinal(String(h))) + "点"
        if m > 0 || second != nil { out += (m < 10 && m > 0 ? "零" : "") + MandarinNumerals.cardinal(String(m)) + "分" }
        if let second {
            guard let s = Int(second), s <= 59 else { return nil }
            out += (s < 10 && s > 0 ? "零" : "") + MandarinNumerals.cardinal(String(s)) + "秒"
        }
        return out
    }

    /// A four-digit number before 年 that counts years rather than naming one: after 过去, 近, 约…
    /// (过去1000年), or a round number before 年前, 年来… (1000年前).
    static func isAmountOfYears(_ m: MandarinMatch) -> Bool {
        let before = m.before.drop { _ in false }
        if MandarinTables.amountCues.contains(where: { before.hasSuffix($0) }) { return true }
        guard let n = Int(m[0]!), n % 100 == 0 else { return false }
        return MandarinTables.durationAfter.contains { m.after.hasPrefix($0) }
    }

    /// A cue before or after "6/18" that makes it a date.
    static func isDateContext(_ m: MandarinMatch) -> Bool {
        MandarinTables.dateCuesBefore.contains { m.before.hasSuffix($0) }
            || MandarinTables.dateCuesAfter.contains { m.after.hasPrefix($0) }
    }

    /// 6, 18 → 六月十八日; nil when they cannot be a month and a day.
    static func readMonthDay(month: Substring, day: Substring) -> String? {
        guard let mo = Int(month), let d = Int(day), (1...12).contains(mo), (1...31).contains(d) else { return nil }
        return MandarinNumerals.cardinal(String(mo)) + "月" + MandarinNumerals.cardinal(String(d)) + "日"
    }

    /// `say(value)` when the written number lies in `range` (leading zeros allowed), else nil.
    static func within(_ written: Substring, _ range: ClosedRange<Int>, _ say: (String) -> String) -> String? {
        guard let n = Int(written), range.contains(n) else { return nil }
        return say(String(n))
    }
}

