import ArgumentParser
import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowLua

struct SayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract: "Speak text into an audio file (WAV, FLAC, OGG) or into JACK, with the default graph (presets/say.lua).",
        discussion: """
        Without TEXT, reads standard input and speaks each line as its own utterance as soon as \
        it arrives. The output file appears only when everything was written: an error or \
        Ctrl-C leaves no half-written file.

        Examples:
          voxflow say "The quick brown fox." -o fox.wav
          printf 'Line one.\\nLine two.\\n' | voxflow say -o lines.flac --voice slt
          voxflow say --jack --connect 'system:playback_*' "Into JACK."
        """)

    @Argument(help: "The text to speak. Omit to read lines from standard input.")
    var text: [String] = []

    @Option(name: .shortAndLong, help: "Output file; .wav, .flac or .ogg picks the format.")
    var output: String = "say.wav"

    @Option(help: "Voice (see `voxflow voices`).")
    var voice: String = "rms"

    @Option(help: "Speaking rate, 0.25–4 (1 = natural).")
    var rate: Double = 1

    @Option(help: "Pitch shift in semitones, -12–12 (not available on rms).")
    var pitch: Double = 0

    @Option(name: .customLong("sample-rate"), help: "Sample rate of the file, in Hz.")
    var sampleRate: Int = 48_000

    @Option(help: "Channels of the file: 1 or 2.")
    var channels: Int = 1

    @Option(help: "Sample encoding: pcm16, pcm24 or float (float: WAV only).")
    var encoding: String = "pcm16"

    @Flag(help: "Play into JACK (port voxflow:out) instead of writing a file.")
    var jack = false

    @Option(help: "With --jack: connect to input ports matching this pattern, e.g. 'system:playback_*'.")
    var connect: String?

    @Option(help: "A copy of presets/say.lua with your own graph.")
    var preset: String?

    @Flag(name: .customLong("no-auto-resample"), help: "Refuse the graph instead of inserting a resampler where rates differ.")
    var noAutoResample = false

    @Flag(help: "Print figures per utterance as JSON on standard error (time to first audio, length, real-time factor).")
    var stats = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print the plugins loaded and the graph as built.")
    var verbose = false

    func run() throws {
        let started = monotonicNanoseconds()
        Log.setup(quiet: quiet, verbose: verbose)
        Interrupts.install()
        var options = SayOptions(output: output)
        options.voice = voice
        options.rate = rate
        options.pitch = pitch
        options.sampleRate = sampleRate
        options.channels = channels
        options.encoding = encoding
        options.autoResample = !noAutoResample
        options.jack = jack
        options.connect = connect
        if connect != nil && !jack { throw Console.fail("--connect needs --jack") }

        let voxflow = Voxflow()
        for p in voxflow.plugins.plugins { Console.debug("plugin \(p.name) \(p.version): \(p.path)") }
        for r in voxflow.plugins.refused { Console.warn("plugin refused: \(r)") }
        let run: SayRun
        do {
            let spec = try SayPreset.graph(voxflow: voxflow, options: options, preset: preset)
            run = try SayRun(voxflow: voxflow, graph: spec)
        } catch { throw Console.fail("\(error)") }
        for l in run.pipeline.graph.links {
            let g = run.pipeline.graph
            Console.debug("link \(g.elements[l.from].name).\(l.fromPad) → \(g.elements[l.to].name).\(l.toPad): \(l.caps)"
                          + (g.elements[l.to].inserted ? " (resampler inserted)" : ""))
        }

        if text.isEmpty {
            if isatty(STDIN_FILENO) == 1 { Console.info("reading lines from standard input; end with Ctrl-D") }
            while let line = readLine() {
                let t = line.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { run.say(t) }
            }
        } else {
            run.say(text.joined(separator: " "))
        }
        let report: SayReport
        do { report = try run.finish() } catch { throw Console.fail("\(error)") }
        let elapsed = Double(monotonicNanoseconds() - started) / 1e9

        for w in report.warnings { Console.warn(w) }
        if stats { Console.printStats(report, elapsed: elapsed) }
        if jack {
            let st = report.utterances.last?.sinkStatistics ?? [:]
            let latency = report.utterances.first?.sinkStatistics["queued_to_played_seconds"].map { String(format: ", first frame played %.0f ms after queueing", $0 * 1000) } ?? ""
            Console.info(String(format: "played %.2f s on JACK%@, %.0f underrun frames, %.0f xruns", report.seconds, latency,
                                st["underrun_frames"] ?? 0, st["xruns"] ?? 0))
        } else {
            let ttfa = report.utterances.first?.timeToFirstAudio.map { String(format: ", first audio after %.0f ms", Double($0) / 1e6) } ?? ""
            Console.info(String(format: "wrote %@: %.2f s of audio, %d Hz, %d ch, %d utterance%@%@",
                                output, report.seconds, sampleRate, channels, report.utterances.count,
                                report.utterances.count == 1 ? "" : "s", ttfa))
        }
    }
}
