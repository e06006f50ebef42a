import Testing
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

@Suite struct FliteTests {
    let catalog = TestCatalog()

    func render(_ text: String, voice: String = "rms", rate: Double = 1, controls: Controls = Controls()) throws -> CaptureNode {
        let graph = try GraphBuilder.build(speechChain(rate: 16_000, voice: voice, extra: ["rate": .double(rate)]), catalog: catalog)
        let p = Pipeline(graph: graph)
        p.submit(Utterance(id: 1, text: text, controls: controls))
        try p.finish()
        return graph.element(named: "cap")!.node as! CaptureNode
    }

    func rms(_ s: [Float]) -> Float { (s.reduce(0) { $0 + $1 * $1 } / Float(max(s.count, 1))).squareRoot() }

    @Test(arguments: ["rms", "awb", "slt", "kal16"])
    func everyVoiceSpeaks(_ voice: String) throws {
        let cap = try render("Every voice can speak this sentence.", voice: voice)
        let audio = cap.audio(of: 1)
        #expect(audio.count > 16_000, "more than a second of speech")
        #expect(rms(audio) > 0.01, "not silence")
        #expect(cap.marks(of: 1).map(\.text) == ["Every", "voice", "can", "speak", "this", "sentence"])
    }

    @Test func rateChangesTheLength() throws {
        let text = "The rate control stretches every phrase."
        let natural = try render(text).audio(of: 1).count
        let slow = try render(text, rate: 0.5).audio(of: 1).count
        let fast = try render(text, rate: 2).audio(of: 1).count
        let pause = Int(0.3 * 16_000)
        #expect(abs(Double(slow - pause) / Double(natural - pause) - 2.0) < 0.15)
        #expect(abs(Double(fast - pause) / Double(natural - pause) - 0.5) < 0.1)
    }

    @Test func pitchMovesF0OnVoicesThatSupportIt() throws {
        func medianF0(_ s: [Float]) -> Double {
            var f0s: [Double] = []
            var i = 0
            while i + 1024 < s.count {
                let frame = Array(s[i..<(i + 1024)])
                if rms(frame) > 0.02 {
                    var best = 0, bestVal: Float = -1
                    for lag in 40...266 {  // 60–400 Hz at 16 kHz
                        var acc: Float = 0
                        for k in 0..<(1024 - lag) { acc += frame[k] * frame[k + lag] }
                        if acc > bestVal { bestVal = acc; best = lag }
                    }
                    f0s.append(16_000 / Double(best))
                }
                i += 512
            }
            return f0s.sorted()[f0s.count / 2]
        }
        let text = "The pitch control raises this voice."
        let base = medianF0(try render(text, voice: "slt").audio(of: 1))
        let up = medianF0(try render(text, voice: "slt", controls: Controls(pitch: 5)).audio(of: 1))
        #expect(up / base > 1.2, "five semitones up is about 1.33×: \(base) → \(up)")
    }

    @Test func utteranceVoiceOverridesTheNodeVoice() throws {
        let a = try render("Same words, different voice.", voice: "rms").audio(of: 1)
        let b = try render("Same words, different voice.", voice: "rms", controls: Controls(voice: "slt")).audio(of: 1)
        let c = try render("Same words, different voice.", voice: "slt").audio(of: 1)
        #expect(a != b)
        let same = b == c
        #expect(same)
    }
}
