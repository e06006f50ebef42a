import ArgumentParser
import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowLua
import VoxflowText

struct SayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract: "Speak text into an audio file (WAV, FLAC, OGG) or into JACK, with the default graph (presets/say.lua).",
        discussion: """
        Without TEXT, reads standard input and speaks each line as its own utterance as soon as \
        it arrives. The output file appears only when everything was written: an error or \
        Ctrl-C leaves no half-written file.

        Text may carry SSML (<speak>, <break time="500ms"/>, <prosody rate="slow">, <emphasis>, \
        <say-as>, <sub>, <phoneme>, <mark>, <voice>, <lang>) and inline tags ([emotion=angry:0.6], \
        [pause=300ms], [rate=1.2]); --plain reads every character as text. Numbers, dates, \
        currency, units and abbreviations are spoken in full (`voxflow normalize` shows how). \
        Each phrase is spoken by the best installed voice for its language (English and \
        Mandarin runs are detected; Mandarin is read through pinyin), unless --voice or an \
        SSML <voice> names one; `voxflow voices` lists them, best first.

        Examples:
          voxflow say "The quick brown fox." -o fox.wav
          voxflow say "今天是2024年3月5日，银行利率上调了0.25%。" -o zh.wav
          voxflow say '[emotion=happy:0.8]We won! <break time="1s"/> Really.' -o won.wav
          printf 'Line one.\\nLine two.\\n' | voxflow say -o lines.flac --voice NAME
          voxflow say --jack --connect 'system:playback_*' "Into JACK."
        """)

    @Argument(help: "The text to speak. Omit to read lines from standard input.")
    var text: [String] = []

    @Option(name: .shortAndLong, help: "Output file; .wav, .flac or .ogg picks the format.")
    var output: String = "say.wav"

    @Option(help: "Voice (see `voxflow voices`); default: the best installed voice for each phrase's language.")
    var voice: String?

    @OptionGroup var reading: LanguageOptions

    @OptionGroup var feeling: EmotionOptions

    @Option(help: "Speaking rate, 0.25–4 (1 = natural).")
    var rate: Double = 1

    @Option(help: "Pitch shift in semitones, -12–12 (voices that cannot shift pitch are shifted by vocoder.stretch).")
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

    @Option(help: "Write word timings (after stretching and resampling) to FILE.json or FILE.vtt.")
    var marks: String?

    @Option(name: .customLong("marks-per"), help: "WebVTT marks: one cue per word or per phrase.")
    var marksPer: String = "word"

    @Option(help: "Target length in seconds (exact; silence trimmed first). Needs vocoder.stretch in the graph (the default).")
    var duration: Double?

    @Option(help: "Target length relative to the voice's natural length, e.g. 1.2.")
    var ratio: Double?

    @Option(name: .customLong("max-duration"), help: "Longest allowed length in seconds: shortened only when longer.")
    var maxDuration: Double?

    @Option(help: "A target outside 0.5–2× the natural length: clamp (with a warning) or refuse.")
    var fit: String = "clamp"

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
        options.language = reading.lang
        options.markup = !reading.plain
        if connect != nil && !jack { throw Console.fail("--connect needs --jack") }
        try feeling.check()
        guard let unit = MarksFile.Unit(rawValue: marksPer) else { throw Console.fail("--marks-per must be word or phrase") }
        if let m = marks, !["json", "vtt"].contains(URL(fileURLWithPath: m).pathExtension.lowercased()) {
            throw Console.fail("--marks \(m): write marks to a .json or .vtt file")
        }
        guard let policy = FitPolicy(rawValue: fit) else { throw Console.fail("--fit must be clamp or refuse") }
        // Rate and pitch are the graph's parameters (checked with every other problem of the graph, at once).
        do { try RequestModel.checkTargets(duration: duration, ratio: ratio, maxDuration: maxDuration) } catch {
            throw Console.fail("give one of --duration, --ratio and --max-duration")
        }
        do {
            _ = try RequestModel.check(RequestModel.duration, duration)
            _ = try RequestModel.check(RequestModel.ratio, ratio)
            _ = try RequestModel.check(RequestModel.maxDuration, maxDuration)
        } catch { throw Console.fail("--\(error.field.replacingOccurrences(of: "_", with: "-")): \(error.message)") }
        let controls = Controls(language: reading.language, emotion: feeling.requested, intensity: feeling.intensity, duration: duration,
                                ratio: ratio, maxDuration: maxDuration, fitPolicy: policy)
        let joined = text.joined(separator: " ")
        // Markup is checked before anything is built or written: the error names line and column.
        // (Only the markup: the text.normalize plugin does the rest, with its own reading data.)
        func checkMarkup(_ t: String) throws { if !reading.plain { _ = try MarkupParser.parse(t) } }
        if !text.isEmpty {
            do { try checkMarkup(joined) } catch { throw Console.fail("in the text, \(error)") }
        }

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

        Console.info(Self.voiceLine(voxflow, voice: voice, language: reading.language, text: joined))
        if text.isEmpty {
            if isatty(STDIN_FILENO) == 1 { Console.info("reading lines from standard input; end with Ctrl-D") }
            var lineNumber = 0
            while let line = readLine() {
                lineNumber += 1
                let t = line.trimmingCharacters(in: .whitespaces)
                guard !t.isEmpty else { continue }
                do { try checkMarkup(t) } catch {
                    Console.warn("standard input line \(lineNumber) skipped: \(error)")
                    continue
                }
                run.say(t, controls: controls)
            }
        } else {
            run.say(joined, controls: controls)
        }
        let report: SayReport
        do { report = try run.finish() } catch { throw Console.fail("\(error)") }
        let elapsed = Double(monotonicNanoseconds() - started) / 1e9

        for w in report.warnings { Console.warn(w) }
        for u in report.utterances {
            let st = u.sinkStatistics
            guard let natural = st["natural_seconds"], let achieved = st["achieved_seconds"] else { continue }
            Console.info(String(format: "utterance %d fitted: natural %.3f s, target %.3f s, achieved %.3f s, ratio %.3f", Int(u.id),
                                natural, st["target_seconds"] ?? achieved, achieved, st["ratio"] ?? achieved / max(natural, 1e-9)))
        }
        if let m = marks {
            do { try MarksFile.write(report.marks, rate: report.rate, to: m, unit: unit) } catch { throw Console.fail("\(error)") }
        }
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
