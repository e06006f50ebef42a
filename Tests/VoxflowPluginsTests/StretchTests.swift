import Foundation
import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

/// vocoder.stretch with real flite (and espeak-ng) and real librubberband: duration targets fitted
/// exactly after the engine's native rate, silence trimmed, marks moved with the audio, pitch shifted
/// for voices that cannot shift it themselves.
@Suite struct StretchTests {
    let catalog = TestCatalog()
    static let rate = 16_000
    static let text = "The quick brown fox jumps over the lazy dog, and then it runs far away."

    struct Render {
        let cap: CaptureNode
        let log: EventLog
        let pipeline: Pipeline
        var audio: [Float] { cap.audio(of: 1) }
        var marks: [Mark] { cap.marks(of: 1) }
        var words: [Mark] { marks.filter { $0.kind == .word } }
        var vocoder: [String: Double] { log.statistics(of: "voc", 1) }
        var engine: [String: Double] { log.statistics(of: "tts", 1) }
    }

    func render(_ controls: Controls = Controls(), text: String = Self.text, voice: String = "rms", rate: Int = Self.rate,
                stretch: [String: ParameterValue] = [:], vocoder: String = "vocoder.stretch") throws -> Render {
        let graph = try GraphBuilder.build(stretchChain(rate: rate, voice: voice, stretch: stretch, vocoder: vocoder), catalog: catalog)
        let log = EventLog()
        let p = Pipeline(graph: graph, observer: { log.record($0) })
        p.submit(Utterance(id: 1, text: text, controls: controls))
        try p.finish()
        return Render(cap: graph.element(named: "cap")!.node as! CaptureNode, log: log, pipeline: p)
    }

    /// The voice's natural speech, as the engine renders it (through vocoder.passthrough, so the
    /// pitch of questions and emotions rms leaves to a vocoder is not applied), silence trimmed.
    func natural(_ text: String = Self.text, voice: String = "rms") throws -> (audio: [Float], speech: Range<Int>, words: [Mark]) {
        let r = try render(text: text, voice: voice, vocoder: "vocoder.passthrough")
        let speech = try #require(SpeechMeasure.speech(r.audio))
        return (r.audio, speech, r.words)
    }

    func frames(_ seconds: Double) -> Int { Int((seconds * Double(Self.rate)).rounded()) }

    // (a) a sweep of targets from 0.6× to 1.8× natural: exact to the sample
    @Test(arguments: [0.6, 0.8, 1.0, 1.2, 1.5, 1.8])
    func sweepOfTargetsIsFittedExactly(_ factor: Double) throws {
        let n = try natural()
        let seconds = factor * Double(n.speech.count) / Double(Self.rate)
        let r = try render(Controls(duration: seconds))
        let want = frames(seconds)
        #expect(abs(r.audio.count - want) <= 80, "within 5 ms: \(r.audio.count) vs \(want)")
        #expect(r.audio.count == want, "exact: \(r.audio.count) vs \(want)")
        let s = r.vocoder
        #expect(abs(s["achieved_seconds"]! - seconds) < 0.5 / Double(Self.rate))
        #expect(abs(s["natural_seconds"]! - Double(n.speech.count) / Double(Self.rate)) < 1e-9, "natural = the trimmed natural render")
        #expect(abs(s["ratio"]! - factor) < 1e-3)
        #expect(s["padded_frames"] == 0, "librubberband itself produced every frame (none padded with zeros)")
        #expect(SpeechMeasure.rms(r.audio[...]) > 0.01, "speech, not silence")
    }

    // (b) duration in seconds
    @Test func durationInSecondsIsExact() throws {
        let text = "The birch canoe slid on the smooth planks."  // ~2.1 s of speech
        let r = try render(Controls(duration: 2.4), text: text)
        #expect(r.audio.count == 38_400)
        #expect(r.vocoder["target_seconds"] == 2.4)
        #expect(r.vocoder["achieved_seconds"] == 2.4)
        // at 48 kHz, through the resampler the graph inserts: still within 5 ms
        let r48 = try render(Controls(duration: 2.4), text: text, rate: 48_000)
        #expect(abs(r48.audio.count - 115_200) <= 240, "\(r48.audio.count)")
    }

