/// Currencies: symbols and codes → the names of the unit and its hundredth.
///
///     $3.50 → "three dollars and fifty cents"      €1 → "one euro"      ¥100 → "one hundred yen"
struct EnglishCurrency {
    let unit: EnglishUnit
    /// The hundredth ("cent"), or nil when amounts are not read in hundredths (yen, won).
    let minor: EnglishUnit?

    static let dollar = EnglishCurrency(unit: .init("dollar"), minor: .init("cent"))
    static let euro = EnglishCurrency(unit: .init("euro"), minor: .init("cent"))
    static let pound = EnglishCurrency(unit: .init("pound"), minor: .init("penny", "pence"))
    static let yen = EnglishCurrency(unit: .init("yen", "yen"), minor: nil)

    /// Written before the amount ("$5", "US$5").
    static let symbols: [String: EnglishCurrency] = [
        "$": dollar, "US$": dollar, "€": euro, "£": pound, "¥": yen, "₹": .init(unit: .init("rupee"), minor: .init("paisa", "paise")),
        "₩": .init(unit: .init("won", "won"), minor: nil), "₽": .init(unit: .init("ruble"), minor: .init("kopek")),
        "₺": .init(unit: .init("lira"), minor: .init("kurus", "kurus")), "₦": .init(unit: .init("naira", "naira"), minor: .init("kobo", "kobo")),
        "C$": .init(unit: .init("Canadian dollar"), minor: .init("cent")), "A$": .init(unit: .init("Australian dollar"), minor: .init("cent")),
    ]

    /// ISO codes, written before or after the amount ("USD 20", "20 EUR").
    static let codes: [String: EnglishCurrency] = [
        "USD": .init(unit: .init("U S dollar"), minor: .init("cent")), "EUR": euro, "GBP": pound, "JPY": yen,
        "CNY": .init(unit: .init("yuan", "yuan"), minor: nil), "RMB": .init(unit: .init("yuan", "yuan"), minor: nil),
        "CHF": .init(unit: .init("Swiss franc"), minor: .init("centime")), "CAD": .init(unit: .init("Canadian dollar"), minor: .init("cent")),
        "AUD": .init(unit: .init("Australian dollar"), minor: .init("cent")), "INR": .init(unit: .init("rupee"), minor: .init("paisa", "paise")),
        "Rs": .init(unit: .init("rupee"), minor: .init("paisa", "paise")), "HKD": .init(unit: .init("Hong Kong dollar"), minor: .init("cent")),
        "KRW": .init(unit: .init("won", "won"), minor: nil), "MXN": .init(unit: .init("peso"), minor: .init("centavo")),
        "SEK": .init(unit: .init("krona", "kronor"), minor: nil), "BTC": .init(unit: .init("bitcoin"), minor: nil),
    ]

    /// Written after the amount only: "50¢", "20€".
    static let trailingSymbols: [String: EnglishCurrency] = [
        "€": euro, "¢": .init(unit: .init("cent"), minor: nil), "£": pound, "$": dollar,
    ]

    /// "three dollars and fifty cents", "fifty cents", "one point two million pounds", "minus five dollars".
    func spoken(_ amount: ScaledNumber) -> String {
        let number = amount.number
        if let scale = amount.scale {
            return number.spokenBeforeScale + " " + scale + " " + unit.plural
        }
        let sign = number.negative ? "minus " : ""
        guard let minor, let cents = Self.hundredths(number.fraction) else {
            return number.spoken + " " + unit.spoken(one: number.isOne)
        }
        let whole = number.integer.isEmpty ? 0 : Int(number.integer)
        let wholeWords = NumberLiteral("\(number.integer.isEmpty ? "0" : number.integer)").map(\.spoken) ?? "zero"
        let major = wholeWords + " " + unit.spoken(one: whole == 1)
        if cents == 0 { return sign + major }
        let minorWords = NumberWords.cardinal(cents) + " " + minor.spoken(one: cents == 1)
        return whole == 0 ? sign + minorWords : sign + major + " and " + minorWords
    }

    /// ".5" → 50, ".05" → 5, nil → 0; nil for three or more decimals (read as a plain decimal).
    private static func hundredths(_ fraction: String?) -> Int? {
        guard let fraction else { return 0 }
        guard fraction.count <= 2, let v = Int(fraction) else { return nil }
        return fraction.count == 1 ? v * 10 : v
    }
}
