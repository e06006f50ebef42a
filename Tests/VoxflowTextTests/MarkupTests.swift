import Testing
import VoxflowKit
@testable import VoxflowText

/// The SSML subset, inline tags and pinyin overrides, read by MarkupParser.
@Suite struct MarkupTests {
    func texts(_ pieces: [MarkupPiece]) -> [String] {
        pieces.compactMap { if case let .text(t) = $0.content { return t } else { return nil } }
    }

    func error(_ input: String) -> MarkupError? {
        do { _ = try MarkupParser.parse(input); return nil } catch let e as MarkupError { return e } catch { return nil }
    }

    @Test func plainTextIsOnePiece() throws {
        let p = try MarkupParser.parse("Cats & dogs < 3 [sic] (really).")
        #expect(texts(p) == ["Cats & dogs < 3 [sic] (really)."])
        #expect(p[0].style == SpanStyle())
    }

    @Test func speakDocumentWithBreaksAndProsody() throws {
        let p = try MarkupParser.parse("""
            <speak>Hello <break time="500ms"/> <prosody rate="slow" pitch="+2st" volume="loud">slowly now</prosody>
            <break strength="strong"/>done &amp; dusted.</speak>
            """)
        let kinds: [String] = p.map {
            switch $0.content {
            case let .text(t): return "text:\(t.trimmingSpaces())"
            case let .pause(s): return "pause:\(s)"
            case let .bookmark(n): return "mark:\(n)"
            case .sentenceBreak: return "break"
            }
        }.filter { $0 != "text:" && $0 != "text:\n" }
        #expect(kinds == ["text:Hello", "pause:0.5", "text:slowly now", "pause:0.6", "text:done & dusted."])
        let slow = p.first { if case .text("slowly now") = $0.content { return true } else { return false } }!
        #expect(slow.style.rate == 0.75)
        #expect(slow.style.pitch == 2)
        #expect(slow.style.volume == 1.4)
        let done = p.last!
        #expect(done.style == SpanStyle(), "styles end with their element")
    }

    @Test func nestedProsodyMultipliesAndAdds() throws {
        let p = try MarkupParser.parse("<speak><prosody rate=\"120%\" pitch=\"+1st\"><prosody rate=\"+50%\" pitch=\"-3st\">x</prosody></prosody></speak>")
        let x = p.first { if case .text("x") = $0.content { return true } else { return false } }!
        #expect(abs(x.style.rate - 1.8) < 1e-9)
        #expect(x.style.pitch == -2)
    }

    @Test func emphasisSayAsSubPhonemeMarkVoiceLang() throws {
        let p = try MarkupParser.parse("""
            <speak><emphasis level="strong">now</emphasis> <say-as interpret-as="ordinal">3</say-as>
            <sub alias="World Health Organization">WHO</sub> <phoneme alphabet="x-espeak" ph="t@mA:toU">tomato</phoneme>
            <mark name="here"/><voice name="slt">hi</voice> <lang xml:lang="zh-CN">你好</lang></speak>
            """)
        func piece(_ t: String) -> MarkupPiece { p.first { if case .text(t) = $0.content { return true } else { return false } }! }
        #expect(piece("now").style.emphasis == 1)
        #expect(piece("3").reading == .sayAs(interpretAs: "ordinal", format: nil))
        #expect(piece("WHO").reading == .alias("World Health Organization"))
        #expect(piece("tomato").reading == .phonemes(alphabet: .espeak, "t@mA:toU"))
        #expect(p.contains { $0.content == .bookmark("here") })
        #expect(piece("hi").style.voice == "slt")
        #expect(piece("你好").language == "zh-CN")
    }

    @Test func fragmentsNeedNoSpeakAndTolerateAmpersands() throws {
        let p = try MarkupParser.parse("Salt & pepper <break time=\"1s\"/> then <emphasis>more</emphasis>, 3 < 4.")
        #expect(texts(p).map { $0.trimmingSpaces() } == ["Salt & pepper", "then", "more", ", 3 < 4."])
        #expect(p.contains { $0.content == .pause(1) })
    }

    @Test func sentenceElementsEndSentences() throws {
        let p = try MarkupParser.parse("<speak><s>One</s><s>Two</s></speak>")
        #expect(p.filter { $0.content == .sentenceBreak }.count >= 2)
    }

    @Test func inlineTags() throws {
        let p = try MarkupParser.parse("Calm start [emotion=angry:0.6]now angry[pause=300ms] [rate=1.2]faster [emotion=neutral]plain")
        func piece(_ t: String) -> MarkupPiece {
            p.first { if case let .text(x) = $0.content { return x.trimmingSpaces() == t } else { return false } }!
        }
        #expect(piece("Calm start").style.emotion == nil)
        #expect(piece("now angry").style.emotion == "angry")
        #expect(piece("now angry").style.intensity == 0.6)
        #expect(p.contains { $0.content == .pause(0.3) })
        #expect(piece("faster").style.rate == 1.2)
        #expect(piece("faster").style.emotion == "angry")
        #expect(piece("plain").style.emotion == nil)
        #expect(piece("plain").style.rate == 1.2, "a rate tag holds until the next one")
    }

