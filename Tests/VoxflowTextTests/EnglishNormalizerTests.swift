import Testing
@testable import VoxflowText

/// Written → spoken pairs, one table per category. Every pair is also checked for idempotence.
enum EnglishCases {
    static let examples: [(String, String)] = [
        ("Dr. Smith paid $3.50 on 3/5/2024.",
         "Doctor Smith paid three dollars and fifty cents on March fifth, twenty twenty four."),
        ("He lives on Main St.", "He lives on Main Street."),
    ]

    static let cardinals: [(String, String)] = [
        ("I have 3 cats.", "I have three cats."),
        ("There were 21 people.", "There were twenty one people."),
        ("It took 100 days.", "It took one hundred days."),
        ("Over 1,234,567 votes.", "Over one million two hundred thirty four thousand five hundred sixty seven votes."),
        ("About 10,000,000 stars.", "About ten million stars."),
        ("Code 007 again.", "Code zero zero seven again."),
        ("My PIN is 1234 and ZIP code 90210.", "My Pin is one two three four and Zip code nine zero two one zero."),
        ("Exactly 0 left.", "Exactly zero left."),
    ]

    static let ordinals: [(String, String)] = [
        ("The 1st runner.", "The first runner."),
        ("Her 22nd birthday.", "Her twenty second birthday."),
        ("The 103rd floor.", "The one hundred third floor."),
        ("The 4th, 5th, 8th, 9th and 12th.", "The fourth, fifth, eighth, ninth and twelfth."),
        ("The 21st century.", "The twenty first century."),
        ("The 40th and 90th.", "The fortieth and ninetieth."),
    ]

    static let decimalsAndNegatives: [(String, String)] = [
        ("Pi is 3.14.", "Pi is three point one four."),
        ("It was 0.5 thick.", "It was zero point five thick."),
        ("Add .5 more.", "Add point five more."),
        ("It fell to -42 today.", "It fell to minus forty two today."),
        ("Use −7 and +3.", "Use minus seven and plus three."),
        ("A value of -0.25 here.", "A value of minus zero point two five here."),
    ]

    static let currency: [(String, String)] = [
        ("It costs $3.50.", "It costs three dollars and fifty cents."),
        ("Pay $1 now.", "Pay one dollar now."),
        ("Pay $1.01 now.", "Pay one dollar and one cent now."),
        ("Only $0.99 today.", "Only ninety nine cents today."),
        ("A fee of €20.", "A fee of twenty euros."),
        ("A fee of €1.", "A fee of one euro."),
        ("It sold for £1.2m.", "It sold for one point two million pounds."),
        ("A £3.50 ticket.", "A three pounds and fifty pence ticket."),
        ("Worth $5 billion.", "Worth five billion dollars."),
        ("Only ¥100.", "Only one hundred yen."),
        ("Raised $1.2M and $3bn and $5k.", "Raised one point two million dollars and three billion dollars and five thousand dollars."),
        ("Pay USD 20 or 20 EUR.", "Pay twenty U S dollars or twenty euros."),
        ("A 50¢ stamp.", "A fifty cents stamp."),
        ("Lost -$5 today.", "Lost minus five dollars today."),
        ("Costs $10-20 each.", "Costs ten to twenty dollars each."),
        ("Costs $1,250,000.", "Costs one million two hundred fifty thousand dollars."),
    ]

    static let dates: [(String, String)] = [
        ("Due 3/5/2024.", "Due March fifth, twenty twenty four."),
        ("Due 12/25/24.", "Due December twenty fifth, twenty four."),
        ("Due 25/12/2024.", "Due the twenty fifth of December, twenty twenty four."),
        ("Due 2024-03-05.", "Due March fifth, twenty twenty four."),
        ("Due 05.03.2024.", "Due the fifth of March, twenty twenty four."),
        ("Born March 5, 2024, in Ohio.", "Born March fifth, twenty twenty four, in Ohio."),
        ("Born March 5 2024 in Ohio.", "Born March fifth, twenty twenty four in Ohio."),
        ("Born 5 March 2024 in Ohio.", "Born the fifth of March, twenty twenty four in Ohio."),
        ("On Mar. 5th we met.", "On March fifth we met."),
        ("On Dec 25 we met.", "On December twenty fifth we met."),
        ("In Jan. 2024 we met.", "In January twenty twenty four we met."),
        ("On the 4th of July.", "On the fourth of July."),
        ("Since Sept. 11 things changed.", "Since September eleventh things changed."),
        ("Due on 3/5.", "Due on March fifth."),
        ("Mon. and Fri. only.", "Monday and Friday only."),
    ]

