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

    @Test func doesNotSplitAbbreviationsInitialsOrNumbers() throws {
        #expect(try sentences("Dr. Smith met J. R. Tolkien at 3.5 p.m. on Baker St. today. Then he left.")
                == ["Dr. Smith met J. R. Tolkien at 3.5 p.m. on Baker St. today.", "Then he left."])
        #expect(try sentences("Apples, pears, etc. are fruit. Yes.") == ["Apples, pears, etc. are fruit.", "Yes."])
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
        #expect(p.map(\.pauseAfter) == [0.12, 0.12, 0.3, 0.3])
        #expect(p.map(\.isSentenceEnd) == [false, false, true, true])
        #expect(p.map(\.isQuestion) == [false, false, false, true])
    }

    @Test func shortPhrasesJoinTheNextAndNumbersStayWhole() throws {
        let p = try phrases("Well, it cost 1,000 dollars, more or less.")
        #expect(p.map(\.text) == ["Well, it cost 1,000 dollars,", "more or less."])
    }

    @Test func rateAndPitchPassThrough() throws {
        let p = try phrases("One phrase, and another one.", controls: Controls(rate: 1.5, pitch: -2))
        #expect(p.allSatisfy { $0.rate == 1.5 && $0.pitch == -2 })
    }
}
