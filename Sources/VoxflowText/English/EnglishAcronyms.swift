/// All-capital words: spelled letter by letter ("FBI" → "F B I") or read as a word ("NASA" → "Nasa").
///
/// Known acronyms come from the tables; an unknown one is read as a word when it is long enough and
/// pronounceable (its consonant clusters are ones English words begin and end with), else spelled.
enum EnglishAcronyms {
    /// Read as words.
    static let words: Set<String> = [
        "NASA", "UNESCO", "NATO", "SCUBA", "LASER", "RADAR", "SONAR", "UNICEF", "NAFTA", "OPEC", "FIFA", "AIDS",
        "COVID", "SARS", "MERS", "ASAP", "GIF", "PIN", "RAM", "ROM", "SIM", "LAN", "WAN", "ZIP", "NOAA", "FEMA",
        "OSHA", "DARPA", "CERN", "INTERPOL", "ASEAN", "MENSA", "TESOL", "UEFA", "NASCAR", "POTUS", "SCOTUS",
        "LOL", "YOLO", "WASP", "NIMBY", "CAPTCHA", "ASCII", "BASIC", "COBOL", "FORTRAN", "PAC", "SWAT", "MASH",
        "OPSEC", "WIFI", "TASER", "LIDAR", "UNIX", "LINUX", "DOS", "NAND", "SQUID", "INFO",
    ]

    /// Spelled, although the heuristic would read them as words.
    static let spelled: Set<String> = [
        "BBC", "USA", "CEO", "HTML", "FBI", "CIA", "NBA", "NFL", "NHL", "MLB", "IRS", "GOP", "UPS", "ABC", "CNN",
        "BMW", "EPA", "FDA", "ETA", "IOU", "UFO", "USB", "URL", "API", "CPU", "GPU", "PDF", "DVD", "CD", "TV", "PC",
        "UN", "EU", "UK", "US", "AI", "ID", "IT", "HR", "PR", "DNA", "RNA", "ACLU", "NAACP", "UCLA", "USC", "MIT",
        "NYU", "IBM", "HP", "AMD", "ATM", "CFO", "CTO", "COO", "VIP", "MVP", "FAQ", "DIY", "EST", "PST", "GMT",
        "UTC", "BC", "AD", "BCE", "CE", "AM", "PM", "SUV", "ISO", "IEC", "OECD", "WHO", "WTO", "IMF", "UAE", "USSR",
        "NYPD", "LAPD", "AOL", "ESPN", "HBO", "NPR", "PBS", "CBS", "NBC", "FOX", "MTV", "ICU", "ER", "OBGYN",
        "USAF", "RAF", "NSA", "DOJ", "DOD", "DOE", "SEC", "FTC", "FCC", "NIH", "CDC", "EOD", "ETF", "IPO", "GDP",
        "CPI", "VAT", "ROI", "KPI", "SMS", "GPS", "LED", "LCD", "OLED", "HD", "UHD", "SSD", "HDD", "OS", "IOS",
        "SQL", "CSS", "XML", "JSON", "HTTP", "HTTPS", "FTP", "SSH", "TCP", "IP", "DNS", "VPN", "LLC", "PLC",
        "AWS", "EV", "SAT", "ACT", "GPA", "MBA", "MD", "RN", "PHD", "BA", "BS", "MA", "MS", "AP", "PE", "QA",
    ]

    /// Read their own way.
    static let special = [
        "IEEE": "I triple E", "AAA": "triple A", "JPEG": "J peg", "MPEG": "M peg", "WWW": "w w w",
        "NCAA": "N C double A", "IKEA": "Ikea", "OK": "okay",
        "WWI": "World War one", "WWII": "World War two",
    ]

    /// Common short words that are not acronyms when a text is written in capitals ("DO NOT ENTER").
    static let shoutedWords: Set<String> = [
        "A", "AN", "AS", "AT", "BE", "BY", "DO", "GO", "HE", "IF", "IN", "IS", "IT", "ME", "MY", "NO", "OF", "OH",
        "ON", "OR", "SO", "TO", "UP", "US", "WE", "AM", "THE", "AND", "NOT", "FOR", "YOU", "ARE", "BUT", "ALL",
        "CAN", "HAS", "HAD", "HIS", "HER", "ITS", "OUR", "OUT", "NOW", "NEW", "GET", "GOT", "ONE", "TWO", "SEE",
        "WAS", "WHO", "WHY", "HOW", "YES", "ANY", "OFF", "TOP", "BIG", "HOT", "RUN", "BUY", "PAY", "DAY", "WAY",
    ]

