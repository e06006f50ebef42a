import ArgumentParser
import Foundation
import VoxflowApp
import VoxflowDub
import VoxflowLua

struct DubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dub",
        abstract: "Dub subtitles (SRT, WebVTT): every cue spoken, fitted to its slot and placed at its cue time.",
        discussion: """
        Each cue is synthesized with the graph of presets/dub.lua, fitted to its slot (its end minus \
        its start, or up to the next cue's start with --borrow-gap) and placed so that its first \
        sample falls exactly on the cue's time. The track lasts as long as the subtitles, or \
        --length (the video's).

        Speakers (`ALICE: …`, `[Bob] …`, WebVTT `<v Bob>`) get voices from --voices, a JSON file \
        ({"ALICE": "VOICE", "Bob": "VOICE"}, names from `voxflow voices`, of any engines) or a Lua \
        file returning a table; others get the best installed voices for the subtitles' language \
        in turn (voices not yet in use first). The voices used are printed.

        Finished cues are kept in a cache (OUTPUT.cache/ beside the output; --cache DIR, \
        --no-cache), named by a hash of the text, voice, slot and graph. A run that is interrupted \
        (Ctrl-C, kill) loses no finished cue: run the same command again and it goes on where it \
        stopped. The output, stems and report appear only when complete.

        Examples:
          voxflow dub film.srt -o film-dub.wav
          voxflow dub film.vtt -o dub.flac --voices voices.json --stems stems/
          voxflow dub film.srt -o dub.wav --report report.csv --length 1:32:10.5
          voxflow dub film.srt -o dub.wav --borrow-gap --overlap shift
          voxflow dub film.srt --preset my-dub.lua    # a copy of presets/dub.lua
        """)

    @Argument(help: "The subtitles: .srt or .vtt.")
    var subtitles: String

    @Option(name: .shortAndLong, help: "The dubbed track; .wav, .flac or .ogg picks the format.")
    var output: String = "dub.wav"

    @Option(help: "Speaker → voice: a .json file ({\"ALICE\": \"VOICE\"}) or a .lua file returning a table.")
    var voices: String?

    @Option(help: "Also write one file per speaker into this folder (only that speaker's cues, same timeline).")
    var stems: String?

    @Option(help: "Write a CSV report: per cue its slot, natural and achieved length, ratio, overflow, warnings.")
    var report: String?

    @Option(help: "Length of the track (the video's): seconds or HH:MM:SS.mmm. Never shorter than the subtitles.")
    var length: String?

    @Flag(name: .customLong("borrow-gap"), help: "Let a cue's slot run up to the next cue's start instead of its own end.")
    var borrowGap = false

    @Option(help: "When a cue's audio runs into the next cue: mix (sum both) or shift (start the next one later).")
    var overlap: String = "mix"

    @Option(help: "A slot shorter than half or longer than twice a line's natural length: clamp (fit as near as allowed, warn) or refuse (fail the cue).")
    var fit: String = "clamp"

    @Option(help: "The cache folder (default: OUTPUT.cache beside the output).")
    var cache: String?

    @Flag(name: .customLong("no-cache"), help: "Render every cue, keep nothing (a temporary folder, deleted at the end).")
    var noCache = false

    @Option(name: .customLong("sample-rate"), help: "Sample rate of the track, in Hz.")
    var sampleRate: Int = 48_000

    @Option(help: "Sample encoding: pcm16, pcm24 or float (float: WAV only).")
    var encoding: String = "pcm16"

    @Option(help: "A copy of presets/dub.lua with your own graph or voices.")
    var preset: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors (and no progress bar).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print every cue as it is rendered, and every cue's warnings.")
    var verbose = false

    func run() throws {
        Log.setup(quiet: quiet, verbose: verbose)
        Interrupts.install()
        // What can be checked here is checked before anything runs, with the file and line at fault.
        do { _ = try Subtitles.read(subtitles) } catch { throw Console.fail("\(error)") }
        var fields: [String: LuaValue] = [
            "subtitles": .string(subtitles), "output": .string(output), "borrow_gap": .bool(borrowGap),
            "sample_rate": .integer(sampleRate), "encoding": .string(encoding), "progress": .bool(!quiet), "verbose": .bool(verbose),
        ]
        guard DubOverlap(rawValue: overlap) != nil else { throw Console.fail("--overlap must be mix or shift, not '\(overlap)'") }
        guard ["clamp", "refuse"].contains(fit) else { throw Console.fail("--fit must be clamp or refuse, not '\(fit)'") }
        fields["overlap"] = .string(overlap)
        fields["fit"] = .string(fit)
        if let length {
            guard let t = DubTime.parse(length) else { throw Console.fail("--length '\(length)' is not a time; write seconds (95.5) or HH:MM:SS.mmm") }
            fields["length"] = .number(t)
        }
        if let voices {
            guard FileManager.default.isReadableFile(atPath: voices) else { throw Console.fail("\(voices): no such file (--voices)") }
            guard voices.hasSuffix(".json") || voices.hasSuffix(".lua") else {
                throw Console.fail("\(voices): --voices takes a .json file or a .lua file returning a table")
            }
            fields["voices"] = .string(voices)
        }
        if cache != nil && noCache { throw Console.fail("give --cache DIR or --no-cache, not both") }
        if let cache { fields["cache"] = .string(cache) }
        if noCache { fields["cache"] = .bool(false) }
        if let stems { fields["stems"] = .string(stems) }
        if let report { fields["report"] = .string(report) }

        let voxflow = Voxflow()
        for r in voxflow.plugins.refused { Console.warn("plugin refused: \(r)") }
        let summary: LuaValue
        do { summary = try DubPreset.run(voxflow: voxflow, options: .object(fields), preset: preset) } catch {
            throw Console.fail(preset == nil ? Self.withoutPresetLocation("\(error)") : "\(error)")
        }
        printSummary(summary.fields)
    }

    /// An error raised inside the built-in preset, without the preset's own line and traceback
    /// (which the user cannot act on): "…/presets/dub.lua:30: subs.srt:4: …" → "subs.srt:4: …".
    static func withoutPresetLocation(_ message: String) -> String {
        var lines = message.components(separatedBy: "\n")
        if let t = lines.firstIndex(of: "stack traceback:") { lines.removeSubrange(t...) }
        if let first = lines.first, let r = first.range(of: #"^\S*dub\.lua:\d+: "#, options: .regularExpression) {
            lines[0] = String(first[r.upperBound...])
        }
        return lines.joined(separator: "\n")
    }
}

