/// Units of measure, read only after a number: "1 km" → "one kilometer", "2.5 kg" → "two point five kilograms".
struct EnglishUnit {
    let singular: String
    let plural: String

    init(_ singular: String, _ plural: String? = nil) {
        self.singular = singular
        self.plural = plural ?? singular + "s"
    }

    func spoken(one: Bool) -> String { one ? singular : plural }

    /// Symbol (case-sensitive) → names. "in" is also a unit, but only where it cannot be the
    /// preposition (`EnglishUnit.lookup(_:in:)`).
    static let table: [String: EnglishUnit] = [
        // length
        "km": .init("kilometer"), "m": .init("meter"), "cm": .init("centimeter"), "mm": .init("millimeter"),
        "µm": .init("micrometer"), "μm": .init("micrometer"), "nm": .init("nanometer"),
        "mi": .init("mile"), "ft": .init("foot", "feet"), "yd": .init("yard"), "in.": .init("inch", "inches"),
        // mass
        "kg": .init("kilogram"), "g": .init("gram"), "mg": .init("milligram"), "µg": .init("microgram"),
        "lb": .init("pound"), "lbs": .init("pound"), "oz": .init("ounce"),
        // temperature and angle
        "°C": .init("degree Celsius", "degrees Celsius"), "°F": .init("degree Fahrenheit", "degrees Fahrenheit"),
        "℃": .init("degree Celsius", "degrees Celsius"), "℉": .init("degree Fahrenheit", "degrees Fahrenheit"),
        "°": .init("degree"),
        // speed, rates
        "mph": .init("mile per hour", "miles per hour"), "km/h": .init("kilometer per hour", "kilometers per hour"),
        "kph": .init("kilometer per hour", "kilometers per hour"), "kmh": .init("kilometer per hour", "kilometers per hour"),
        "m/s": .init("meter per second", "meters per second"), "rpm": .init("revolution per minute", "revolutions per minute"),
        "bpm": .init("beat per minute", "beats per minute"), "fps": .init("frame per second", "frames per second"),
        // energy, power, electricity
        "kWh": .init("kilowatt hour"), "MWh": .init("megawatt hour"), "Wh": .init("watt hour"),
        "W": .init("watt"), "kW": .init("kilowatt"), "MW": .init("megawatt"), "GW": .init("gigawatt"),
        "V": .init("volt"), "kV": .init("kilovolt"), "mA": .init("milliamp"), "mAh": .init("milliamp hour"),
        "kcal": .init("kilocalorie"), "cal": .init("calorie"), "J": .init("joule"), "kJ": .init("kilojoule"),
        // data
        "KB": .init("kilobyte"), "kB": .init("kilobyte"), "MB": .init("megabyte"),
        "GB": .init("gigabyte"), "TB": .init("terabyte"), "PB": .init("petabyte"),
        "kbps": .init("kilobit per second", "kilobits per second"), "Mbps": .init("megabit per second", "megabits per second"),
        "Gbps": .init("gigabit per second", "gigabits per second"),
        // frequency, sound
        "Hz": .init("hertz", "hertz"), "kHz": .init("kilohertz", "kilohertz"), "MHz": .init("megahertz", "megahertz"),
        "GHz": .init("gigahertz", "gigahertz"), "dB": .init("decibel"),
        // time
        "ms": .init("millisecond"), "µs": .init("microsecond"), "μs": .init("microsecond"), "ns": .init("nanosecond"),
        "s": .init("second"), "sec": .init("second"), "secs": .init("second"), "h": .init("hour"), "hr": .init("hour"),
        "hrs": .init("hour"), "min": .init("minute"), "mins": .init("minute"),
        // volume, area
        "L": .init("liter"), "l": .init("liter"), "ml": .init("milliliter"), "mL": .init("milliliter"),
        "cl": .init("centiliter"), "gal": .init("gallon"), "m²": .init("square meter"), "km²": .init("square kilometer"),
        "ft²": .init("square foot", "square feet"), "m³": .init("cubic meter"), "cm³": .init("cubic centimeter"),
        "sq ft": .init("square foot", "square feet"), "px": .init("pixel"),
        // kitchen, sports
        "tbsp": .init("tablespoon"), "tsp": .init("teaspoon"), "pts": .init("point"),
        "m2": .init("square meter"), "km2": .init("square kilometer"), "cm2": .init("square centimeter"),
        "ft2": .init("square foot", "square feet"), "m3": .init("cubic meter"), "cm3": .init("cubic centimeter"),
        "ha": .init("hectare"), "yds": .init("yard"), "ac": .init("acre"), "cm²": .init("square centimeter"),
        "mm²": .init("square millimeter"), "in²": .init("square inch", "square inches"), "ft³": .init("cubic foot", "cubic feet"),
        "Ω": .init("ohm"), "kΩ": .init("kilohm"), "A": .init("amp"), "Pa": .init("pascal"), "kPa": .init("kilopascal"),
        "hPa": .init("hectopascal"), "psi": .init("psi", "psi"), "N": .init("newton"), "Nm": .init("newton meter"),
    ]

