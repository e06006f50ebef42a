import Foundation
import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// acoustic.espeak with real libespeak-ng 1.51, fed exact prosody chunks (test.prosody) so that
/// words, languages, pauses and bookmarks are tested without the text front end.
/// Serialized: espeak-ng is one engine per process, and the timing test wants the CPU.
@Suite(.serialized) struct EspeakTests {
    static let rate = 22_050
    let catalog = EngineTestCatalog()

    struct Run {
        let capture: CaptureNode
        let log: EventLog
        func audio(_ id: UtteranceID = 1) -> [Float] { capture.audio(of: id) }
        func marks(_ id: UtteranceID = 1, _ kind: Mark.Kind = .word) -> [Mark] { capture.marks(of: id).filter { $0.kind == kind } }
        func chunks(_ id: UtteranceID = 1) -> [AudioChunk] {
            capture.chunks(of: id).compactMap { if case let .audio(a) = $0 { return a } else { return nil } }
        }
        var warnings: [String] {
            log.events.compactMap { if case let .node(_, .warning(w)) = $0 { return w.located } else { return nil } }
        }
    }

    /// Renders utterances 1, 2, … (one per element of `utterances`) through test.prosody →
    /// acoustic.espeak → vocoder.passthrough → test.capture, offline.
    func render(_ utterances: [[ProsodyChunk]], controls: Controls = Controls(), _ parameters: [String: ParameterValue] = [:],
                onPacket: ((Pipeline, Packet) -> Void)? = nil) throws -> Run {
        let graph = try GraphBuilder.build(espeakChain(parameters), catalog: catalog)
        let log = EventLog()
        let pipeline = Pipeline(graph: graph, observer: { log.record($0) })
        let capture = graph.element(named: "cap")!.node as! CaptureNode
        if let onPacket { capture.onPacket = { [unowned pipeline] in onPacket(pipeline, $0) } }
        for (i, chunks) in utterances.enumerated() {
            let id = UtteranceID(i + 1)
            catalog.source.script(id, chunks)
            pipeline.submit(Utterance(id: id, text: "", controls: controls))
        }
        try pipeline.finish()
        return Run(capture: capture, log: log)
    }

    func render(_ phrases: [ProsodyChunk], controls: Controls = Controls(), _ parameters: [String: ParameterValue] = [:]) throws -> Run {
        try render([phrases], controls: controls, parameters)
    }

    static func phrase(_ text: String, index: Int = 0, pauseAfter: Double = 0, rate: Double = 1, pitch: Double = 0,
                       language: String? = nil, words: [SpokenWord] = [], voice: String? = nil) -> ProsodyChunk {
        ProsodyChunk(text: text, index: index, pauseAfter: pauseAfter, rate: rate, pitch: pitch, language: language,
                     words: words, voice: voice)
    }

    static let mandarin = [
        SpokenWord(written: "今天", spoken: "jin1 tian1", alphabet: .pinyin),
        SpokenWord(written: "银行", spoken: "yin2 hang2", alphabet: .pinyin),
        SpokenWord(written: "利率", spoken: "li4 lv4", alphabet: .pinyin),
    ]
    static func mandarinPhrase(language: String? = "zh", voice: String? = nil) -> ProsodyChunk {
        phrase("今天银行利率", language: language, words: mandarin, voice: voice)
    }

    static func rms(_ s: ArraySlice<Float>) -> Float { (s.reduce(0) { $0 + $1 * $1 } / Float(max(s.count, 1))).squareRoot() }
    static func rms(_ s: [Float]) -> Float { rms(s[...]) }

    /// Samples from the first to the last non-silent one.
    static func speech(_ s: [Float]) -> ArraySlice<Float> {
        guard let a = s.firstIndex(where: { abs($0) > 1e-3 }), let b = s.lastIndex(where: { abs($0) > 1e-3 }) else { return [] }
        return s[a...b]
    }

    /// Median f0 by autocorrelation over voiced 1024-sample frames (60–400 Hz at 22.05 kHz).
    static func medianF0(_ s: [Float]) -> Double {
        var f0s: [Double] = []
        var i = 0
        while i + 1024 < s.count {
            let frame = Array(s[i..<(i + 1024)])
            if rms(frame) > 0.02 {
                var best = 0, bestVal: Float = -1
                for lag in 55...367 {
                    var acc: Float = 0
                    for k in 0..<(1024 - lag) { acc += frame[k] * frame[k + lag] }
                    if acc > bestVal { bestVal = acc; best = lag }
                }
                f0s.append(Double(rate) / Double(best))
            }
            i += 512
        }
        return f0s.sorted()[f0s.count / 2]
    }

