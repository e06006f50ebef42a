import Testing
@testable import VoxflowText

@Suite struct UserLexiconTests {
    @Test func parsesEntriesAndSkipsCommentsAndBlankLines() throws {
        let lexicon = try UserLexicon(tsv: "# mine\n\nVoxflow\tvox flow\r\nMt. Fuji\tMount Fuji\n重庆\t崇庆\n", file: "my.tsv")
        #expect(lexicon.entries.map(\.written) == ["Voxflow", "Mt. Fuji", "重庆"])
        #expect(lexicon.entries.map(\.line) == [3, 4, 5])
    }

    @Test(arguments: [
        ("Voxflow vox flow\n", 1, "expected written<TAB>spoken, found no tab"),
        ("# ok\nA\tB\tC\n", 2, "expected two fields (written<TAB>spoken), found 3"),
        ("A\tB\n\tB\n", 2, "the written form is empty"),
        ("A\t \n", 1, "the spoken form of \"A\" is empty"),
        ("A\tB\nA\tC\n", 2, "\"A\" is already defined on line 1"),
    ]) func malformedLinesAreNamed(tsv: String, line: Int, reason: String) {
        #expect(throws: LexiconError(file: "my.tsv", line: line, reason: reason)) { try UserLexicon(tsv: tsv, file: "my.tsv") }
        #expect(LexiconError(file: "my.tsv", line: line, reason: reason).description == "my.tsv:\(line): \(reason)")
    }

    @Test func englishEntriesWinOverRulesAndMatchWholeWords() {
        let lexicon = UserLexicon([("SQL", "sequel"), ("Mt. Fuji", "Mount Fuji"), ("Dr.", "Doc"), ("3M", "three M")])
        #expect(EnglishNormalizer.normalize("I like SQL, and SQLite.", lexicon: lexicon) == "I like sequel, and SQLite.")
        #expect(EnglishNormalizer.normalize("We saw Mt. Fuji today.", lexicon: lexicon) == "We saw Mount Fuji today.")
        #expect(EnglishNormalizer.normalize("Ask Dr. Smith.", lexicon: lexicon) == "Ask Doc Smith.")
        #expect(EnglishNormalizer.normalize("Sold by 3M.", lexicon: lexicon) == "Sold by three M.")
        #expect(EnglishNormalizer.normalize("Ask Dr. Smith.") == "Ask Doctor Smith.")
    }

    @Test func mandarinEntriesReplaceInsideRuns() {
        let lexicon = UserLexicon([("重庆", "崇庆"), ("6·18", "六一八")])
        #expect(MandarinNormalizer.normalize("去重庆的2个人", lexicon: lexicon) == "去崇庆的两个人")
        #expect(MandarinNormalizer.normalize("6·18大促", lexicon: lexicon) == "六一八大促")
    }

    @Test func theFrontEndAppliesTheLexicon() throws {
        let frontEnd = TextFrontEnd(lexicon: UserLexicon([("Voxflow", "vox flow")]))
        #expect(try frontEnd.spokenForm("Voxflow costs $5.") == "vox flow costs five dollars.")
    }
}

@Suite struct ExplainTests {
    @Test func englishStepsNameTheirRules() {
        let (spoken, steps) = EnglishNormalizer.explain("Dr. Smith paid $3.50 on 3/5/2024.")
        #expect(spoken == "Doctor Smith paid three dollars and fifty cents on March fifth, twenty twenty four.")
        #expect(steps.map(\.rule) == ["abbreviation", "money", "numeric date"])
        #expect(steps.map(\.written) == ["Dr.", "$3.50", "3/5/2024"])
        #expect(steps[1].description == "$3.50 → three dollars and fifty cents   [en money]")
    }

    @Test func multiTokenMatchesShowEveryWord() {
        let steps = EnglishNormalizer.explain("Call (555) 123-4567 now.").steps
        #expect(steps.map(\.written) == ["555) 123-4567"] || steps.map(\.rule) == ["telephone number"])
    }

    @Test func mandarinStepsNameTheirRules() {
        let (spoken, steps) = MandarinNormalizer.explain("2024年花了2个小时")
        #expect(spoken == "二零二四年花了两个小时")
        #expect(steps.map(\.rule) == ["year", "quantity"])
    }

    @Test func markupReadingsAreExplained() throws {
        let steps = try TextFrontEnd().explain(#"Call <say-as interpret-as="characters">ABC</say-as> or <sub alias="World Health Organization">WHO</sub>."#)
        #expect(steps.map(\.rule) == ["say-as characters", "sub alias"])
        #expect(steps.map(\.spoken) == ["A B C", "World Health Organization"])
    }

    @Test func lexiconEntriesAreExplained() throws {
        let frontEnd = TextFrontEnd(lexicon: UserLexicon([("Voxflow", "vox flow")]))
        let steps = try frontEnd.explain("Voxflow 2个")
        #expect(steps.map(\.rule) == ["user lexicon", "quantity"])
    }
}