    // (c) max_duration shortens only when needed
    @Test func maxDurationShortensOnlyWhenNeeded() throws {
        let n = try natural()
        let naturalSeconds = Double(n.speech.count) / Double(Self.rate)
        let roomy = try render(Controls(maxDuration: naturalSeconds + 1))
        #expect(roomy.audio == Array(n.audio[n.speech]), "longer limit: the natural speech, trimmed, untouched")
        #expect(roomy.engine["engine_rate"] == 1, "the engine did not change its rate")
        #expect(roomy.vocoder["ratio"] == 1)
        let tight = try render(Controls(maxDuration: naturalSeconds * 0.8))
        #expect(tight.audio.count == frames(naturalSeconds * 0.8))
        #expect(abs(tight.vocoder["ratio"]! - 0.8) < 1e-3)
    }

    // (d) ratio
    @Test func ratioIsRelativeToTheNaturalLength() throws {
        let n = try natural()
        let r = try render(Controls(ratio: 1.3))
        #expect(r.audio.count == Int((1.3 * Double(n.speech.count)).rounded()))
        #expect(abs(r.vocoder["ratio"]! - 1.3) < 1e-3)
        #expect(abs(r.vocoder["natural_seconds"]! - Double(n.speech.count) / Double(Self.rate)) < 1e-9)
    }

    // (e) out of range: clamped with a warning, or refused with an error naming target and natural
    @Test func outOfRangeTargetIsClampedWithAWarning() throws {
        let n = try natural()
        let naturalSeconds = Double(n.speech.count) / Double(Self.rate)
        let r = try render(Controls(duration: naturalSeconds * 3, fitPolicy: .clamp))
        #expect(r.audio.count == frames(naturalSeconds * 2), "clamped to 2× natural")
        let warning = try #require(r.log.warnings.first { $0.contains("clamped") })
        #expect(warning.contains(String(format: "%.3f s", naturalSeconds * 3)), "names the target: \(warning)")
        #expect(warning.contains(String(format: "natural length %.3f s", naturalSeconds)), "names the natural length: \(warning)")
        #expect(warning.contains(String(format: "clamped to %.3f s", naturalSeconds * 2)), "names the clamped length: \(warning)")
        #expect(r.vocoder["clamped"] == 1)
        let short = try render(Controls(ratio: 0.3))
        #expect(short.audio.count == Int((0.5 * Double(n.speech.count)).rounded()), "clamped to 0.5×")
    }

    @Test func outOfRangeTargetIsRefusedWhenAsked() throws {
        let n = try natural()
        let naturalSeconds = Double(n.speech.count) / Double(Self.rate)
        let r = try render(Controls(duration: naturalSeconds * 0.3, fitPolicy: .refuse))
        guard case let .failed(node, message)? = r.cap.endReason(of: 1) else {
            Issue.record("the utterance should fail, ended \(String(describing: r.cap.endReason(of: 1)))")
            return
        }
        #expect(node == "voc")
        #expect(message.contains(String(format: "target %.3f s", naturalSeconds * 0.3)), "\(message)")
        #expect(message.contains(String(format: "natural length %.3f s", naturalSeconds)), "\(message)")
        #expect(message.contains("refused"), "\(message)")
        #expect(r.audio.isEmpty, "no audio of a refused utterance")
    }