    static let times: [(String, String)] = [
        ("Meet at 10:30 am.", "Meet at ten thirty A M."),
        ("Meet at 10:30 a.m. today.", "Meet at ten thirty A M today."),
        ("Meet at 10:30 a.m.", "Meet at ten thirty A M."),
        ("Leave at 14:05.", "Leave at fourteen oh five."),
        ("Leave at 9pm.", "Leave at nine P M."),
        ("Leave at 9 PM sharp.", "Leave at nine P M sharp."),
        ("Lunch at 12:00 noon.", "Lunch at twelve noon."),
        ("Call at 10:00 tomorrow.", "Call at ten o'clock tomorrow."),
        ("Land at 16:00.", "Land at sixteen hundred."),
        ("Start at 7 o'clock.", "Start at seven o'clock."),
        ("Mark 10:30:15 exactly.", "Mark ten thirty and fifteen seconds exactly."),
        ("Leave at 6:15 p.m. PST today.", "Leave at six fifteen P M P S T today."),
        ("Leave at 6 p.m. Then rest.", "Leave at six P M. Then rest."),
    ]

    static let years: [(String, String)] = [
        ("In 1999.", "In nineteen ninety nine."),
        ("In 2000.", "In two thousand."),
        ("In 2005.", "In two thousand five."),
        ("In 2024.", "In twenty twenty four."),
        ("In 1905.", "In nineteen oh five."),
        ("In 1900.", "In nineteen hundred."),
        ("In 2010.", "In twenty ten."),
        ("In the 1900s.", "In the nineteen hundreds."),
        ("In the 1990s.", "In the nineteen nineties."),
        ("In the '90s.", "In the nineties."),
        ("In the 2000s.", "In the two thousands."),
        ("From 1990–95.", "From nineteen ninety to ninety five."),
    ]

    static let percentagesAndFractions: [(String, String)] = [
        ("Up 50%.", "Up fifty percent."),
        ("Up 3.5% today.", "Up three point five percent today."),
        ("Down -2% today.", "Down minus two percent today."),
        ("Up 50 % today.", "Up fifty percent today."),
        ("Add 1/2 cup.", "Add one half cup."),
        ("Add 3/4 cup.", "Add three quarters cup."),
        ("Add 2/3 cup.", "Add two thirds cup."),
        ("Wait 2 1/2 hours.", "Wait two and a half hours."),
        ("Wait 3 3/4 hours.", "Wait three and three quarters hours."),
        ("Walk 3/4 mi today.", "Walk three quarters of a mile today."),
        ("Add ½ cup.", "Add one half cup."),
        ("Open 24/7.", "Open twenty four seven."),
    ]

    static let units: [(String, String)] = [
        ("Run 1 km.", "Run one kilometer."),
        ("Lift 2.5 kg.", "Lift two point five kilograms."),
        ("Take 500 mg daily.", "Take five hundred milligrams daily."),
        ("Add 2 g and 1 lb and 8 oz.", "Add two grams and one pound and eight ounces."),
        ("It is 1 ft or 6 ft tall.", "It is one foot or six feet tall."),
        ("A 12 in. screen, 5 in x 3 in.", "A twelve inches screen, five inches by three inches."),
        ("A 12 in screen.", "A twelve in screen."),   // without its period, "in" is read as inches only before punctuation or "x"
        ("At 5 in the morning.", "At five in the morning."),
        ("Go 3 mi, 10 cm, 5 mm, 2 m.", "Go three miles, ten centimeters, five millimeters, two meters."),
        ("It was -5 °C outside.", "It was minus five degrees Celsius outside."),
        ("It was 72°F and 20°C.", "It was seventy two degrees Fahrenheit and twenty degrees Celsius."),
        ("Drive 60 mph or 100 km/h.", "Drive sixty miles per hour or one hundred kilometers per hour."),
        ("Used 5 kWh and 1 kWh.", "Used five kilowatt hours and one kilowatt hour."),
        ("Store 2 GB or 5 MB.", "Store two gigabytes or five megabytes."),
        ("Tune 440 Hz and 20 kHz.", "Tune four hundred forty hertz and twenty kilohertz."),
        ("Wait 300 ms, 5 s, 1 h and 30 min.", "Wait three hundred milliseconds, five seconds, one hour and thirty minutes."),
        ("Pour 1 L and 250 ml.", "Pour one liter and two hundred fifty milliliters."),
        ("Run 5km and 10kg.", "Run five kilometers and ten kilograms."),
        ("Move 9.8 m/s.", "Move nine point eight meters per second."),
        ("Turn 90°.", "Turn ninety degrees."),
        ("She is 5'10\" tall.", "She is five feet ten inches tall."),
        ("Add 1 1/2 tbsp. of sugar.", "Add one and a half tablespoons of sugar."),
        ("He ran 9.58s flat.", "He ran nine point five eight seconds flat."),
    ]