    /// The spoken form of an all-caps word, or nil when it should pass through (one letter, Roman numeral
    /// handled elsewhere). `shouting`: the text is mostly in capitals.
    static func read(_ word: String, shouting: Bool) -> String? {
        guard word.count >= 2, word.allSatisfy({ $0.isUppercase && $0.isASCIILetter }) else { return nil }
        if let special = special[word] { return special }
        if spelled.contains(word) && !(shouting && shoutedWords.contains(word)) { return spell(word) }
        if words.contains(word) { return asWord(word) }
        if shouting { return asWord(word) }
        return word.count >= 4 && isPronounceable(word) ? asWord(word) : spell(word)
    }

    /// "FBI" → "F B I".
    static func spell(_ word: String) -> String {
        word.map { String($0).uppercased() }.joined(separator: " ")
    }

    /// "NASA" → "Nasa".
    static func asWord(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    // MARK: - Pronounceability

    private static let vowels: Set<Character> = ["A", "E", "I", "O", "U"]

    /// Consonant clusters English words begin with.
    static let onsets: Set<String> = [
        "B", "BL", "BR", "C", "CH", "CL", "CR", "D", "DR", "DW", "F", "FL", "FR", "G", "GL", "GR", "GN", "H", "J",
        "K", "KL", "KN", "KR", "L", "M", "N", "P", "PH", "PL", "PR", "PS", "Q", "R", "RH", "S", "SC", "SCH", "SCR",
        "SH", "SK", "SL", "SM", "SN", "SP", "SPH", "SPL", "SPR", "SQ", "ST", "STR", "SW", "T", "TH", "THR", "TR",
        "TW", "V", "W", "WH", "WR", "X", "Y", "Z",
    ]

    /// Consonant clusters English words end with.
    static let codas: Set<String> = [
        "B", "BS", "C", "CH", "CK", "CT", "D", "DS", "F", "FT", "G", "GS", "K", "KS", "L", "LD", "LF", "LK", "LL",
        "LM", "LP", "LS", "LT", "M", "MP", "MPS", "MS", "N", "NCH", "ND", "NDS", "NG", "NGS", "NK", "NS", "NT",
        "NTS", "P", "PS", "PT", "R", "RB", "RC", "RD", "RF", "RG", "RK", "RL", "RM", "RN", "RP", "RS", "RT", "RTH",
        "S", "SH", "SK", "SP", "SS", "ST", "T", "TCH", "TH", "TS", "X", "Z", "W", "Y",
    ]

    /// Every consonant cluster fits: the first is an onset, the last a coda, each inner one a coda
    /// followed by an onset; at least one vowel; no run of three vowels.
    static func isPronounceable(_ word: String) -> Bool {
        let letters = Array(word)
        var clusters: [(text: String, start: Int)] = []
        var vowelRun = 0, sawVowel = false
        var current = "", start = 0
        for (i, c) in letters.enumerated() {
            let isVowel = vowels.contains(c) || (c == "Y" && i > 0 && !vowels.contains(letters[i - 1]))
            if isVowel {
                sawVowel = true
                vowelRun += 1
                if vowelRun > 2 { return false }
                if !current.isEmpty { clusters.append((current, start)); current = "" }
            } else {
                vowelRun = 0
                if current.isEmpty { start = i }
                current.append(c)
            }
        }
        if !current.isEmpty { clusters.append((current, start)) }
        guard sawVowel else { return false }
        for (text, position) in clusters {
            let atStart = position == 0, atEnd = position + text.count == letters.count
            if atStart && atEnd { return false }
            if atStart { if !onsets.contains(text) { return false }; continue }
            if atEnd { if !codas.contains(text) { return false }; continue }
            if !splitsIntoCodaAndOnset(text) { return false }
        }
        return true
    }

    private static func splitsIntoCodaAndOnset(_ cluster: String) -> Bool {
        if cluster.count == 1 { return true }
        let chars = Array(cluster)
        for cut in 0...chars.count {
            let coda = String(chars[..<cut]), onset = String(chars[cut...])
            if (coda.isEmpty || codas.contains(coda)) && (onset.isEmpty || onsets.contains(onset)) { return true }
        }
        return false
    }
}