    // (f) marks monotonic, inside the audio, relative positions kept
    @Test(arguments: [0.6, 1.4, 1.8])
    func marksStayOnTheirWords(_ factor: Double) throws {
        let n = try natural()
        let r = try render(Controls(ratio: factor))
        let count = r.audio.count
        #expect(r.words.map(\.text) == n.words.map(\.text))
        #expect(!r.marks.contains { $0.text.hasPrefix("voxflow:") }, "the engine's note does not leave the vocoder")
        for (a, b) in zip(r.marks, r.marks.dropFirst()) { #expect(a.start <= b.start, "monotonic: \(a) then \(b)") }
        for m in r.marks {
            #expect(m.start >= 0 && m.start < count && m.end >= m.start && m.end <= count, "inside the audio (\(count)): \(m)")
        }
        for (a, b) in zip(n.words, r.words) {
            let before = Double(a.start - n.speech.lowerBound) / Double(n.speech.count)
            let after = Double(b.start) / Double(count)
            #expect(abs(before - after) < 0.03, "\(a.text): \(before) of the natural, \(after) fitted")
        }
        // marks sit on the chunk where they start
        for case let .audio(c) in r.cap.chunks(of: 1) {
            for m in c.marks { #expect(m.start >= c.startFrame && (m.start < c.startFrame + c.frameCount || c.frameCount == 0)) }
        }
    }

    // (g) leading and trailing silence trimmed
    @Test func silenceIsTrimmedBeforeFitting() throws {
        let n = try natural()
        #expect(n.speech.lowerBound > 1_600 && n.audio.count - n.speech.upperBound > 1_600, "flite leaves >100 ms of silence at both ends")
        let edge = Self.rate / 200  // 5 ms
        // Without stretching the fit is the trimmed speech itself: first and last 5 ms reach the threshold.
        let unstretched = try render(Controls(ratio: 1))
        #expect(unstretched.audio == Array(n.audio[n.speech]))
        #expect(SpeechMeasure.peak(unstretched.audio[..<edge]) >= SpeechMeasure.threshold)
        #expect(SpeechMeasure.peak(unstretched.audio[(unstretched.audio.count - edge)...]) >= SpeechMeasure.threshold)
        // Stretched, the speech still starts and ends within 5 ms of the edges. A phase vocoder does not keep
        // the sample peaks of the −50 dBFS decay a word ends on (measured: −52.7…−34 dBFS over the sweep), so
        // the edges are checked at 6 dB under the trim threshold — 20 dB above the voice's silence (−76 dBFS).
        let floor = SpeechMeasure.threshold / 2
        for ratio in [0.7, 1.2, 1.7] {
            let r = try render(Controls(ratio: ratio))
            #expect(SpeechMeasure.peak(r.audio[..<edge]) >= floor, "speech in the first 5 ms at \(ratio)×")
            #expect(SpeechMeasure.peak(r.audio[(r.audio.count - edge)...]) >= floor, "speech in the last 5 ms at \(ratio)×")
            #expect(SpeechMeasure.peak(r.audio[..<(edge * 4)]) >= SpeechMeasure.threshold, "and above the threshold within 20 ms")
        }
        let r = try render(Controls(ratio: 1.2))
        #expect(abs(r.vocoder["trimmed_lead_seconds"]! - 1.2 * Double(n.speech.lowerBound) / Double(Self.rate)) < 0.03,
                "the engine's slower render had proportionally more leading silence")
        #expect(r.vocoder["trimmed_tail_seconds"]! > 0.1)
    }

    // (h) pitch shift on rms, which flite cannot shift
    @Test func pitchShiftOnRmsRaisesF0AndKeepsTheLength() throws {
        let text = "The pitch of this voice goes up by four semitones."
        let plain = try render(text: text)
        let up = try render(Controls(pitch: 4), text: text)
        #expect(up.audio.count == plain.audio.count, "same length")
        #expect(up.log.warnings.isEmpty, "no warning: the vocoder applies it (\(up.log.warnings))")
        #expect(up.words == plain.words, "marks unchanged")
        let f0 = SpeechMeasure.medianF0(plain.audio), f1 = SpeechMeasure.medianF0(up.audio)
        let semitones = 12 * log2(f1 / f0)
        #expect(abs(semitones - 4) < 1, "median f0 \(f0) → \(f1) Hz: \(semitones) semitones")
        // audio stays where it was (start delay compensated): the speech envelope starts at the same place
        let a = try #require(SpeechMeasure.speech(plain.audio, threshold: 0.02)), b = try #require(SpeechMeasure.speech(up.audio, threshold: 0.02))
        #expect(abs(a.lowerBound - b.lowerBound) < 160, "onset \(a.lowerBound) vs \(b.lowerBound)")
        // and the node's own pitch parameter, downward, with a duration target (offline, one pass)
        let down = try render(Controls(ratio: 1.2), text: text, stretch: ["pitch": .double(-3)])
        let plainSpeech = try #require(SpeechMeasure.speech(plain.audio))
        #expect(down.audio.count == Int((1.2 * Double(plainSpeech.count)).rounded()))
        let f2 = SpeechMeasure.medianF0(down.audio)
        #expect(abs(12 * log2(f2 / f0) + 3) < 1, "median f0 \(f0) → \(f2) Hz")
    }

    @Test func pitchThatChangesBetweenPhrasesIsFollowed() throws {
        // a question rises: the tagger gives its phrases their own pitch, which rms leaves to the vocoder
        let text = "This sentence is flat and calm. Is this one a question?"
        let plain = try natural(text)
        let up = try render(Controls(pitch: 5, ratio: 1.1), text: text)
        #expect(up.audio.count == Int((1.1 * Double(plain.speech.count)).rounded()))
        let f0 = SpeechMeasure.medianF0(plain.audio), f1 = SpeechMeasure.medianF0(up.audio)
        #expect(abs(12 * log2(f1 / f0) - 5) < 1.2, "median f0 \(f0) → \(f1) Hz")
    }

    // (i) the engine's native rate goes first
    @Test func engineRateGoesFirst() throws {
        let r = try render(Controls(ratio: 1.5))
        let engine = r.engine, vocoder = r.vocoder
        let engineRate = try #require(engine["engine_rate"])
        #expect(engineRate != 1 && engineRate < 1, "flite spoke slower: rate \(engineRate)")
        #expect(vocoder["engine_rate"] == engineRate)
        let total = try #require(vocoder["ratio"]), residual = try #require(vocoder["residual_ratio"])
        #expect(abs(total - 1.5) < 1e-3)
        #expect(abs(log(residual)) < abs(log(total)) / 2, "residual \(residual) is much closer to 1 than \(total)")
        #expect(abs(residual * (1 / engineRate) - total) < 0.05, "engine × residual = total")
        #expect(engine["engine_natural_seconds"] == vocoder["natural_seconds"])
        // within the native range the vocoder only trims the last fraction of a percent
        let close = try render(Controls(ratio: 1.2))
        #expect(abs(close.vocoder["residual_ratio"]! - 1) < 0.03, "\(close.vocoder)")
    }

    @Test func espeakRateGoesFirst() throws {
        let catalog = EngineTestCatalog()
        let graph = try GraphBuilder.build(espeakStretchChain(), catalog: catalog)
        let log = EventLog()
        let p = Pipeline(graph: graph, observer: { log.record($0) })
        let phrases = [ProsodyChunk(text: "Speech from espeak can be fitted too,", index: 0, pauseAfter: 0.2),
                       ProsodyChunk(text: "at its own rate first.", index: 1, pauseAfter: 0.3, isSentenceEnd: true)]
        catalog.source.script(1, phrases)
        catalog.source.script(2, phrases)
        p.submit(Utterance(id: 1, text: "x"))
        p.submit(Utterance(id: 2, text: "x", controls: Controls(ratio: 0.75)))
        try p.finish()
        let cap = graph.element(named: "cap")!.node as! CaptureNode
        let natural = try #require(SpeechMeasure.speech(cap.audio(of: 1)))
        let fitted = cap.audio(of: 2)
        #expect(fitted.count == Int((0.75 * Double(natural.count)).rounded()))
        let engine = log.statistics(of: "tts", 2), vocoder = log.statistics(of: "voc", 2)
        #expect(engine["engine_rate"].map { $0 > 1.2 } == true, "espeak-ng spoke faster: \(engine)")
        #expect(abs(vocoder["residual_ratio"]! - 1) < 0.1, "\(vocoder)")
        #expect(cap.marks(of: 2).filter { $0.kind == .word }.count == cap.marks(of: 1).filter { $0.kind == .word }.count)
    }

    // engines leave what they cannot shift to the vocoder
    @Test func enginesReportTheResidualPitch() throws {
        func residuals(_ engine: NodeSpec, _ controls: Controls, catalog: EngineTestCatalog) throws -> (Set<Double>, [String]) {
            var spec = GraphSpec()
            spec.chain([NodeSpec("src", "test.prosody"), engine, NodeSpec("cap", "test.capture", ["kind": .string("acoustic")])])
            let graph = try GraphBuilder.build(spec, catalog: catalog)
            let log = EventLog()
            let p = Pipeline(graph: graph, observer: { log.record($0) })
            catalog.source.script(1, [ProsodyChunk(text: "Some words to say.", index: 0, pauseAfter: 0.1, pitch: controls.pitch)])
            p.submit(Utterance(id: 1, text: "x", controls: controls))
            try p.finish()
            let cap = graph.element(named: "cap")!.node as! CaptureNode
            let chunks = cap.chunks(of: 1).compactMap { if case let .acoustic(a) = $0 { a } else { nil } }
            #expect(!chunks.isEmpty)
            return (Set(chunks.map(\.residualPitch)), log.warnings)
        }
        let catalog = EngineTestCatalog()
        let rms = try residuals(NodeSpec("tts", "acoustic.flite", ["voice": .string("rms"), "pitch": .double(1)]), Controls(pitch: 3), catalog: catalog)
        #expect(rms.0 == [4], "rms shifts nothing itself: phrase 3 + node 1")
        #expect(rms.1.isEmpty, "and does not warn: the vocoder applies it (\(rms.1))")
        let slt = try residuals(NodeSpec("tts", "acoustic.flite", ["voice": .string("slt")]), Controls(pitch: 3), catalog: catalog)
        #expect(slt.0 == [0], "slt shifts natively")
        let espeak = try residuals(NodeSpec("tts", "acoustic.espeak", ["pitch": .double(2)]), Controls(pitch: 9), catalog: catalog)
        #expect(espeak.0.count == 1 && abs(espeak.0.first! - (11 - EspeakReach.up)) < 1e-9, "beyond espeak-ng's +8.5: \(espeak.0)")
        #expect(espeak.1.contains { $0.contains("vocoder.stretch applies the remaining +2.5") }, "\(espeak.1)")
    }

    /// espeak-ng's measured reach upward (EspeakProsody.measuredSemitones' last value).
    enum EspeakReach { static let up = 8.5 }

    // (j) no target, no pitch: what vocoder.passthrough gives, bit for bit
    @Test func withoutTargetOrPitchItIsPassthrough() throws {
        let a = try render(text: paragraph, vocoder: "vocoder.passthrough")
        let b = try render(text: paragraph)
        #expect(a.audio.count > 16_000)
        #expect(a.audio == b.audio)
        #expect(a.marks == b.marks)
        func layout(_ r: Render) -> [String] {
            r.cap.chunks(of: 1).compactMap { if case let .audio(c) = $0 { "\(c.startFrame) \(c.frameCount) \(c.phrase)" } else { nil } }
        }
        #expect(layout(a) == layout(b), "same chunks, same phrases")
        #expect(b.log.statistics(of: "voc", 1).isEmpty)
    }

    @Test(arguments: ["offline", "realtime"])
    func everyModeFitsExactly(_ mode: String) throws {
        let n = try natural()
        let r = try render(Controls(ratio: 1.7), stretch: ["mode": .string(mode)])
        #expect(r.audio.count == Int((1.7 * Double(n.speech.count)).rounded()))
        #expect(SpeechMeasure.peak(r.audio[..<80]) >= SpeechMeasure.threshold)
        for (a, b) in zip(n.words, r.words) {
            let before = Double(a.start - n.speech.lowerBound) / Double(n.speech.count), after = Double(b.start) / Double(r.audio.count)
            #expect(abs(before - after) < 0.03, "\(a.text): \(before) → \(after)")
        }
        // pitch without target in this mode: same length, marks unchanged
        let plain = try render()
        let shifted = try render(Controls(pitch: 3), stretch: ["mode": .string(mode)])
        #expect(shifted.audio.count == plain.audio.count)
        #expect(shifted.marks == plain.marks)
    }

    @Test func cancellingMidUtteranceLeavesNoStaleState() throws {
        let graph = try GraphBuilder.build(stretchChain(), catalog: catalog)
        let cap = graph.element(named: "cap")!.node as! CaptureNode
        final class Holder: @unchecked Sendable { var pipeline: Pipeline? }
        let holder = Holder()
        let pipeline = Pipeline(graph: graph, observer: { e in
            // the engine's first chunk of utterances 1 and 3: cancel them there
            if case let .emitted("tts", _, u, _, _) = e, u == 1 || u == 3 { holder.pipeline?.cancel(u) }
        })
        holder.pipeline = pipeline
        pipeline.submit(Utterance(id: 1, text: Self.text, controls: Controls(ratio: 1.4)))
        pipeline.submit(Utterance(id: 2, text: Self.text, controls: Controls(ratio: 1.4)))
        pipeline.submit(Utterance(id: 3, text: Self.text, controls: Controls(pitch: 4)))
        pipeline.submit(Utterance(id: 4, text: Self.text, controls: Controls(pitch: 4)))
        try pipeline.finish()
        #expect(cap.endReason(of: 1) == .cancelled)
        #expect(cap.endReason(of: 3) == .cancelled)
        #expect(cap.endReason(of: 2) == .completed)
        #expect(cap.endReason(of: 4) == .completed)
        let fresh = try render(Controls(ratio: 1.4))
        #expect(cap.audio(of: 2) == fresh.audio, "the next fitted utterance renders as if alone")
        let freshPitch = try render(Controls(pitch: 4))
        #expect(cap.audio(of: 4) == freshPitch.audio, "the next shifted utterance too")
    }
}