    static let telephones: [(String, String)] = [
        ("Call (555) 123-4567 now.", "Call five five five, one two three, four five six seven now."),
        ("Call 555-123-4567 now.", "Call five five five, one two three, four five six seven now."),
        ("Call +1 555 123 4567 now.", "Call plus one, five five five, one two three, four five six seven now."),
        ("Call 1-800-555-0199 now.", "Call one, eight oh oh, five five five, oh one nine nine now."),
        ("Call 555-1234 now.", "Call five five five, one two three four now."),
        ("Call 555.123.4567 now.", "Call five five five, one two three, four five six seven now."),
    ]

    static let romans: [(String, String)] = [
        ("Read Chapter IV.", "Read Chapter four."),
        ("Henry VIII ruled.", "Henry the eighth ruled."),
        ("After World War II ended.", "After World War two ended."),
        ("After World War I ended.", "After World War one ended."),
        ("Louis XIV and Elizabeth II.", "Louis the fourteenth and Elizabeth the second."),
        ("Queen Elizabeth I reigned.", "Queen Elizabeth the first reigned."),
        ("Super Bowl LVII and Apollo XI.", "Super Bowl fifty seven and Apollo eleven."),
        ("Henry VIII's wives.", "Henry the eighth's wives."),
        ("I think I can.", "I think I can."),
        ("The part I liked.", "The part I liked."),
        ("See Part I.", "See Part one."),
        ("An IV drip.", "An I V drip."),
        ("Malcolm X spoke.", "Malcolm X spoke."),
        ("Peter I think so.", "Peter I think so."),
        ("Tsar Peter I died.", "Tsar Peter the first died."),
        ("Mark I think so.", "Mark I think so."),
    ]

    static let abbreviations: [(String, String)] = [
        ("Dr. Jones is here.", "Doctor Jones is here."),
        ("Mr. and Mrs. Jones met Ms. Lee.", "Mister and Missus Jones met Miz Lee."),
        ("Mr Smith and Dr Jones.", "Mister Smith and Doctor Jones."),
        ("Prof. Lee, Jr. and John Smith Sr. came.", "Professor Lee, Junior and John Smith Senior came."),
        ("We saw St. Louis.", "We saw Saint Louis."),
        ("St. Paul's is big.", "Saint Paul's is big."),
        ("It is on Main St. in town.", "It is on Main Street in town."),
        ("It is on Main St. Then we left.", "It is on Main Street. Then we left."),
        ("Climb Mt. Everest.", "Climb Mount Everest."),
        ("On Elm Ave. and Oak Rd. today.", "On Elm Avenue and Oak Road today."),
        ("Apples, pears, etc. are fruit.", "Apples, pears, et cetera are fruit."),
        ("Fruit, e.g. apples.", "Fruit, for example apples."),
        ("Fruit, e.g., apples.", "Fruit, for example, apples."),
        ("Food, i.e. fruit.", "Food, that is fruit."),
        ("Cats vs. dogs.", "Cats versus dogs."),
        ("It is approx. 5 long.", "It is approximately five long."),
        ("Gate No. 5 is open.", "Gate number five is open."),
        ("No. 5 is open.", "Number five is open."),
        ("See p. 12 and pp. 5-7.", "See page twelve and pages five to seven."),
        ("Acme Inc. and Foo Ltd. agreed.", "Acme Incorporated and Foo Limited agreed."),
        ("John F. Kennedy spoke.", "John F Kennedy spoke."),
        ("J.R.R. Tolkien wrote.", "J R R Tolkien wrote."),
        ("The U.S. Army came.", "The U S Army came."),
        ("It was in the U.S. The end.", "It was in the U S. The end."),
        ("It is OK.", "It is okay."),
    ]

