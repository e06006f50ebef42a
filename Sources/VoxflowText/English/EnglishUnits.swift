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
    ]

    /// The unit for `symbol` after a number. "in" is the preposition unless nothing but punctuation,
    /// a dimension sign or the end of the text follows it ("12 in." / "12 in x 8 in" / "a 12 in, 14 in").
    static func lookup(_ token: EnglishToken, followedBy next: EnglishToken?) -> EnglishUnit? {
        if let unit = table[token.core] ?? perUnit(token.core) { return unit }
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
        guard let unit = table[symbol] ?? perUnit(symbol),
              symbol.count > 1 || ["m", "g", "h", "L", "°"].contains(symbol) || (symbol == "s" && hasDecimals) else { return nil }
        return (core[..<split], unit)
    }

    /// "m/s", "km/s", "ft/s", "g/L": two table units joined by a slash → "meters per second".
    static func perUnit(_ symbol: String) -> EnglishUnit? {
        let parts = symbol.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let top = table[String(parts[0])], let bottom = table[String(parts[1])] else { return nil }
        return EnglishUnit(top.singular + " per " + bottom.singular, top.plural + " per " + bottom.singular)
    }
}
