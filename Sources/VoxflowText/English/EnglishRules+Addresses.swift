/// Street addresses, states and ZIP codes:
///
///     2788 San Tomas Expy   → "twenty seven eighty eight San Tomas Expressway"
///     500 W 5th St Apt 4B   → "five hundred West Fifth Street Apartment four B"
///     Santa Clara, CA 95051 → "Santa Clara, California nine five zero five one"
///
/// A house number is read in pairs, as people say it, only when a street follows: up to three
/// names (capitalized words, ordinals) and a street type from `EnglishAddressTables.streetTypes`.
extension EnglishRules {
    static func streetAddress(_ w: EnglishWindow) -> EnglishMatch? {
        let core = w.core
        var digits = Substring(core), suffix = ""
        if core.count >= 2, let last = core.last, last.isUppercase, last.isASCIILetter { digits = digits.dropLast(); suffix = " " + String(last) }
        guard w.token.isBare, w.token.lead.isEmpty, (1...5).contains(digits.count), digits.allSatisfy(\.isASCIIDigit),
              let number = Int(digits) else { return nil }
        var words = [pairedNumber(number) + suffix]
        var k = 1
        if let t = w.attached(k), t.isBare, let direction = EnglishAddressTables.directions[t.core] {
            words.append(direction); k += 1
        }
        var names = 0
        var period = EnglishPeriod.notRead
        while true {
            guard let t = w.attached(k), t.lead.isEmpty else { return nil }
            let key = t.abbreviationKey
            if names > 0, let type = EnglishAddressTables.streetTypes[key] ?? EnglishAddressTables.streetTypes[t.core] {
                words.append(type)
                if t.hasPeriod && EnglishAddressTables.streetTypes[key] != nil && key.hasSuffix(".") { period = .endsBeforeSentenceWord }
                k += 1
                break
            }
            guard names < 3, t.isBare else { return nil }
            if let ordinal = ordinalWords(t.core) {
                words.append(ordinal.prefix(1).uppercased() + ordinal.dropFirst())
            } else if t.core == "Mt" {
                words.append("Mount")
            } else if t.isCapitalized, t.core.allSatisfy({ $0.isLetter || $0 == "'" }) {
                words.append(t.core)
            } else {
                return nil
            }
            names += 1
            k += 1
        }
        // After the street: a direction ("NW"), then an apartment or suite ("Apt 4B", "Suite 200").
        if period == .notRead, w.at(k - 1)?.isBare == true, let t = w.at(k), let direction = EnglishAddressTables.directions[t.core] {
            words.append(direction); k += 1
        }
        if w.at(k - 1)?.isBare == true || w.at(k - 1)?.trail == ".", let t = w.at(k), t.lead.isEmpty,
           let unit = EnglishAddressTables.units[t.abbreviationKey] ?? EnglishAddressTables.units[t.core],
           t.isBare || t.trail == ".", let n = w.at(k + 1), n.lead.isEmpty, n.hasDigit, n.core.count <= 6,
           let number = NumberLiteral(n.core)?.spoken ?? mixedWords(n.core) {
            words += [unit, number]; k += 2; period = .notRead
        }
        return EnglishMatch(spoken: words.joined(separator: " "), consumed: k, period: period)
    }

    /// "CA 95051" → "California nine five zero five one"; "Miami, FL" → "Miami, Florida".
    static func stateCode(_ w: EnglishWindow) -> EnglishMatch? {
        guard w.core.count == 2, let name = EnglishAddressTables.states[w.core] else { return nil }
        if w.token.isBare, let zip = w.attachedNext, let digits = zipWords(zip.core) {
            return EnglishMatch(spoken: name + " " + digits, consumed: 2)
        }
        guard let p = w.previous, p.trail == ",", p.isCapitalized, p.hasLetter, w.token.lead.isEmpty,
              !EnglishAddressTables.ambiguousStates.contains(w.core), w.next.map({ !$0.isLowercased }) ?? true else { return nil }
        return EnglishMatch(spoken: name)
    }

    /// "95051" → "nine five zero five one", "98101-1234" → "nine eight one zero one, one two three four".
    static func zipWords(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 5, parts.count <= 2, parts.count == 1 || parts[1].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return parts.map { NumberWords.digits(String($0)) }.joined(separator: ", ")
    }
}

/// The words of addresses.
enum EnglishAddressTables {
    /// Street types, as written (with or without their period) → spoken.
    static let streetTypes: [String: String] = {
        var table = [
            "Street": "Street", "Avenue": "Avenue", "Road": "Road", "Boulevard": "Boulevard", "Lane": "Lane",
            "Drive": "Drive", "Court": "Court", "Place": "Place", "Parkway": "Parkway", "Expressway": "Expressway",
            "Highway": "Highway", "Terrace": "Terrace", "Loop": "Loop", "Way": "Way", "Circle": "Circle", "Freeway": "Freeway",
        ]
        let abbreviations = [
            "St": "Street", "Ave": "Avenue", "Av": "Avenue", "Rd": "Road", "Blvd": "Boulevard", "Ln": "Lane", "Dr": "Drive",
            "Ct": "Court", "Pl": "Place", "Pkwy": "Parkway", "Expy": "Expressway", "Hwy": "Highway", "Ter": "Terrace",
            "Cir": "Circle", "Fwy": "Freeway", "Sq": "Square", "Trl": "Trail", "Tpke": "Turnpike",
        ]
        for (written, spoken) in abbreviations {
            table[written] = spoken
            table[written + "."] = spoken
            table[written.uppercased()] = spoken
            table[written.lowercased()] = spoken.lowercased()
        }
        return table
    }()

    static let directions = [
        "N": "North", "S": "South", "E": "East", "W": "West", "NE": "Northeast", "NW": "Northwest", "SE": "Southeast",
        "SW": "Southwest",
    ]

    static let units = ["Apt": "Apartment", "Apt.": "Apartment", "Suite": "Suite", "Ste": "Suite", "Ste.": "Suite",
                        "Unit": "Unit", "#": "number", "Fl": "Floor", "Fl.": "Floor", "Rm": "Room", "Rm.": "Room"]

    /// US state and territory codes. DC is said as letters.
    static let states = [
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
        "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
        "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
        "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
        "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
        "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
        "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
        "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
        "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "D C", "PR": "Puerto Rico",
    ]

    /// Codes that are also words or common acronyms: read as states only before a ZIP code.
    static let ambiguousStates: Set<String> = ["OK", "IN", "OR", "ME", "HI", "OH", "ID", "LA", "MD", "PA", "DE", "CO", "MS", "PR", "SC", "MA", "CT"]
}
