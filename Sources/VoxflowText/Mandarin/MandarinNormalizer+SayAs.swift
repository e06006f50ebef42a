import Foundation

/// SSML `say-as` for Mandarin text.
extension MandarinNormalizer {
    /// The spoken form of `text` read as `interpretAs`, or nil when it cannot be read so.
    ///
    /// | interpret-as | example |
    /// |---|---|
    /// | characters, spell-out, digits | "2024" → 二零二四, "A3" → A 三 |
    /// | cardinal, number | "1,234" → 一千二百三十四, "-3.5" → 负三点五 |
    /// | ordinal | "2", "第2" → 第二 |
    /// | date (format ymd, mdy, dmy, ym, md, y, …; default: guessed, year first) | "2024-03-05" → 二零二四年三月五日 |
    /// | telephone | "010-6552 9988" → 零幺零 六五五二 九九八八 |
    /// | time | "14:05" → 十四点零五分 |
    /// | currency | "¥12.5" → 十二点五元, "$5" → 五美元 |
    public static func sayAs(_ text: String, interpretAs: String, format: String?) -> String? {
        let written = foldFullWidth(text).trimmingCharacters(in: .whitespaces)
        guard !written.isEmpty else { return nil }
        switch interpretAs.lowercased() {
        case "characters", "spell-out", "digits":
            return spellOut(written)
        case "cardinal", "number":
            return signedNumber(written)
        case "ordinal":
            let number = written.hasPrefix("第") ? String(written.dropFirst()) : written
            guard isWholeNumber(number) else { return nil }
            return "第" + MandarinNumerals.cardinal(number, leadingLiang: false)
        case "date":
            return date(written, format: format?.lowercased())
        case "telephone":
            guard written.contains(where: HanScript.isASCIIDigit),
                  written.allSatisfy({ HanScript.isASCIIDigit($0) || "+-() .".contains($0) }) else { return nil }
            return MandarinNumerals.telephone(written)
        case "time":
            let parts = written.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(HanScript.isASCIIDigit) })
            else { return nil }
            return readClock(parts[0], parts[1], parts.count == 3 ? parts[2] : nil)
        case "currency":
            if let sign = MandarinTables.currencySigns.keys.sorted(by: { $0.count > $1.count }).first(where: written.hasPrefix),
               let amount = signedNumber(String(written.dropFirst(sign.count)).trimmingCharacters(in: .whitespaces)) {
                return amount + MandarinTables.currencySigns[sign]!
            }
            let amount = written.hasSuffix("元") ? String(written.dropLast()) : written
            return signedNumber(amount).map { $0 + "元" }
        default:
            return nil
        }
    }

    /// Digits one by one, letters apart, Hanzi as they are.
    private static func spellOut(_ written: String) -> String {
        var out = ""
        for c in written where c != " " {
            if let d = MandarinTables.digits[c] {
                out += d
            } else if HanScript.isLatinLetter(c) {
                if let last = out.last, last != " " { out += " " }
                out += String(c) + " "
            } else {
                out.append(c)
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    private static func isWholeNumber(_ s: String) -> Bool {
        s.range(of: #"^(?:\d{1,3}(?:,\d{3})+|\d+)$"#, options: .regularExpression) != nil
    }

    private static func signedNumber(_ s: String) -> String? {
        guard s.range(of: "^[-+]?" + numberPattern + "$", options: .regularExpression) != nil else { return nil }
        let sign = s.hasPrefix("-") ? "负" : ""
        return sign + MandarinNumerals.number(s.drop { $0 == "-" || $0 == "+" })
    }

    /// The digit groups of a date ("2024-03-05", "3/5/2024", "2024年3月5日") read in the order
    /// `format` names them (y, m, d).
    private static func date(_ written: String, format: String?) -> String? {
        let groups = written.split(whereSeparator: { !HanScript.isASCIIDigit($0) })
        guard !groups.isEmpty, groups.count <= 3,
              written.allSatisfy({ HanScript.isASCIIDigit($0) || "-/. 年月日号".contains($0) }) else { return nil }
        let order = format ?? guessedOrder(groups)
        guard order.count == groups.count, Set(order).count == order.count, order.allSatisfy("ymd".contains) else { return nil }
        var fields: [Character: Substring] = [:]
        for (field, group) in zip(order, groups) { fields[field] = group }
        if let y = fields["y"], !(y.count == 2 || y.count == 4) { return nil }
        return readDate(year: fields["y"], month: fields["m"], day: fields["d"])
    }

    private static func guessedOrder(_ groups: [Substring]) -> String {
        switch groups.count {
        case 3: return groups.last!.count == 4 ? "mdy" : "ymd"
        case 2: return groups[0].count == 4 ? "ym" : groups[1].count == 4 ? "my" : "md"
        default: return groups[0].count == 4 ? "y" : "d"
        }
    }
}