    static let acronyms: [(String, String)] = [
        ("The FBI called.", "The F B I called."),
        ("NASA and UNESCO and NATO.", "Nasa and Unesco and Nato."),
        ("A SCUBA tank and a LASER pointer.", "A Scuba tank and a Laser pointer."),
        ("The BBC, USA, CEO and HTML.", "The B B C, U S A, C E O and H T M L."),
        ("NASA's rocket and the FBI's files.", "Nasa's rocket and the F B I's files."),
        ("Many CEOs agreed.", "Many C E O's agreed."),
        ("The NIH and the FEMA team.", "The N I H and the Fema team."),
        ("An XKCD comic.", "An X K C D comic."),
        ("The IEEE and AAA.", "The I triple E and triple A."),
        ("Before WWII began.", "Before World War two began."),
        ("DO NOT ENTER THE ROOM.", "Do Not Enter The Room."),
        ("COVID-19 and MP3 files.", "Covid nineteen and M P three files."),
        ("R&D at AT&T.", "R and D at A T and T."),
    ]

    static let addresses: [(String, String)] = [
        ("See https://www.example.com/path now.", "See w w w dot example dot com slash path now."),
        ("See http://example.org.", "See example dot org."),
        ("See www.voxflow.dev today.", "See w w w dot voxflow dot dev today."),
        ("See example.com today.", "See example dot com today."),
        ("Mail jane.doe@example.org now.", "Mail jane dot doe at example dot org now."),
        ("Mail j_doe99@mail.example.co.uk now.", "Mail j underscore doe ninety nine at mail dot example dot co dot uk now."),
    ]

    static let symbols: [(String, String)] = [
        ("Salt & pepper.", "Salt and pepper."),
        ("Meet @ noon.", "Meet at noon."),
        ("Pick #5 now.", "Pick number five now."),
        ("Love #tag posts.", "Love hashtag tag posts."),
        ("Ask @voxflow today.", "Ask at voxflow today."),
        ("So 2 + 2 = 4.", "So two plus two equals four."),
        ("So 2+2=4.", "So two plus two equals four."),
        ("Code in C++ and C#.", "Code in C plus plus and C sharp."),
        ("A 4x4 car, 3x faster.", "A four by four car, three times faster."),
    ]

    static let ranges: [(String, String)] = [
        ("Ages 10–20 only.", "Ages ten to twenty only."),
        ("Ages 10-20 only.", "Ages ten to twenty only."),
        ("Read pages 5–7.", "Read pages five to seven."),
        ("Ages 10 – 20 only.", "Ages ten to twenty only."),
        ("Up 10-20% today.", "Up ten to twenty percent today."),
        ("Walk 5-10 km daily.", "Walk five to ten kilometers daily."),
        ("Open 9:00-17:30 daily.", "Open nine o'clock to seventeen thirty daily."),
        ("It won 3-2.", "It won three to two."),
        ("So 5 - 3 is two.", "So five minus three is two."),
        ("The 2010-11 season.", "The twenty ten to eleven season."),
    ]

    static let scales: [(String, String)] = [
        ("It has 1.2M users.", "It has one point two million users."),
        ("It has 3bn users.", "It has three billion users."),
        ("A 5k run.", "A five thousand run."),
        ("It is 1.2m long.", "It is one point two meters long."),
        ("It has 5 million users.", "It has five million users."),
    ]

    static let punctuation: [(String, String)] = [
        ("\"Hello,\" she said (quietly) — then left... Right?", "\"Hello,\" she said (quietly) — then left... Right?"),
        ("Wait; what: 5!", "Wait; what: five!"),
        ("(See 3 pages.)", "(See three pages.)"),
        ("“It costs $5,” he said.", "“It costs five dollars,” he said."),
        ("  Many   spaces\tand\nlines  ", "Many spaces and lines"),
        ("", ""),
    ]

