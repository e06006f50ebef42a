import Foundation
import Synchronization

/// Numbers written out in Hanzi: cardinals, decimals, digit strings, telephone numbers.
///
/// ```
/// cardinal("1,234") → 一千二百三十四    cardinal("2000") → 两千    cardinal("100010000") → 一亿零一万
/// decimal("0.25")   → 零点二五          digits("2024")   → 二零二四   telephone("110") → 幺幺零
/// ```
///
/// Below 10⁸ the words come from Foundation's zh_CN spell-out, with its written forms turned
/// into spoken ones (MandarinTables.spokenCharacters, .spokenLeading). Larger numbers are cut at
/// 亿 here, because the formatter drops the 零 that a gap needs (100010000 → "一亿一万") and
/// says 兆 for 10¹².
enum MandarinNumerals {
    private static let yi: UInt64 = 100_000_000
    private static let spellOut = Mutex(makeSpellOut())

    private static func makeSpellOut() -> NumberFormatter {
        let f = NumberFormatter()
        f.locale = Locale(identifier: "zh_CN")
        f.numberStyle = .spellOut
        return f
    }

    /// A whole number written with ASCII digits and optional thousands commas; numbers too long
    /// to hold (19 digits and more) are read digit by digit. `leadingLiang: false` keeps the
    /// written 二 (第2000 → 第二千).
    static func cardinal<S: StringProtocol>(_ written: S, leadingLiang: Bool = true) -> String {
        let digitsOnly = String(written.filter { $0 != "," })
        guard let n = UInt64(digitsOnly), digitsOnly.count <= 18 else { return digits(digitsOnly) }
        var spoken = spell(n)
        if leadingLiang, let fix = MandarinTables.spokenLeading.first(where: { spoken.hasPrefix($0.written) }) {
            spoken = fix.spoken + spoken.dropFirst(fix.written.count)
        }
        return spoken
    }

    /// "12.30" → 十二点三零: the whole part as a cardinal, the fraction digit by digit as written.
    static func decimal<S: StringProtocol>(_ written: S) -> String {
        let parts = written.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0].isEmpty ? "零" : cardinal(parts[0])
        guard parts.count == 2, !parts[1].isEmpty else { return whole }
        return whole + "点" + digits(parts[1])
    }

    /// Either form: "3" → 三, "3.5" → 三点五, "1,234" → 一千二百三十四.
    static func number<S: StringProtocol>(_ written: S) -> String {
        written.contains(".") ? decimal(written) : cardinal(written)
    }

    /// Each digit on its own: "2024" → 二零二四. Other characters are kept.
    static func digits<S: StringProtocol>(_ written: S) -> String {
        String(written.flatMap { MandarinTables.digits[$0] ?? String($0) })
    }

    /// Each digit on its own, 1 as 幺; "+" is said 加, spaces and dashes between groups become
    /// single spaces: "+86 138-0013-8000" → 加八六 幺三八 零零幺三 八零零零.
    static func telephone<S: StringProtocol>(_ written: S) -> String {
        var out = ""
        for c in written {
            if let d = MandarinTables.telephoneDigits[c] {
                out += d
            } else if c == "+" {
                out += "加"
            } else if (c == " " || c == "-" || c == "." || c == "(" || c == ")"), !out.isEmpty, out.last != " " {
                out += " "
            }
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    // MARK: -

    /// n in words, 一十 kept where speech keeps it (after 零: 一亿零一十).
    private static func spell(_ n: UInt64) -> String {
        guard n >= yi else { return belowYi(n) }
        let high = n / yi, low = n % yi
        var out = spell(high) + "亿"
        guard low > 0 else { return out }
        var rest = belowYi(low)
        if low < yi / 10 {
            out += "零"
            if rest.hasPrefix("十") { rest = "一" + rest }
        }
        out += rest
        return out
    }

    private static func belowYi(_ n: UInt64) -> String {
        let written = spellOut.withLock { $0.string(from: NSNumber(value: n)) } ?? digits(String(n))
        return String(written.map { MandarinTables.spokenCharacters[$0] ?? $0 })
    }
}