    @Test func inlineTagsInsideElementsEndWithTheElement() throws {
        let p = try MarkupParser.parse("<prosody pitch=\"+2st\">[rate=2]fast</prosody> after")
        let fast = p.first { if case .text("fast") = $0.content { return true } else { return false } }!
        #expect(fast.style.rate == 2 && fast.style.pitch == 2)
        let after = p.last!
        #expect(after.style.rate == 1 && after.style.pitch == 0)
    }

    @Test func pinyinOverrides() throws {
        let braces = try MarkupParser.parse("我们{重|chong2}新开始")
        #expect(texts(braces) == ["我们", "重", "新开始"])
        #expect(braces[1].reading == .pinyin(["chong2"]))
        let parens = try MarkupParser.parse("他重(chóng)返赛场")
        try #require(texts(parens) == ["他", "重", "返赛场"])
        #expect(parens[1].reading == .pinyin(["chong2"]))
        let two = try MarkupParser.parse("去银行(yín háng)")
        try #require(texts(two) == ["去", "银行"])
        #expect(two[1].reading == .pinyin(["yin2", "hang2"]))
        // Brackets that hold no pinyin with tones stay text.
        #expect(texts(try MarkupParser.parse("中国(China)很大")) == ["中国(China)很大"])
    }

    @Test(arguments: [
        ("<speak>Hello <pause time=\"1s\"/></speak>", 1, 14, "unknown element <pause>"),
        ("<speak>\n  <break time=\"fast\"/></speak>", 2, 10, "\"fast\" is not a duration"),
        ("<speak><prosody speed=\"2\">x</prosody></speak>", 1, 17, "<prosody> has no attribute speed"),
        ("<speak><emphasis>x</prosody></speak>", 1, 19, "</prosody> does not match <emphasis> opened at line 1, column 8"),
        ("<speak><emphasis>never closed</speak>", 1, 30, "</speak> does not match <emphasis>"),
        ("<speak>\nfish & chips</speak>", 2, 6, "'&' must start an entity"),
        ("<speak><say-as interpret-as=\"weird\">3</say-as></speak>", 1, 16, "say-as interpret-as \"weird\" is not supported"),
        ("<speak><break time=\"2s\"></speak>", 1, 8, "<break> takes no content"),
        ("<speak><prosody rate=\"zippy\">x</prosody></speak>", 1, 17, "prosody rate \"zippy\" is not a rate"),
        ("text <emphasis>open", 1, 6, "<emphasis> is never closed"),
        ("line one\nline [emotion=furious] two", 2, 6, "unknown emotion \"furious\""),
        ("[emotion=sad:1.5] so sad", 1, 1, "emotion intensity \"1.5\" must be a number from 0 to 1"),
        ("wait [pause=forever] now", 1, 6, "\"forever\" is not a duration"),
        ("[speed=2] go", 1, 1, "unknown tag [speed=…]"),
        ("他{重|zzz}返", 1, 5, "\"zzz\" is not pinyin"),
        ("{重新|chong2}开始", 1, 1, "gives 1 syllable(s) for 2 character(s)"),
        ("<speak><sub alias=\"x\"></sub></speak>", 1, 8, "<sub> is empty"),
    ])
    func errorsNameLineAndColumn(_ input: String, _ line: Int, _ column: Int, _ message: String) {
        let e = error(input)
        #expect(e != nil, "no error for \(input)")
        #expect(e?.line == line, "\(e?.description ?? "")")
        #expect(e?.column == column, "\(e?.description ?? "")")
        #expect(e?.message.contains(message) == true, "\(e?.description ?? "") should say \(message)")
    }

    @Test func errorDescriptionReadsWell() {
        #expect(error("<speak>\n  <break time=\"fast\"/></speak>")?.description
                == "line 2, column 10: \"fast\" is not a duration: write it like 300ms or 1.5s")
    }

    @Test func valuesFromTables() {
        #expect(MarkupValues.duration("1.5s") == 1.5)
        #expect(MarkupValues.duration("250ms") == 0.25)
        #expect(MarkupValues.duration("-1s") == nil)
        #expect(MarkupValues.rate("x-fast") == 1.7)
        #expect(MarkupValues.rate("80%") == 0.8)
        #expect(MarkupValues.rate("-20%") == 0.8)
        #expect(MarkupValues.pitch("-10%").map { abs($0 - (-1.824)) < 0.01 } == true)
        #expect(MarkupValues.volume("+6dB").map { abs($0 - 1.995) < 0.01 } == true)
        #expect(MarkupValues.volume("x-soft") == 0.3)
    }
}
