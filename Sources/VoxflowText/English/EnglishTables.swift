/// Word tables of the English normalizer: months, weekdays, abbreviations, symbols.
/// Units, currencies and acronyms have their own files.
enum EnglishTables {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Month names and abbreviations (without their period) → month number.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        for (i, name) in monthNames.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        table["Sept"] = 9
        return table
    }()

    /// Abbreviated weekdays, read only with their period ("Mon." but not "Sun" or "Wed").
    static let weekdays = ["Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
                           "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday",
                           "Sat": "Saturday", "Sun": "Sunday"]

    /// Titles read before a name ("Dr. Smith"); their period never ends a sentence. Listed with the
    /// period; those in `titlesWithoutPeriod` are also read without one ("Mr Smith"), before a capital.
    static let titles = [
        "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Dr.": "Doctor", "Prof.": "Professor",
        "St.": "Saint", "Mt.": "Mount", "Ft.": "Fort", "Rev.": "Reverend", "Gen.": "General", "Capt.": "Captain",
        "Sgt.": "Sergeant", "Lt.": "Lieutenant", "Col.": "Colonel", "Gov.": "Governor", "Sen.": "Senator",
        "Rep.": "Representative", "Pres.": "President", "Hon.": "Honorable", "Fr.": "Father", "Supt.": "Superintendent",
    ]
    static let titlesWithoutPeriod: Set<String> = ["Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Prof"]

    /// Read after a name or a street name ("Main St.", "John Smith Jr.").
    static let afterName = [
        "St.": "Street", "Dr.": "Drive", "Ave.": "Avenue", "Rd.": "Road", "Blvd.": "Boulevard", "Ln.": "Lane",
        "Ct.": "Court", "Pl.": "Place", "Sq.": "Square", "Hwy.": "Highway", "Pkwy.": "Parkway", "Mt.": "Mount",
        "Jr.": "Junior", "Sr.": "Senior", "Esq.": "Esquire", "Bros.": "Brothers", "Inc.": "Incorporated",
        "Ltd.": "Limited", "Co.": "Company", "Corp.": "Corporation", "Ave": "Avenue", "Rd": "Road",
        "Blvd": "Boulevard", "Jr": "Junior", "Sr": "Senior", "Inc": "Incorporated", "Ltd": "Limited",
    ]

    /// Read anywhere (the period, when listed, is required).
    static let general = [
        "etc.": "et cetera", "e.g.": "for example", "i.e.": "that is", "vs.": "versus", "vs": "versus",
        "v.": "versus", "approx.": "approximately", "approx": "approximately", "a.k.a.": "also known as",
        "aka": "also known as", "cf.": "compare", "viz.": "namely", "al.": "al",
        "dept.": "department", "Dept.": "Department", "govt.": "government", "Govt.": "Government",
        "est.": "established", "Est.": "Established", "misc.": "miscellaneous", "max.": "maximum",
        "min.": "minimum", "avg.": "average", "tel.": "telephone", "Tel.": "Telephone", "ext.": "extension",
        "Ext.": "Extension", "incl.": "including", "Ph.D.": "P H D", "PhD": "P H D", "Ph.D": "P H D",
        "a.m.": "A M", "p.m.": "P M", "A.M.": "A M", "P.M.": "P M", "OK": "okay", "Univ.": "University",
        "Assn.": "Association", "Intl.": "International", "Natl.": "National", "Mfg.": "Manufacturing",
    ]

    /// Read before a number ("No. 5", "p. 12", "vol. 3").
    static let beforeNumber = [
        "No.": "number", "no.": "number", "Nos.": "numbers", "nos.": "numbers",
        "p.": "page", "pp.": "pages", "P.": "page", "vol.": "volume", "Vol.": "Volume", "ch.": "chapter",
        "Ch.": "Chapter", "fig.": "figure", "Fig.": "Figure", "sec.": "section", "Sec.": "Section",
        "art.": "article", "Art.": "Article", "ed.": "edition", "Ed.": "Edition", "c.": "circa", "ca.": "circa",
        "Rm.": "Room", "rm.": "room", "Apt.": "Apartment", "apt.": "apartment", "Ste.": "Suite",
        "Hwy": "Highway", "hwy": "highway", "Hwy.": "Highway", "Rte": "Route", "Rte.": "Route", "Apt": "Apartment",
    ]

    /// Whole tokens with a reading of their own.
    static let idioms = [
        "24/7": "twenty four seven", "9/11": "nine eleven", "50/50": "fifty fifty", "20/20": "twenty twenty",
        "C++": "C plus plus", "C#": "C sharp", "F#": "F sharp", "A+": "A plus", "B+": "B plus", "A-": "A minus",
        "Wi-Fi": "wifi", "wi-fi": "wifi", "CD-ROM": "C D rom",
    ]

    /// Stand-alone symbols and the words for them.
    static let symbols = [
        "&": "and", "@": "at", "+": "plus", "=": "equals", "%": "percent", "°": "degrees", "×": "times",
        "÷": "divided by", "±": "plus or minus", "≈": "approximately", "~": "about", "<": "less than",
        ">": "greater than", "≤": "less than or equal to", "≥": "greater than or equal to", "≠": "not equal to", "−": "minus", "π": "pi",
        "∞": "infinity", "√": "square root of", "§": "section", "©": "copyright", "®": "registered",
        "™": "trademark", "#": "number", "/": "slash", "€": "euro", "$": "dollar", "£": "pound", "¥": "yen", "½": "one half", "¼": "one quarter",
        "¾": "three quarters",
    ]

    /// Names for the characters of addresses and code when spelled: "jane.doe" → "jane dot doe".
    static let characterNames: [Character: String] = [
        ".": "dot", "/": "slash", "\\": "backslash", ":": "colon", "@": "at", "-": "dash", "_": "underscore",
        "?": "question mark", "=": "equals", "&": "and", "#": "hash", "~": "tilde", "+": "plus", "%": "percent",
        "*": "star", "!": "exclamation mark", ",": "comma", "'": "apostrophe", "(": "open paren", ")": "close paren",
        "$": "dollar", "^": "caret", "|": "bar", ";": "semicolon", "\"": "quote",
    ]

    /// Words after which a number is read digit by digit ("ZIP code 90210", "PIN 1234").
    static let digitCues: Set<String> = ["PIN", "ZIP", "code", "Code", "postcode", "account", "Account", "card", "serial", "Serial"]

    /// Words after which a number of four digits or more is a code read digit by digit ("order 123456").
    static let longDigitCues: Set<String> = ["order", "Order", "invoice", "Invoice", "tracking", "Tracking", "reference",
                                              "Reference", "ref", "Ref", "ticket", "Ticket", "confirmation", "SKU", "model",
                                              "Model", "part", "Part", "transaction", "member", "Member", "policy", "Policy"]

    /// Words after which a number of three or four digits is read in pairs ("Boeing 747", "Box 123").
    static let pairedNumberCues: Set<String> = ["Boeing", "Airbus", "Box", "BOX", "Room", "room", "Suite", "Flight", "flight",
                                                 "Highway", "highway", "Hwy", "Bus", "bus", "Apt", "Apt."]

    /// Words before a year of 1000–1099 ("in 1066"), and eras around years.
    static let yearCues: Set<String> = ["in", "In", "since", "Since", "until", "Until", "year", "Year", "circa", "AD"]
    static let eras: Set<String> = ["BC", "AD", "BCE", "CE"]
    /// Lower-case words that may follow a year without making it a count ("in 1066 and", not "in 1050 cells").
    static let clauseWords: Set<String> = ["and", "or", "but", "when", "where", "the", "a", "to", "until", "before", "after",
                                            "as", "with", "by", "under", "was", "were", "is", "had", "he", "she", "they", "it", "we"]

    /// Whole words that mean "this is a date" before a short numeric date ("on 3/5" is March fifth, "3/5" is a fraction).
    static let dateCues: Set<String> = ["on", "On", "by", "By", "until", "Until", "since", "Since", "dated", "due", "from", "From"]

    /// Unicode vulgar fractions.
    static let vulgarFractions: [Character: (numerator: Int, denominator: Int)] = [
        "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5), "⅗": (3, 5),
        "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8),
    ]

    /// Top-level domains said letter by letter at the end of a host name ("acme dot i o").
    static let spelledDomains: Set<String> = [
        "io", "ai", "tv", "de", "fr", "eu", "ca", "au", "jp", "cn", "ru", "br", "ch", "se", "nl", "es", "edu", "co",
        "gg", "ly", "xyz", "fm", "kr", "tw", "hk", "sg", "nz", "za", "mx", "ar", "pl", "cz", "at", "be", "dk", "fi", "ie",
    ]

    /// Top-level domains that make "word.tld" an address rather than two words.
    static let domains: Set<String> = [
        "com", "org", "net", "edu", "gov", "mil", "int", "io", "ai", "co", "uk", "us", "de", "fr", "it", "es", "nl",
        "eu", "ca", "au", "jp", "cn", "ru", "br", "in", "ch", "se", "no", "info", "biz", "dev", "app", "tv", "me",
        "ly", "gg", "xyz", "tech", "online", "site", "blog", "news",
    ]
}
