import Testing
import VoxflowKit
@testable import VoxflowText

/// The tagger's decisions: phrases, pauses, intonation, emphasis, emotion and its mapping.
@Suite struct ProsodyTaggerTests {
    let tagger = ProsodyTagger()

    func plan(_ text: String, controls: Controls = Controls(), tagger: ProsodyTagger? = nil) throws -> [PhrasePlan] {
        var out: [PhrasePlan] = []
        for s in try TextFrontEnd().sentences(text) {
            out += (tagger ?? self.tagger).plan(s, controls: controls, firstIndex: out.count)
        }
        return out
    }

    @Test func phrasesBreakAtClausePunctuationWithTablePauses() throws {
        let p = try plan("When the rain stopped, we walked home; it was late. Did you see it?")
        #expect(p.map(\.chunk.text) == ["When the rain stopped,", "we walked home;", "it was late.", "Did you see it?"])
        #expect(p.map(\.chunk.index) == [0, 1, 2, 3])
        #expect(p.map(\.chunk.pauseAfter) == [0.12, 0.192, 0.3, 0.33])
        #expect(p.map(\.chunk.isSentenceEnd) == [false, false, true, true])
    }

    @Test func shortPhrasesJoinTheNext() throws {
        let p = try plan("Well, it is done, more or less.")
        #expect(p.map(\.chunk.text) == ["Well, it is done,", "more or less."])
    }

    @Test func sentencesDoNotBreakInsideQuotes() throws {
        let s = try TextFrontEnd().sentences("He said \"Stop. Wait here.\" Then he left. She stayed.")
        #expect(s.map(\.text) == ["He said \"Stop. Wait here.\"", "Then he left.", "She stayed."])
        let zh = try TextFrontEnd().sentences("他说：“走吧。快点。”我们就走了。")
        #expect(zh.count == 2)
    }

    @Test func yesNoQuestionsRiseAndWhQuestionsFall() throws {
        let yesNo = try plan("Are you coming with us tonight?")
        #expect(yesNo.last!.chunk.isQuestion)
        #expect(yesNo.last!.intonation == "rise")
        #expect(yesNo.last!.chunk.pitch == 1.5)
        let wh = try plan("Where are you going tonight?")
        #expect(wh.last!.intonation == "fall")
        #expect(wh.last!.chunk.pitch == 0)
        #expect(try plan("It is late.").last!.intonation == nil)
    }

    @Test func emphasisRaisesPitchAndEnergy() throws {
        let p = try plan("I said <emphasis level=\"strong\">never</emphasis> again.")
        let never = p.first { $0.chunk.text == "never" }!
        #expect(never.chunk.emphasis == 1)
        #expect(never.chunk.pitch == 1.5)
        #expect(never.chunk.volume == 1.25)
        #expect(never.chunk.rate == 0.9)
        #expect(p.first!.chunk.emphasis == 0)
    }

    @Test func emotionFromTagsWinsAndMapsThroughTheTable() throws {
        let p = try plan("[emotion=angry:0.5]Get out of my house right now!")
        let c = p[0].chunk
        #expect(c.emotion == "angry")
        #expect(c.intensity == 0.5)
        #expect(p[0].emotionSource == "tag")
        // angry at full: rate 1.1, pitch +1, range 1.3, energy 1.4; at 0.5: half way.
        #expect(abs(c.rate - 1.05) < 1e-9)
        #expect(abs(c.pitch - 0.5) < 1e-9)
        #expect(abs(c.pitchRange - 1.15) < 1e-9)
        #expect(abs(c.volume - 1.2) < 1e-9)
    }

    @Test func emotionFromDeliveryWordsWithDegree() throws {
        let p = try plan("\"Is anyone there,\" she whispered very nervously.")
        #expect(p.allSatisfy { $0.chunk.emotion == "afraid" })
        #expect(p[0].emotionSource == "words \"very nervously\"")
        #expect(abs(p[0].chunk.intensity - 0.78) < 1e-9)
        let calm = try plan("He spoke calmly to the crowd.")
        #expect(calm[0].chunk.emotion == "calm")
        #expect(calm[0].chunk.rate < 1)
    }

    @Test func emotionFromPunctuation() throws {
        let p = try plan("You did what?!")
        #expect(p[0].chunk.emotion == "surprised")
        #expect(p[0].emotionSource == "punctuation \"?!\"")
        #expect(try plan("The train leaves at noon.")[0].chunk.emotion == nil)
    }

    @Test func requestedEmotionBeatsDetectionButNotTags() throws {
        let c = Controls(emotion: "sad", intensity: 1)
        let p = try plan("She laughed. [emotion=happy:1]Then she laughed again.", controls: c)
        #expect(p[0].chunk.emotion == "sad" && p[0].emotionSource == "request")
        #expect(p[1].chunk.emotion == "happy" && p[1].emotionSource == "tag")
        // sad at full intensity: pauses ×1.3, slower, lower.
        #expect(p[0].chunk.rate == 0.85)
        #expect(p[0].chunk.pitch == -2)
        #expect(abs(p[0].chunk.pauseAfter - 0.39) < 1e-9)
    }

