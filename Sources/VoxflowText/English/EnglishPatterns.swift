/// The rules of the English normalizer, one function each, in the `EnglishRules+*.swift` files.
enum EnglishRules {}

/// The order the rules are tried in at each token; the first that matches wins.
///
/// More specific shapes come first: an address before anything with dots, a telephone number and a
/// date before a range ("555-1234", "2024-03-05" are not "from … to …"), money and times before plain
/// numbers, numbers before words, and the catch-all for mixed letters and digits last.
enum EnglishPatterns {
    static let rules: [EnglishRule] = [
        EnglishRule("idiom", EnglishRules.idiom),
        EnglishRule("e-mail address", EnglishRules.email),
        EnglishRule("web address", EnglishRules.url),
        EnglishRule("card number", EnglishRules.digitGroups),
        EnglishRule("IP address", EnglishRules.ipAddress),
        EnglishRule("telephone number", EnglishRules.telephone),
        EnglishRule("street address", EnglishRules.streetAddress),
        EnglishRule("state and ZIP code", EnglishRules.stateCode),
        EnglishRule("code after a cue word", EnglishRules.cuedDigits),
        EnglishRule("numeric date", EnglishRules.numericDate),
        EnglishRule("month day year", EnglishRules.monthDate),
        EnglishRule("day month year", EnglishRules.dayMonthDate),
        EnglishRule("time of day", EnglishRules.time),
        EnglishRule("money", EnglishRules.money),
        EnglishRule("range", EnglishRules.range),
        EnglishRule("fraction", EnglishRules.fraction),
        EnglishRule("decade", EnglishRules.decade),
        EnglishRule("ordinal", EnglishRules.ordinal),
        EnglishRule("feet and inches", EnglishRules.feetAndInches),
        EnglishRule("measure", EnglishRules.measure),
        EnglishRule("number or year", EnglishRules.number),
        EnglishRule("hash or at sign", EnglishRules.hashOrAt),
        EnglishRule("abbreviation", EnglishRules.abbreviation),
        EnglishRule("letters with periods", EnglishRules.lettersWithPeriods),
        EnglishRule("initial", EnglishRules.initial),
        EnglishRule("Roman numeral", EnglishRules.roman),
        EnglishRule("acronym", EnglishRules.acronym),
        EnglishRule("math operator", EnglishRules.mathOperator),
        EnglishRule("dimension sign", EnglishRules.dimensionSign),
        EnglishRule("symbol", EnglishRules.symbol),
        EnglishRule("hyphenated number words", EnglishRules.hyphenatedNumberWords),
        EnglishRule("letters, digits and signs", EnglishRules.mixed),
    ]
}