    // MARK: - Speech and marks

    @Test func englishSentenceStreamsAudioWithWordMarks() throws {
        let text = "The quick brown fox jumps over the lazy dog, near the river bank."
        let run = try render([Self.phrase(text, pauseAfter: 0.3)])
        let audio = run.audio()
        let chunks = run.chunks()
        #expect(chunks.allSatisfy { $0.rate == Self.rate && $0.channels == 1 })
        #expect(audio.count > Self.rate, "more than a second: \(audio.count)")
        #expect(Self.rms(audio) > 0.02, "not silence")
        // Streams as espeak-ng hands audio over: many chunks of at most ~100 ms, contiguous.
        let speechChunks = chunks.dropLast()
        #expect(speechChunks.count >= 10)
        #expect(speechChunks.allSatisfy { $0.samples.count <= Self.rate / 10 })
        var next = 0
        for c in chunks {
            #expect(c.startFrame == next)
            next += c.samples.count
            for m in c.marks { #expect(m.start >= c.startFrame && m.start < c.startFrame + max(c.samples.count, 1)) }
        }
        let marks = run.marks()
        try #require(marks.map(\.text) == ["The", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "near", "the", "river", "bank"])
        for (a, b) in zip(marks, marks.dropFirst()) { #expect(a.start < b.start && a.end <= b.start) }
        for m in marks {
            #expect(m.start >= 0 && m.end > m.start && m.end <= audio.count - Int(0.3 * Double(Self.rate)))
            #expect(Self.rms(audio[m.start..<m.end]) > 0.01, "\(m) covers speech")
        }
        // The comma's pause is not inside "dog": its end is before the silence.
        let dog = marks[8], near = marks[9]
        #expect(near.start - dog.end > Self.rate / 20, "a pause between dog and near: \(dog) \(near)")
    }

    @Test func mandarinWordsArePinyinAndMarksReadAsHanzi() throws {
        let run = try render([Self.mandarinPhrase()])
        let audio = run.audio()
        #expect(audio.count > Self.rate / 2)
        #expect(Self.rms(audio) > 0.02)
        let marks = run.marks()
        #expect(marks.map(\.text) == ["今天", "银行", "利率"])
        for (a, b) in zip(marks, marks.dropFirst()) { #expect(a.end <= b.start) }
        #expect(marks.allSatisfy { $0.end - $0.start > Self.rate / 10 }, "each word is two syllables long: \(marks)")
        #expect(run.warnings.isEmpty, "\(run.warnings)")
    }

    @Test func pinyinWithoutToneDigitsStillMakesOneMarkPerWord() throws {
        // "xi an" cannot be joined (xian would be one syllable): two syllable events, one mark.
        let words = [SpokenWord(written: "西安", spoken: "xi an", alphabet: .pinyin),
                     SpokenWord(written: "银行", spoken: "yin2 hang2", alphabet: .pinyin)]
        let marks = try render([Self.phrase("西安银行", language: "zh", words: words)]).marks()
        #expect(marks.map(\.text) == ["西安", "银行"])
    }

    @Test func textWordsPhonemesAndIPA() throws {
        let words = [SpokenWord(written: "Say", spoken: "Say", alphabet: .text),
                     SpokenWord(written: "tomato", spoken: "t@m'A:toU", alphabet: .espeak),
                     SpokenWord(written: "again,", spoken: "again,", alphabet: .text),
                     SpokenWord(written: "potato", spoken: "pəˈteɪtoʊ", alphabet: .ipa)]
        let run = try render([Self.phrase("Say tomato again, potato", words: words)])
        #expect(run.marks().map(\.text) == ["Say", "tomato", "again", "potato"])
        #expect(run.warnings.filter { $0.contains("IPA") }.count == 1, "\(run.warnings)")
        #expect(Self.rms(run.audio()) > 0.02)
    }

    @Test func marksAreLabelledFromTheTextWithoutPunctuation() throws {
        let marks = try render([Self.phrase("\"Hello,\" she said; (quietly) it's well-known, 42 fine!")]).marks()
        #expect(marks.map(\.text) == ["Hello", "she", "said", "quietly", "it's", "well-known", "42", "fine"])
        // Without words, Hanzi come one character per mark (espeak-ng's events).
        let han = try render([Self.phrase("今天", voice: "cmn")]).marks()
        #expect(han.map(\.text) == ["今", "天"])
    }

    // MARK: - Voices

    /// With a fresh engine per phrase, equal samples mean the same voice was used.
    @Test func voiceFollowsTheLanguage() throws {
        func audio(_ p: ProsodyChunk, controls: Controls = Controls(), _ params: [String: ParameterValue] = [:]) throws -> [Float] {
            try render([p], controls: controls, params).audio()
        }
        let zhPinyin = try audio(Self.mandarinPhrase(language: "zh", voice: "cmn-latn-pinyin"))
        #expect(try audio(Self.mandarinPhrase(language: "zh")) == zhPinyin, "zh goes to cmn-latn-pinyin")
        #expect(try audio(Self.mandarinPhrase(language: "zh-CN")) == zhPinyin)
        #expect(try audio(Self.mandarinPhrase(language: nil)) == zhPinyin, "pinyin words make a phrase Mandarin")
        #expect(try audio(Self.mandarinPhrase(language: "zh"), controls: Controls(voice: "en-us")) == zhPinyin,
                "an English utterance voice does not read Mandarin")
        #expect(try audio(Self.mandarinPhrase(language: "zh"), ["voice": .string("de")]) == zhPinyin)
        #expect(try audio(Self.mandarinPhrase(language: "zh", voice: "cmn")) != zhPinyin, "an explicit phrase voice wins")

        let german = "Guten Morgen, wie geht es dir heute?"
        let de = try audio(Self.phrase(german, voice: "de"))
        #expect(try audio(Self.phrase(german, language: "de")) == de)
        #expect(try audio(Self.phrase(german, language: "de-DE")) == de)
        #expect(try audio(Self.phrase(german)) != de, "no language: the voice parameter (en-us)")

        let french = "Bonjour tout le monde."
        #expect(try audio(Self.phrase(french, language: "fr-FR")) == audio(Self.phrase(french, voice: "fr-fr")))

        let english = "Hello there, how are you?"
        let us = try audio(Self.phrase(english, voice: "en-us"))
        #expect(try audio(Self.phrase(english, language: "en")) == us, "en: the default voice, which is English")
        #expect(try audio(Self.phrase(english, language: "en"), controls: Controls(voice: "en-gb-scotland"))
                == audio(Self.phrase(english, voice: "en-gb-scotland")), "the utterance's voice speaks en")
        #expect(try audio(Self.phrase(english, language: "en"), ["voice": .string("de")]) == audio(Self.phrase(english, voice: "en-gb")),
                "a German default does not speak en: espeak-ng's preferred English voice")
    }