    @Test func detectionCanBeTurnedOff() throws {
        let quiet = ProsodyTagger(detectEmotion: false)
        #expect(try plan("She shouted angrily at him.", tagger: quiet)[0].chunk.emotion == nil)
        #expect(try plan("She shouted angrily at him.")[0].chunk.emotion == "angry")
    }

    @Test func emotionTableOverridesFromJSON() throws {
        let table = try EmotionTable.overriding(json: #"{"angry": {"rate": 1.5, "pitch": -1}}"#)
        #expect(table[.angry].rate == 1.5)
        #expect(table[.angry].pitch == -1)
        #expect(table[.angry].energy == EmotionTable.standard[.angry].energy, "other fields keep their defaults")
        #expect(table[.sad] == EmotionTable.standard[.sad])
        let p = try plan("[emotion=angry:1]Stop that.", tagger: ProsodyTagger(emotions: table))
        #expect(p[0].chunk.rate == 1.5)
        #expect(throws: EmotionTableError.self) { try EmotionTable.overriding(json: #"{"grumpy": {"rate": 1}}"#) }
        #expect(throws: EmotionTableError.self) { try EmotionTable.overriding(json: #"{"sad": {"speed": 1}}"#) }
        #expect(throws: EmotionTableError.self) { try EmotionTable.overriding(json: #"{"sad": {"rate": 9}}"#) }
        #expect(throws: EmotionTableError.self) { try EmotionTable.overriding(json: "[1, 2]") }
    }

    @Test func utteranceControlsAndMarkupCombine() throws {
        let p = try plan("Plain words here. <prosody rate=\"2\" pitch=\"+3st\">Fast words there.</prosody>",
                         controls: Controls(rate: 1.5, pitch: -2, volume: 0.5))
        #expect(p[0].chunk.rate == 1.5 && p[0].chunk.pitch == -2 && p[0].chunk.volume == 0.5)
        #expect(p[1].chunk.rate == 3 && p[1].chunk.pitch == 1)
    }

    @Test func breaksAndMarksLandOnPhrases() throws {
        let p = try plan("First part <break time=\"700ms\"/> <mark name=\"m1\"/>second part here. [pause=1s]")
        #expect(p.map(\.chunk.text) == ["First part", "second part here.", ""])
        #expect(p[1].chunk.pauseBefore == 0.7)
        #expect(p[1].chunk.bookmarks == ["m1"])
        #expect(p[2].chunk.pauseBefore == 1, "a trailing pause rides on an empty phrase")
    }

    @Test func planPrintsAsJSON() throws {
        let plan = try ProsodyPlan(text: "Are you sure? [emotion=happy:0.8]Yes, absolutely sure!", frontEnd: TextFrontEnd(), tagger: tagger)
        let json = plan.json()
        #expect(json.contains("\"intonation\" : \"rise\""))
        #expect(json.contains("\"emotion\" : \"happy\""))
        #expect(json.contains("\"emotion_source\" : \"tag\""))
        #expect(plan.sentences.count == 2)
        #expect(plan.text.contains("question, rise"))
    }

    // MARK: Mandarin

    @Test func mandarinPhrasesBreakAtFullWidthPunctuation() throws {
        let p = try plan("我们今天去银行，然后回家；天气很好。")
        #expect(p.map(\.chunk.text) == ["我们今天去银行，", "然后回家；", "天气很好。"])
        #expect(p.allSatisfy { $0.chunk.language == "zh" && !$0.chunk.words.isEmpty })
        #expect(p.map(\.chunk.pauseAfter) == [0.12, 0.192, 0.3])
    }

    @Test(arguments: [
        ("“你走吧。”她冷笑一声。", "disgusted", "words \"冷笑一声\""),
        ("他激动地说：“我们赢了！”", "happy", "words \"激动地说\""),
        ("她非常伤心地哭了。", "sad", "words \"非常伤心地\""),
        ("老人平静地看着大海。", "calm", "words \"平静地\""),
    ])
    func mandarinDeliveryWordsSetTheEmotion(_ text: String, _ emotion: String, _ source: String) throws {
        let p = try plan(text)
        #expect(p.contains { $0.chunk.emotion == emotion && $0.emotionSource == source }, "\(p.map { ($0.chunk.emotion, $0.emotionSource) })")
    }

    @Test func mandarinDegreeWordsScaleIntensity() throws {
        let strong = try plan("她非常伤心地哭了。")[0].chunk.intensity
        let mild = try plan("她有点伤心地哭了。")[0].chunk.intensity
        #expect(strong > 0.6 && mild < 0.6, "\(strong) vs \(mild)")
    }

    @Test func mandarinQuestionsRiseWithMaAndFallWithQuestionWords() throws {
        #expect(try plan("你今天去银行吗？").last!.intonation == "rise")
        #expect(try plan("你今天去哪里？").last!.intonation == "fall")
        #expect(try plan("你为什么不去？").last!.intonation == "fall")
    }

    @Test func mixedTextKeepsEachLanguageInItsOwnPhrase() throws {
        let p = try plan("我用iPhone拍了照片。")
        #expect(p.map(\.chunk.language) == ["zh", "en", "zh"])
        #expect(p[1].chunk.text == "iPhone")
    }
}