extension DubCommand {
    /// The voices used, the warnings (per cue: at most 10 unless --verbose; the report has all),
    /// and what was written.
    func printSummary(_ s: [String: LuaValue]) {
        func int(_ k: String) -> Int { Int(s[k]?.double ?? 0) }
        let named = (s["voices"]?.array ?? []).map { v in
            let source = v.fields["source"]?.string == "map" ? " (\(self.voices ?? "voices"))" : v.fields["source"]?.string == "pool" ? " (pool)" : ""
            return "\(v.fields["speaker"]?.string ?? "(no speaker)") → \(v.fields["voice"]?.string ?? "?")\(source)"
        }
        Console.info("voices: " + named.joined(separator: ", "))
        for w in s["warnings"]?.array ?? [] { Console.warn(w.description) }
        var cueWarnings: [String] = []
        for c in s["cues"]?.array ?? [] {
            for w in c.fields["warnings"]?.array ?? [] {
                cueWarnings.append("\(subtitles):\(Int(c.fields["line"]?.double ?? 0)): cue \(Int(c.fields["index"]?.double ?? 0)): \(w)")
            }
        }
        let shown = verbose ? cueWarnings.count : min(cueWarnings.count, 10)
        for w in cueWarnings.prefix(shown) { Console.warn(w) }
        if cueWarnings.count > shown {
            Console.warn("… and \(cueWarnings.count - shown) more cue warnings (\(report.map { "see \($0)" } ?? "--report FILE.csv lists them all, --verbose prints them"))")
        }
        let cues = (s["cues"]?.array.count ?? 0) - int("skipped")
        var extras: [String] = []
        if int("overlaps") > 0 { extras.append("\(int("overlaps")) overlapping cue\(int("overlaps") == 1 ? "" : "s") mixed") }
        if int("shifted") > 0 { extras.append("\(int("shifted")) cue\(int("shifted") == 1 ? "" : "s") shifted") }
        if int("overflowed") > 0 { extras.append("\(int("overflowed")) past their slot") }
        if int("skipped") > 0 { extras.append("\(int("skipped")) empty cue\(int("skipped") == 1 ? "" : "s") skipped") }
        Console.info(String(format: "wrote %@: %d cue%@ (%d rendered, %d cached), %.2f s at %d Hz in %.1f s%@", output, cues, cues == 1 ? "" : "s",
                            int("rendered"), int("cached"), s["seconds"]?.double ?? 0, int("sample_rate"), s["elapsed"]?.double ?? 0,
                            extras.isEmpty ? "" : "; " + extras.joined(separator: ", ")))
        let stems = (s["stems"]?.fields ?? [:]).values.compactMap(\.string).sorted()
        if let dir = self.stems { Console.info("stems in \(dir): " + stems.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")) }
        if let r = s["report"]?.string { Console.info("report: \(r)") }
        if let c = s["cache"]?.string { Console.debug("cache: \(c)") }
    }
}