    @Test func unknownVoicesAreErrorsNamingTheVoices() throws {
        do {
            _ = try GraphBuilder.build(espeakChain(["voice": .string("klingon-x")]), catalog: catalog)
            Issue.record("built a graph with an unknown voice")
        } catch {
            let text = "\(error)"
            #expect(text.contains("unknown voice 'klingon-x'"), "\(text)")
            #expect(text.contains("en-us") && text.contains("cmn-latn-pinyin") && text.contains("fr-fr"), "\(text)")
        }
        let run = try render([[Self.phrase("Hello.")], [Self.phrase("Hello.", voice: "nope")]], controls: Controls(voice: "nada"))
        for id: UtteranceID in [1, 2] {
            guard case let .failed(node, message)? = run.capture.endReason(of: id) else {
                Issue.record("utterance \(id) did not fail"); continue
            }
            #expect(node == "tts" && message.contains("unknown voice 'nada'") && message.contains("de, "), "\(message)")
        }
        let phraseVoice = try render([Self.phrase("Hello.", voice: "nope")])
        guard case let .failed(_, message)? = phraseVoice.capture.endReason(of: 1) else { Issue.record("did not fail"); return }
        #expect(message.contains("unknown voice 'nope'") && message.contains("en-us"))
    }

    // MARK: - Controls