    static let plainText: [String] = [
        "The quick brown fox jumps over the lazy dog.",
        "I am here; you are there: fine!",
        "She said hello, and then she left.",
        "Doctor Smith paid three dollars and fifty cents on March fifth, twenty twenty four.",
        "World War two ended in nineteen forty five.",
        "Call the F B I at five five five, one two three, four five six seven.",
        "It is a well-known, state-of-the-art design.",
        "Don't stop; it's Mary's and/or John's turn.",
        "May I go in? Yes, you may.",
    ]

    static let all = examples + cardinals + ordinals + decimalsAndNegatives + currency + dates + times + years
        + percentagesAndFractions + units + telephones + romans + abbreviations + acronyms + addresses + symbols
        + ranges + scales + punctuation
}

@Suite struct EnglishNormalizerTests {
    @Test(arguments: EnglishCases.examples) func examplesFromTheAPI(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.cardinals) func cardinals(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.ordinals) func ordinals(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.decimalsAndNegatives) func decimalsAndNegatives(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.currency) func currency(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.dates) func dates(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.times) func times(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.years) func yearsAndDecades(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.percentagesAndFractions) func percentagesAndFractions(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.units) func units(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.telephones) func telephoneNumbers(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.romans) func romanNumeralsInContext(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.abbreviations) func abbreviations(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.acronyms) func acronyms(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.addresses) func webAndMailAddresses(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.symbols) func symbols(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.ranges) func ranges(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.scales) func numbersWithScales(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.punctuation) func punctuationAndSpacing(written: String, spoken: String) {
        #expect(EnglishNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: EnglishCases.plainText) func spokenTextPassesThrough(text: String) {
        #expect(EnglishNormalizer.normalize(text) == text)
    }

    @Test func everyOutputIsAFixedPoint() {
        for (written, _) in EnglishCases.all {
            let once = EnglishNormalizer.normalize(written)
            #expect(EnglishNormalizer.normalize(once) == once, "not idempotent: \(written)")
        }
    }

    @Test func outputsHaveNoDigitsNorHyphensInNumbers() {
        for (written, _) in EnglishCases.all {
            let spoken = EnglishNormalizer.normalize(written)
            let hasDigit = spoken.contains { $0.isNumber }
            #expect(!hasDigit, "digits left in: \(spoken)")
            for number in ["twenty-", "thirty-", "forty-", "fifty-", "sixty-", "seventy-", "eighty-", "ninety-"] {
                #expect(!spoken.contains(number), "hyphenated number in: \(spoken)")
            }
        }
    }

    @Test func onlySentenceEndsKeepTheirPeriods() {
        #expect(EnglishNormalizer.normalize("Dr. Smith met Prof. Lee at 10 a.m. on Jan. 5.")
                == "Doctor Smith met Professor Lee at ten A M on January fifth.")
        #expect(EnglishNormalizer.normalize("See the U.S. Army, etc. and more.") == "See the U S Army, et cetera and more.")
    }

    @Test func hyphenatedNumberWordsAreSplit() {
        #expect(EnglishNormalizer.normalize("He said twenty-four, forty-second times.") == "He said twenty four, forty second times.")
    }
}

@Suite struct EnglishSayAsTests {
    @Test(arguments: [
        ("characters", "ABC", "A B C"),
        ("spell-out", "hi5", "H I five"),
        ("characters", "a.b", "A dot B"),
        ("cardinal", "1234", "one thousand two hundred thirty four"),
        ("number", "-3.5", "minus three point five"),
        ("cardinal", "XIV", "fourteen"),
        ("ordinal", "3", "third"),
        ("ordinal", "22nd", "twenty second"),
        ("ordinal", "XII", "twelfth"),
        ("digits", "2024", "two zero two four"),
        ("digits", "12 34", "one two three four"),
        ("telephone", "(555) 123-4567", "five five five, one two three, four five six seven"),
        ("telephone", "+1 555 123 4567", "plus one, five five five, one two three, four five six seven"),
        ("time", "10:30", "ten thirty"),
        ("time", "10:30 am", "ten thirty A M"),
        ("time", "9pm", "nine P M"),
        ("time", "14:05", "fourteen oh five"),
        ("currency", "$3.50", "three dollars and fifty cents"),
        ("currency", "€20", "twenty euros"),
        ("currency", "$5 billion", "five billion dollars"),
        ("currency", "20 EUR", "twenty euros"),
    ]) func readsTextAs(kind: String, text: String, spoken: String) {
        #expect(EnglishNormalizer.sayAs(text, interpretAs: kind, format: nil) == spoken)
    }

