/// The tone changes of 一 and 不, which readings in the dictionary do not show consistently.
///
/// | | before a 4th tone | before 1st/2nd/3rd | counting, ordinal, word end | X一X, X不X |
/// |---|---|---|---|---|
/// | 一 | yi2 一定 | yi4 一天 一起 | yi1 十一 第一 一九 统一 一月 一日(after 月) 一点五 | yi5 看一看 |
/// | 不 | bu2 不是 | bu4 不好 | bu4 | bu5 是不是 |
///
/// The tone that decides is the next character's dictionary tone (不一定: bu4 yi2 ding4).
extension PinyinConverter {
    /// Characters said as digits: 一 next to one of them is counted (十一, 一九, 二零一四).
    static let digitNumerals: Set<Character> = ["零", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "幺"]
    /// Before 一, these make it an ordinal or a name (第一, 初一, 周一, 星期一, 礼拜一).
    static let ordinalMarkersBeforeYi: Set<Character> = ["第", "初", "周", "期", "拜"]
    /// After 一, these make it a name or a number (一月, 一号, 一楼, 一等, 一级, 一班).
    static let ordinalMarkersAfterYi: Set<Character> = ["月", "号", "楼", "等", "级", "班"]
    /// Inside a number, 一 after one of these and before 十 is counted (一百一十, 一万零一十).
    static let placeValues: Set<Character> = ["百", "千", "万", "亿", "零"]
    /// 一点 followed by one of these is a time or a decimal (一点钟, 一点整, 一点五), not 'a little'.
    static let afterYiDian: Set<Character> = digitNumerals.union(["钟", "整", "半"])

    static func applyToneSandhi(_ syllables: inout [HanSyllable]) {
        let lexicalTones = syllables.map { $0.reading.flatMap { Int(String($0.last!)) } }
        for i in syllables.indices {
            guard let reading = syllables[i].reading else { continue }
            let letters = reading.dropLast()
            let previous = i > 0 ? syllables[i - 1].character : nil
            let next = i + 1 < syllables.count ? syllables[i + 1].character : nil
            let nextTone = i + 1 < syllables.count ? lexicalTones[i + 1] : nil
            switch (syllables[i].character, letters) {
            case ("一", "yi"):
                let afterNext = i + 2 < syllables.count ? syllables[i + 2].character : nil
                let beforePrevious = i > 1 ? syllables[i - 2].character : nil
                syllables[i].reading = "yi" + String(yiTone(beforePrevious: beforePrevious, previous: previous, next: next,
                                                             afterNext: afterNext, nextTone: nextTone, endsWord: syllables[i].endsWord))
            case ("不", "bu"):
                syllables[i].reading = "bu" + String(buTone(previous: previous, next: next, nextTone: nextTone))
            default:
                continue
            }
        }
    }

    static func yiTone(beforePrevious: Character?, previous: Character?, next: Character?, afterNext: Character?,
                       nextTone: Int?, endsWord: Bool) -> Int {
        guard let next, let nextTone else { return 1 }
        if let previous, previous == next, previous != "一", beforePrevious != "一" { return 5 }  // 看一看, not 一天一天
        if endsWord { return 1 }
        if let previous, previous != "一", digitNumerals.contains(previous) || ordinalMarkersBeforeYi.contains(previous) {
            return 1
        }
        if previous == "点", let beforePrevious, digitNumerals.contains(beforePrevious) { return 1 }  // 零点一五
        if previous == "之" && beforePrevious == "分" { return 1 }  // 三分之一
        if next == "十", let previous, placeValues.contains(previous) { return 1 }  // 一百一十
        if digitNumerals.contains(next) && next != "十" || ordinalMarkersAfterYi.contains(next) { return 1 }
        if next == "日" && previous == "月" { return 1 }  // 一月一日
        if next == "点", let afterNext, afterYiDian.contains(afterNext) { return 1 }  // 一点钟, 一点五
        return nextTone == 4 || nextTone == 5 ? 2 : 4
    }

    static func buTone(previous: Character?, next: Character?, nextTone: Int?) -> Int {
        guard let next, let nextTone else { return 4 }
        if let previous, previous == next { return 5 }
        return nextTone == 4 ? 2 : 4
    }
}