    @Test func rateChangesTheLength() throws {
        let text = "The rate control stretches every phrase, and we measure how long it takes."
        let natural = Self.speech(try render([Self.phrase(text)]).audio()).count
        let fast = Self.speech(try render([Self.phrase(text)], ["rate": .double(2)]).audio()).count
        let fastPhrase = Self.speech(try render([Self.phrase(text, rate: 2)]).audio()).count
        let slow = Self.speech(try render([Self.phrase(text, rate: 0.6)]).audio()).count
        print(String(format: "acoustic.espeak: speech length at rate 2: %.3f×, at 0.6: %.3f× of natural", Double(fast) / Double(natural),
                     Double(slow) / Double(natural)))
        #expect(abs(Double(fast) / Double(natural) - 0.5) < 0.08, "\(natural) → \(fast)")
        #expect(fastPhrase == fast, "the parameter and the phrase's rate multiply")
        #expect(abs(Double(slow) / Double(natural) - 1 / 0.6) < 0.2, "\(natural) → \(slow)")

        let clamped = try render([Self.phrase(text)], ["rate": .double(4)])
        #expect(clamped.warnings.count == 1 && clamped.warnings[0].contains("80–450"), "\(clamped.warnings)")
        #expect(Self.speech(clamped.audio()).count < fast, "4× is spoken at espeak-ng's fastest")
    }

    @Test func pitchRaisesTheMedianF0() throws {
        let text = "The pitch control raises this voice, and we measure it carefully."
        let base = Self.medianF0(try render([Self.phrase(text)]).audio())
        let up = Self.medianF0(try render([Self.phrase(text)], ["pitch": .double(5)]).audio())
        let down = Self.medianF0(try render([Self.phrase(text, pitch: -4)]).audio())
        let upSt = 12 * log2(up / base), downSt = 12 * log2(down / base)
        print(String(format: "acoustic.espeak: median f0 %.1f Hz; +5 st → %.1f Hz (%+.2f st); −4 st → %.1f Hz (%+.2f st)", base, up, upSt, down, downSt))
        #expect(abs(upSt - 5) < 1.5, "+5 st: \(base) → \(up) Hz (\(upSt) st)")
        #expect(abs(downSt + 4) < 1.5, "−4 st: \(base) → \(down) Hz (\(downSt) st)")
        let beyond = try render([Self.phrase(text, pitch: 12)])
        #expect(beyond.warnings.contains { $0.contains("beyond espeak-ng") }, "\(beyond.warnings)")
    }

    @Test func pitchRangeAndVolume() throws {
        let text = "Range and volume change the sound, not the words."
        let plain = try render([Self.phrase(text)]).audio()
        var flat = Self.phrase(text)
        flat.pitchRange = 0
        #expect(try render([flat]).audio() != plain)
        var quiet = Self.phrase(text)
        quiet.volume = 0.5
        let half = try render([quiet]).audio()
        #expect(half.count == plain.count)
        #expect(zip(half, plain).allSatisfy { abs($0 - $1 * 0.5) < 1e-6 }, "volume is an exact gain")
    }

    // MARK: - Timeline: pauses, bookmarks, phrases

    @Test func pausesAndBookmarksLandOnTheirSamples() throws {
        var first = Self.phrase("First phrase here.", pauseAfter: 0.25)
        first.pauseBefore = 0.5
        first.bookmarks = ["start", "intro"]
        var second = Self.phrase("Second one follows.", index: 1, pauseAfter: 0.1)
        second.bookmarks = ["middle"]
        let run = try render([first, second])
        let audio = run.audio()
        let r = Double(Self.rate)
        let before = Int(0.5 * r), after1 = Int(0.25 * r), after2 = Int((0.1 * r).rounded())
        let bookmarks = run.marks(1, .bookmark)
        try #require(bookmarks.map(\.text) == ["start", "intro", "middle"])
        #expect(bookmarks[0].start == 0 && bookmarks[0].end == 0 && bookmarks[1].start == 0)
        #expect(audio[0..<before].allSatisfy { $0 == 0 }, "the pause before the phrase")
        let words = run.marks()
        try #require(words.map(\.text) == ["First", "phrase", "here", "Second", "one", "follows"])
        #expect(words[0].start >= before)
        // The second phrase starts right after the first one's pause: its bookmark is there.
        let secondStart = bookmarks[2].start
        #expect(audio[(secondStart - after1)..<secondStart].allSatisfy { $0 == 0 }, "the pause after the first phrase")
        #expect(words[2].end <= secondStart - after1 && words[3].start >= secondStart)
        #expect(Array(audio.suffix(after2)).allSatisfy { $0 == 0 }, "the pause after the last phrase")
        // A phrase with no words still places its pause and bookmarks.
        var silent = Self.phrase("", index: 2, pauseAfter: 0.2)
        silent.bookmarks = ["end"]
        let run2 = try render([first, silent])
        let end = try #require(run2.marks(1, .bookmark).last)
        #expect(end.text == "end" && end.start == run2.audio().count - Int(0.2 * r))
    }

