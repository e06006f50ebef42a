import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// text.normalize and prosody.tag through the real plugins, captured after each.
@Suite struct TextFrontEndTests {
    let catalog = TestCatalog()

    func sentences(_ text: String) throws -> [String] {
        var spec = GraphSpec()
        spec.chain([NodeSpec("norm", "text.normalize"), NodeSpec("cap", "test.capture", ["kind": .string("text")])])
        let graph = try GraphBuilder.build(spec, catalog: catalog)
        let p = Pipeline(graph: graph)
        p.submit(Utterance(id: 7, text: text))
        try p.finish()
        return (graph.element(named: "cap")!.node as! CaptureNode).chunks(of: 7).compactMap {
            if case let .text(t) = $0 { return t.text } else { return nil }
        }
    }

    func phrases(_ text: String, controls: Controls = Controls()) throws -> [ProsodyChunk] {
        var spec = GraphSpec()
        spec.chain([NodeSpec("norm", "text.normalize"), NodeSpec("prosody", "prosody.tag"),
                    NodeSpec("cap", "test.capture", ["kind": .string("prosody")])])
        let graph = try GraphBuilder.build(spec, catalog: catalog)
        let p = Pipeline(graph: graph)
        p.submit(Utterance(id: 1, text: text, controls: controls))
        try p.finish()
        return (graph.element(named: "cap")!.node as! CaptureNode).chunks(of: 1).compactMap {
            if case let .prosody(c) = $0 { return c } else { return nil }
        }
    }

    @Test func splitsSentences() throws {
        #expect(try sentences("Hello there. How are you? Fine!") == ["Hello there.", "How are you?", "Fine!"])
    }

    @Test func abbreviationsAndNumbersAreSpokenAndDoNotEndSentences() throws {
        let s = try sentences("Dr. Smith paid $3.50 at 10:30 am on Baker St. today. Then he left.")
        #expect(s.count == 2)
        #expect(s[0].hasPrefix("Doctor Smith paid three dollars and fifty cents"))
        #expect(!s[0].contains { $0.isNumber })
        #expect(s[1] == "Then he left.")
    }

    @Test func keepsClosingQuotesWithTheirSentence() throws {
        #expect(try sentences("He said \"Stop.\" Then he left.") == ["He said \"Stop.\"", "Then he left."])
    }

    @Test func foldsWhitespaceAndComposesUnicode() throws {
        // "e" + combining acute accent becomes the single NFC scalar é; runs of space fold to one.
        let s = try sentences("  Cafe\u{301}\n\n  au   lait\u{00A0}here.  ")
        #expect(s == ["Caf\u{E9} au lait here."])
        #expect(s[0].unicodeScalars.count == "Café au lait here.".unicodeScalars.count)
    }

    @Test func splitsFullWidthPunctuation() throws {
        #expect(try sentences("今天很好。你呢？我也好！") == ["今天很好。", "你呢？", "我也好！"])
    }

    @Test func phrasesBreakAtPunctuationWithPauses() throws {
        let p = try phrases("When the rain stopped, we walked home; it was late. Did you see it?")
        #expect(p.map(\.text) == ["When the rain stopped,", "we walked home;", "it was late.", "Did you see it?"])
        #expect(p.map(\.index) == [0, 1, 2, 3])
        #expect(p.map(\.pauseAfter) == [0.12, 0.192, 0.3, 0.33])
        #expect(p.map(\.isSentenceEnd) == [false, false, true, true])
        #expect(p.map(\.isQuestion) == [false, false, false, true])
    }

    @Test func rateAndPitchPassThrough() throws {
        let p = try phrases("One phrase, and another one.", controls: Controls(rate: 1.5, pitch: -2))
        #expect(p.allSatisfy { $0.rate == 1.5 && $0.pitch == -2 })
    }

    @Test func mandarinPhrasesCarryPinyinWords() throws {
        let p = try phrases("今天是2024年3月5日，银行利率上调了0.25%。")
        #expect(p.allSatisfy { $0.language == "zh" })
        let words = p.flatMap(\.words)
        #expect(words.first { $0.written == "银行" }?.spoken == "yin2 hang2")
        #expect(p.map(\.text).joined() == "今天是二零二四年三月五日，银行利率上调了百分之零点二五。")
    }

    @Test func markupErrorsFailTheUtteranceWithTheirPlace() throws {
        var spec = GraphSpec()
        spec.chain([NodeSpec("norm", "text.normalize"), NodeSpec("cap", "test.capture", ["kind": .string("text")])])
        let graph = try GraphBuilder.build(spec, catalog: catalog)
        let log = EventLog()
        let p = Pipeline(graph: graph) { log.record($0) }
        p.submit(Utterance(id: 3, text: "<speak>\n<prosody rate=\"zippy\">x</prosody></speak>"))
        try? p.finish()
        let failures = log.events.compactMap { e -> String? in
            if case let .failed(_, _, message) = e { return message } else { return nil }
        }
        #expect(failures.first?.contains("line 2, column 10: prosody rate \"zippy\" is not a rate") == true, "\(failures)")
    }

    @Test func plainModeReadsMarkupAsText() throws {
        var spec = GraphSpec()
        spec.chain([NodeSpec("norm", "text.normalize", ["markup": .bool(false)]), NodeSpec("cap", "test.capture", ["kind": .string("text")])])
        let graph = try GraphBuilder.build(spec, catalog: catalog)
        let p = Pipeline(graph: graph)
        p.submit(Utterance(id: 1, text: "Use [pause=1s] literally."))
        try p.finish()
        let texts = (graph.element(named: "cap")!.node as! CaptureNode).chunks(of: 1).compactMap { c -> String? in
            if case let .text(t) = c { return t.text } else { return nil }
        }
        #expect(texts.joined().contains("pause"))
    }
}