    /// Symbols also read in other capitalizations ("12KG", "5 Kg", "3 mbps", "60 KM/H"), by their lower-case
    /// form. Single letters and words that are also acronyms ("MS", "MIN", "SEC", "MI") are left out.
    static let caseless: [String: EnglishUnit] = {
        let symbols = ["km", "cm", "mm", "kg", "mg", "ml", "cl", "mph", "kph", "kmh", "km/h", "m/s", "rpm", "bpm", "fps",
                       "kwh", "kw", "mw", "gw", "mah", "kcal", "khz", "mhz", "ghz", "hz", "db", "lbs", "lb", "oz", "ft",
                       "yd", "yds", "hrs", "mins", "secs", "tbsp", "tsp", "kb", "mb", "gb", "tb", "mbps", "gbps", "kbps", "sq ft"]
        var table: [String: EnglishUnit] = [:]
        for symbol in symbols {
            if let unit = EnglishUnit.table[symbol] ?? EnglishUnit.table.first(where: { $0.key.lowercased() == symbol })?.value {
                table[symbol] = unit
            }
        }
        return table
    }()

    /// The unit for a symbol as written, or in another capitalization, or "a/b" ("m/s", "mg/L"), or "/b" ("12/kg").
    static func named(_ symbol: String) -> EnglishUnit? {
        if let unit = table[symbol] ?? perUnit(symbol) { return unit }
        if let unit = caseless[symbol.lowercased()] { return unit }
        if symbol.hasPrefix("/"), let bottom = named(String(symbol.dropFirst())), !symbol.dropFirst().contains("/") {
            return EnglishUnit("per " + bottom.singular, "per " + bottom.singular)
        }
        return nil
    }

    /// The unit for `symbol` after a number. "in" is the preposition unless nothing but punctuation,
    /// a dimension sign or the end of the text follows it ("12 in." / "12 in x 8 in" / "a 12 in, 14 in").
    static func lookup(_ token: EnglishToken, followedBy next: EnglishToken?) -> EnglishUnit? {
        if let unit = named(token.core) { return unit }
        guard token.core == "in" else { return nil }
        if token.hasPeriod || !token.trail.isEmpty || next == nil { return table["in."] }
        if let next, ["x", "×", "by"].contains(next.core) { return table["in."] }
        return nil
    }

    /// Attached to the number: "5km", "2.5kg", "20°C", "100MB", "9.58s". A lone attached letter only for
    /// m, g, h, L, ° (and s after decimals): others are too often something else ("1990s", "4x4", "B2B").
    static func attachedSplit(_ core: String) -> (number: Substring, unit: EnglishUnit)? {
        guard let split = core.lastIndex(where: \.isASCIIDigit).map(core.index(after:)), split < core.endIndex else {
            return nil
        }
        let symbol = String(core[split...])
        let hasDecimals = core[..<split].contains(".")
        guard let unit = symbol.count > 1 ? named(symbol) : table[symbol],
              symbol.count > 1 || ["m", "g", "h", "L", "°", "V", "W"].contains(symbol) || (symbol == "s" && hasDecimals) else { return nil }
        return (core[..<split], unit)
    }

    /// "m/s", "km/s", "ft/s", "g/L": two table units joined by a slash → "meters per second".
    static func perUnit(_ symbol: String) -> EnglishUnit? {
        let parts = symbol.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let top = table[String(parts[0])] else { return nil }
        var bottomSymbol = String(parts[1]), power = ""
        if bottomSymbol.hasSuffix("²") { bottomSymbol.removeLast(); power = " squared" }
        guard let bottom = table[bottomSymbol] ?? timeUnits[bottomSymbol] else { return nil }
        return EnglishUnit(top.singular + " per " + bottom.singular + power, top.plural + " per " + bottom.singular + power)
    }

    /// What a price or a rate is per: "$5/hour", "$12/kg", "$20/night".
    static let timeUnits: [String: EnglishUnit] = [
        "hour": .init("hour"), "hr": .init("hour"), "h": .init("hour"), "day": .init("day"), "week": .init("week"),
        "wk": .init("week"), "month": .init("month"), "mo": .init("month"), "year": .init("year"), "yr": .init("year"),
        "night": .init("night"), "person": .init("person"), "head": .init("head"), "unit": .init("unit"),
        "piece": .init("piece"), "item": .init("item"), "minute": .init("minute"), "min": .init("minute"),
    ]

    /// The unit after "per" or a slash in a price: a time word or any unit ("kg", "lb", "sq ft").
    static func perWhat(_ symbol: String) -> EnglishUnit? {
        timeUnits[symbol] ?? named(symbol)
    }
}
