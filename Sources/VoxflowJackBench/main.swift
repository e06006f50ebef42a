// Measures sink.jack against a private dummy JACK server (scripts/jack-test-server) with a real
// capture client: time from `say` to the first frame at the port (median, p95) at periods 256 and
// 128, the engine's own first-phrase time in the same run, and underruns/xruns over a soak of
// continuous speech. Prints a Markdown table. Run by scripts/bench.
import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowTestSupport

let args = CommandLine.arguments
func option(_ name: String, _ fallback: Double) -> Double {
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Double(args[i + 1]) else { return fallback }
    return v
}
let runs = Int(option("--runs", 15)), soakSeconds = option("--soak", 60), prebufferMs = 20.0
let vf = Voxflow(plugins: TestCatalog.plugins)
let catalog = TestCatalog()
let sentences = (try? String(contentsOfFile: "scripts/bench-data/harvard.txt", encoding: .utf8))?
    .split(separator: "\n").map(String.init) ?? ["The birch canoe slid on the smooth planks."]

func ms(_ ns: UInt64) -> Double { Double(ns) / 1e6 }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
func p95(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[min(s.count - 1, Int((Double(s.count - 1) * 0.95).rounded()))] }

func chain(_ sink: NodeSpec) -> GraphSpec {
    var spec = GraphSpec()
    spec.chain([NodeSpec("norm", "text.normalize"), NodeSpec("prosody", "prosody.tag"), NodeSpec("tts", "acoustic.auto"),
                NodeSpec("voc", "vocoder.passthrough"), sink])
    return spec
}

/// The engine alone, in the same run: from submit to flite's first chunk, and to the end of phrase 0.
func engineFirstPhrase() throws -> (first: Double, phrase: Double) {
    var firsts: [Double] = [], phrases: [Double] = []
    for i in 0..<runs {
        let log = EventLog()
        let cap = NodeSpec("cap", "test.capture", ["kind": .string("acoustic")])
        var spec = GraphSpec()
        spec.chain([NodeSpec("norm", "text.normalize"), NodeSpec("prosody", "prosody.tag"), NodeSpec("tts", "acoustic.auto"), cap])
        let graph = try GraphBuilder.build(spec, catalog: catalog)
        let capture = graph.element(named: "cap")!.node as! CaptureNode
        nonisolated(unsafe) var firstAt: UInt64 = 0, phraseAt: UInt64 = 0
        capture.onPacket = { p in
            guard case let .chunk(.acoustic(a)) = p.body else { return }
            let now = monotonicNanoseconds()
            if firstAt == 0 { firstAt = now }
            if a.phrase > 0 && phraseAt == 0 { phraseAt = now }
        }
        let p = Pipeline(graph: graph) { log.record($0) }
        let t0 = monotonicNanoseconds()
        p.submit(Utterance(id: 1, text: sentences[i % sentences.count] + " " + sentences[(i + 1) % sentences.count]))
        try p.finish()
        if phraseAt == 0 { phraseAt = monotonicNanoseconds() }
        firsts.append(ms(firstAt - t0))
        phrases.append(ms(phraseAt - t0))
    }
    return (median(firsts), median(phrases))
}

func latencies(period: Int) throws -> [Double] {
    let server = try JackServer(period: period)
    defer { server.stop() }
    let capture = try JackCapture(server: server, seconds: 60)
    defer { capture.close() }
    let p = Pipeline(graph: try vf.build(chain(NodeSpec("out", "sink.jack", ["server": .string(server.name), "prebuffer": .double(prebufferMs)]))),
                     mode: .threaded(queueCapacity: 4))
    guard capture.connect("voxflow:out") else { throw CocoaError(.fileReadUnknown) }
    var out: [Double] = []
    for i in 0...runs {
        capture.resetFirstSound()
        let t0 = monotonicNanoseconds()
        p.submit(Utterance(id: UInt64(i + 1), text: sentences[i % sentences.count]))
        while capture.firstSoundNanoseconds() == nil { usleep(200) }
        if i > 0 { out.append(ms(capture.firstSoundNanoseconds()! - t0)) }  // run 0 warms up
        p.wait(UInt64(i + 1))
        usleep(useconds_t(3_500_000))  // let it play out: the next one starts from an idle port
        _ = capture.samples()
    }
    try p.finish()
    return out
}

func soak(period: Int) throws -> (seconds: Double, underruns: Double, xruns: Double) {
    let server = try JackServer(period: period)
    defer { server.stop() }
    let capture = try JackCapture(server: server, seconds: soakSeconds + 30)
    defer { capture.close() }
    let log = EventLog()
    let p = Pipeline(graph: try vf.build(chain(NodeSpec("out", "sink.jack", ["server": .string(server.name), "prebuffer": .double(prebufferMs)]))),
                     mode: .threaded(queueCapacity: 4)) { log.record($0) }
    guard capture.connect("voxflow:out") else { throw CocoaError(.fileReadUnknown) }
    var queued = 0.0, id: UInt64 = 0
    while queued < soakSeconds {
        id += 1
        p.submit(Utterance(id: id, text: sentences[Int(id) % sentences.count]))
        p.wait(id)
        var frames = 0
        for case let .node(_, .sinkWrote(u, f, _, _)) in log.events where u == id { frames += f }
        queued += Double(frames) / 48_000
    }
    try p.finish()
    var stats: [String: Double] = [:]
    for case let .node(_, .statistics(_, values)) in log.events { stats.merge(values) { $1 } }
    return (queued, stats["underrun_frames"] ?? -1, stats["xruns"] ?? -1)
}

let engine = try engineFirstPhrase()
print("| measure | median | p95 | target |")
print("|---|---|---|---|")
print(String(format: "| flite alone (same run): first chunk / first phrase complete | %.1f ms / %.1f ms | | |", engine.first, engine.phrase))
for period in [256, 128] {
    let l = try latencies(period: period)
    let budget = engine.phrase + Double(period) / 48.0 + prebufferMs
    print(String(format: "| `say` → first frame at the port, period %d (%.1f ms), prebuffer %.0f ms | %.1f ms | %.1f ms | ≤ %.1f ms (first phrase + period + prebuffer) |",
                 period, Double(period) / 48.0, prebufferMs, median(l), p95(l), budget))
}
let s = try soak(period: 256)
print(String(format: "| soak: %.0f s of continuous speech, period 256 | %.0f underrun frames, %.0f xruns | | none |", s.seconds, s.underruns, s.xruns))
