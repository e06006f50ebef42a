/// Money: "$3.50", "€20", "£1.2m", "$5 billion", "¥100", "$10-20", "20€", "50¢", "USD 20", "20 EUR".
extension EnglishRules {
    /// Currency symbols, longest first so "US$" wins over "$".
    private static let prefixSymbols = EnglishCurrency.symbols.keys.sorted { $0.count > $1.count }

    static func money(_ w: EnglishWindow) -> EnglishMatch? {
        guard var match = moneyAmount(w) else { return nil }
        // "a $5 bill": an amount used as an adjective takes the singular ("a five dollar bill").
        if let article = w.previous, ["a", "an", "A", "An"].contains(article.core), article.isBare,
           let noun = w.attached(match.consumed), noun.core.allSatisfy(\.isLowercase), !noun.core.isEmpty,
           !["and", "or", "to", "for", "per", "in", "of", "a", "an", "the"].contains(noun.core),
           let (singular, plural) = adjectiveUnit(match.spoken) {
            match.spoken = String(match.spoken.dropLast(plural.count)) + singular
        }
        return match
    }

    /// The unit names a spoken amount ends with, when it is a whole amount of one currency.
    private static func adjectiveUnit(_ spoken: String) -> (String, String)? {
        guard !spoken.contains(" and ") else { return nil }
        for currency in EnglishCurrency.symbols.values where spoken.hasSuffix(" " + currency.unit.plural) {
            return (currency.unit.singular, currency.unit.plural)
        }
        return nil
    }

    static func moneyAmount(_ w: EnglishWindow) -> EnglishMatch? {
        let core = w.core
        // A code or a lone symbol before the amount: "USD 20", "Rs. 500", "$ 20".
        if let currency = EnglishCurrency.codes[core] ?? (w.token.trail.isEmpty ? EnglishCurrency.symbols[core] : nil),
           let next = w.token.trail == "." && EnglishCurrency.codes[core] != nil ? w.next : w.attachedNext,
           next.lead.isEmpty, next.hasDigit, let amount = amount(next.core[...], w, scaleAt: 2) {
            return EnglishMatch(spoken: currency.spoken(amount.number), consumed: 1 + amount.tokens)
        }
        guard w.token.hasDigit else { return nil }
        // "$5/hour", "$12/kg": a price per something.
        if let slash = core.lastIndex(of: "/"), let words = moneyWords(core[..<slash]),
           let unit = EnglishUnit.perWhat(String(core[core.index(after: slash)...])) {
            return EnglishMatch(spoken: words + " per " + unit.singular)
        }
        if let words = moneyWords(core[...]) {
            if let next = w.attachedNext, let scale = ScaledNumber.scaleWord(next.core),
               let (currency, number) = moneyParts(core[...]), number.scale == nil {
                let scaled = ScaledNumber(number: number.number, scale: scale)
                return EnglishMatch(spoken: currency.spoken(scaled), consumed: 2)
            }
            return EnglishMatch(spoken: words)
        }
        // A number followed by a currency code: "20 USD", "5 million EUR".
        if let n = ScaledNumber(core[...], inMoney: true), let next = w.attachedNext {
            if let code = EnglishCurrency.codes[next.core] { return EnglishMatch(spoken: code.spoken(n), consumed: 2) }
            if n.scale == nil, ScaledNumber.words.contains(next.core.lowercased()), let after = w.attached(2),
               let code = EnglishCurrency.codes[after.core] {
                return EnglishMatch(spoken: code.spoken(ScaledNumber(number: n.number, scale: next.core.lowercased())), consumed: 3)
            }
        }
        return nil
    }

    /// The spoken amount of one written token: "$3.50", "-$5", "$1.2m", "$10-20", "$10–$20", "20€", "50¢".
    static func moneyWords(_ text: Substring) -> String? {
        if let (currency, amount) = moneyParts(text) { return currency.spoken(amount) }
        // A range: "$10-20", "$10–$20".
        guard let dash = text.dropFirst().firstIndex(where: { dashes.contains($0) }),
              let (currency, low) = moneyParts(text[..<dash]) else { return nil }
        var right = text[text.index(after: dash)...]
        for symbol in prefixSymbols where right.hasPrefix(symbol) { right = right.dropFirst(symbol.count); break }
        guard let high = ScaledNumber(right, inMoney: true), !high.number.negative else { return nil }
        let lowWords = low.scale == nil ? low.number.spoken : low.spoken
        return lowWords + " to " + currency.spoken(high)
    }

    /// Splits "$3.50" into the dollar and 3.50; "20€" and "50¢" (symbol after) too.
    static func moneyParts(_ text: Substring) -> (EnglishCurrency, ScaledNumber)? {
        var rest = text, negative = false
        if let first = rest.first, first == "-" || first == "−" { negative = true; rest = rest.dropFirst() }
        for symbol in prefixSymbols where rest.hasPrefix(symbol) {
            guard var amount = ScaledNumber(rest.dropFirst(symbol.count), inMoney: true), !amount.number.negative else { return nil }
            amount.number.negative = negative
            return (EnglishCurrency.symbols[symbol]!, amount)
        }
        if let last = rest.last, let currency = EnglishCurrency.trailingSymbols[String(last)],
           var amount = ScaledNumber(rest.dropLast(), inMoney: true) {
            amount.number.negative = negative || amount.number.negative
            return (currency, amount)
        }
        return nil
    }

    /// A number (and a scale word after it, "20 million") for "USD 20 million".
    private static func amount(_ text: Substring, _ w: EnglishWindow, scaleAt offset: Int) -> (number: ScaledNumber, tokens: Int)? {
        guard let n = ScaledNumber(text, inMoney: true) else { return nil }
        if n.scale == nil, let next = w.attached(offset), let scale = ScaledNumber.scaleWord(next.core) {
            return (ScaledNumber(number: n.number, scale: scale), 2)
        }
        return (n, 1)
    }
}