    @Test(arguments: [
        ("3/5/2024", "mdy", "March fifth, twenty twenty four"),
        ("3/5/2024", "dmy", "the third of May, twenty twenty four"),
        ("2024-03-05", "ymd", "March fifth, twenty twenty four"),
        ("3/5", "md", "March fifth"),
        ("5/3", "dm", "the fifth of March"),
        ("2024/03", "ym", "March twenty twenty four"),
        ("03/2024", "my", "March twenty twenty four"),
        ("1999", "y", "nineteen ninety nine"),
    ]) func readsDatesInTheGivenOrder(text: String, format: String, spoken: String) {
        #expect(EnglishNormalizer.sayAs(text, interpretAs: "date", format: format) == spoken)
    }

    @Test(arguments: [
        ("3/5/2024", "March fifth, twenty twenty four"),
        ("2024-03-05", "March fifth, twenty twenty four"),
        ("March 5, 2024", "March fifth, twenty twenty four"),
        ("5 March 2024", "the fifth of March, twenty twenty four"),
        ("2024", "twenty twenty four"),
    ]) func guessesTheDateOrder(text: String, spoken: String) {
        #expect(EnglishNormalizer.sayAs(text, interpretAs: "date", format: nil) == spoken)
    }

    @Test(arguments: [
        ("cardinal", "twelve"), ("number", "12abc"), ("ordinal", "-3"), ("ordinal", "2.5"), ("digits", "12a"),
        ("date", "13/45/2024"), ("date", "hello"), ("telephone", "call me"), ("telephone", "12"),
        ("time", "25:00"), ("time", "10:75"), ("time", "10:30 tomorrow"), ("currency", "20"), ("currency", "$abc"),
        ("characters", "   "), ("unknown-kind", "5"),
    ]) func refusesTextThatCannotBeReadThatWay(kind: String, text: String) {
        #expect(EnglishNormalizer.sayAs(text, interpretAs: kind, format: nil) == nil)
    }

    @Test func refusesAnUnknownDateFormat() {
        #expect(EnglishNormalizer.sayAs("3/5/2024", interpretAs: "date", format: "qq") == nil)
    }
}

@Suite struct NumberWordsTests {
    @Test(arguments: [(1, "first"), (2, "second"), (3, "third"), (5, "fifth"), (8, "eighth"), (9, "ninth"),
                      (12, "twelfth"), (20, "twentieth"), (21, "twenty first"), (100, "one hundredth"),
                      (1_000_000, "one millionth")])
    func ordinalsFromCardinals(value: Int, ordinal: String) {
        #expect(NumberWords.ordinal(value) == ordinal)
    }

    @Test(arguments: [(1999, "nineteen ninety nine"), (2000, "two thousand"), (2005, "two thousand five"),
                      (2024, "twenty twenty four"), (1900, "nineteen hundred"), (1066, "ten sixty six"),
                      (1005, "one thousand five"), (800, "eight hundred")])
    func years(value: Int, spoken: String) {
        #expect(NumberWords.year(value) == spoken)
    }

    @Test func cardinalsHaveNoHyphens() {
        #expect(NumberWords.cardinal(1_234_567) == "one million two hundred thirty four thousand five hundred sixty seven")
        #expect(NumberWords.cardinal(-42) == "minus forty two")
        #expect(NumberWords.cardinal(digits: "123456789012345678901") == "one two three four five six seven eight nine zero one two three four five six seven eight nine zero one")
    }

    @Test(arguments: ["I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIX", "MMXXIV"])
    func romanNumeralsRoundTrip(numeral: String) throws {
        let value = try #require(Roman.value(numeral))
        #expect(Roman.numeral(value) == numeral)
    }

    @Test(arguments: ["IIII", "VX", "IC", "ABC", ""]) func malformedRomanNumeralsAreRefused(text: String) {
        #expect(Roman.value(text) == nil)
    }

    @Test(arguments: [("NASA", true), ("UNESCO", true), ("SCUBA", true), ("FEMA", true), ("HTML", false),
                      ("NCAA", false), ("XKCD", false), ("IEEE", false)])
    func pronounceability(word: String, pronounceable: Bool) {
        #expect(EnglishAcronyms.isPronounceable(word) == pronounceable)
    }
}