    @Test func cancellingMidPhraseStopsTheOutput() throws {
        let text = "This sentence is long enough to take several seconds to say, so that cancelling it after the first chunk leaves most of it unsaid."
        let full = try render([Self.phrase(text)]).audio().count
        var cancelledAt: Int?
        let run = try render([[Self.phrase(text, pauseAfter: 0.5), Self.phrase("And another phrase.", index: 1)]]) { pipeline, packet in
            if case let .chunk(.audio(a)) = packet.body, cancelledAt == nil {
                cancelledAt = a.startFrame + a.samples.count
                pipeline.cancel(packet.utterance)
            }
        }
        #expect(run.capture.endReason(of: 1) == .cancelled)
        #expect(run.chunks().count == 1, "nothing after the cancel")
        #expect(run.audio().count == cancelledAt && run.audio().count < full / 5)
        // The engine is usable afterwards.
        #expect(try render([Self.phrase(text)]).audio().count == full)
    }

    @Test func samePhrasesGiveTheSameSamples() throws {
        let phrases = [Self.phrase("Hello world, this is a test.", pauseAfter: 0.2),
                       Self.mandarinPhrase(),
                       Self.phrase("Another sentence entirely?", index: 2)]
        // Three renders of the same utterance, with other speech in between.
        let a = try render([phrases, [Self.phrase("Something else, said first.")], phrases])
        let b = try render([phrases])
        #expect(a.audio(1) == a.audio(3))
        #expect(a.audio(1) == b.audio(1))
        #expect(a.capture.marks(of: 1) == b.capture.marks(of: 1))
        #expect(a.capture.marks(of: 1) == a.capture.marks(of: 3))
    }

    @Test func withoutDeterminismTheEngineIsKept() throws {
        let run = try render([[Self.phrase("Hello world, this is a test.")], [Self.phrase("Hello world, this is a test.")]],
                             ["deterministic": .bool(false)])
        #expect(run.marks(1).map(\.text) == run.marks(2).map(\.text))
        #expect(Self.rms(run.audio(2)) > 0.02)
    }

    @Test func liveRateAndThreadedMode() throws {
        let text = "Live parameters change the next phrase while audio flows."
        let graph = try GraphBuilder.build(espeakChain(), catalog: catalog)
        let pipeline = Pipeline(graph: graph, mode: .threaded(queueCapacity: 2))
        let capture = graph.element(named: "cap")!.node as! CaptureNode
        for id: UtteranceID in 1...3 { catalog.source.script(id, [Self.phrase(text, pauseAfter: 0.1), Self.phrase(text, index: 1)]) }
        pipeline.submit(Utterance(id: 1, text: ""))
        pipeline.wait(1)
        try graph.element(named: "tts")!.node.setParameter("rate", .double(2))
        pipeline.submit(Utterance(id: 2, text: ""))
        pipeline.wait(2)
        try graph.element(named: "tts")!.node.setParameter("rate", .double(1))
        pipeline.submit(Utterance(id: 3, text: ""))
        try pipeline.finish()
        let one = capture.audio(of: 1), two = capture.audio(of: 2), three = capture.audio(of: 3)
        #expect(abs(Double(Self.speech(two).count) / Double(Self.speech(one).count) - 0.5) < 0.08)
        #expect(one == three, "threaded runs are deterministic too")
        #expect(capture.marks(of: 1) == capture.marks(of: 3))
        #expect(throws: NodeError.self) { try graph.element(named: "tts")!.node.setParameter("voice", .string("de")) }
    }

    // MARK: - Speed

    @Test func realTimeFactor() throws {
        let text = "The quick brown fox jumps over the lazy dog, and then it runs far away into the forest."
        _ = try render([Self.phrase(text)])  // warm the page cache
        var first: UInt64?
        let started = DispatchTime.now().uptimeNanoseconds
        let run = try render([[Self.phrase(text)]]) { _, packet in
            if first == nil, case .chunk(.audio) = packet.body { first = DispatchTime.now().uptimeNanoseconds }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let rtf = seconds / (Double(run.audio().count) / Double(Self.rate))
        let firstMs = Double((first ?? started) - started) / 1e6
        print("acoustic.espeak: real-time factor \(String(format: "%.4f", rtf)) (\(String(format: "%.1f", seconds * 1000)) ms for "
              + "\(String(format: "%.2f", Double(run.audio().count) / Double(Self.rate))) s), first audio after \(String(format: "%.1f", firstMs)) ms")
        #expect(rtf < 0.1)
        #expect(firstMs < 100)
    }
}
