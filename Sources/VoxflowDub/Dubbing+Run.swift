import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowPluginHost
import VoxflowText

extension Dubbing {
    /// Plans, renders what the cache lacks, places every line and writes the outputs. `graph` is
    /// built from `cacheGraph(spec)`; `spec` is the preset's own description (for the cache keys).
    /// When only checking, stops after planning (voices checked), writing nothing.
    public func run(graph: Graph, spec: GraphSpec) throws -> DubSummary {
        let started = monotonicNanoseconds()
        defer { cache.removeIfTemporary() }
        let fingerprint = DubFingerprint.of(spec: spec, graph: graph, plugins: voxflow.plugins)
        let directory = engineVoices(graph)
        let pool = options.pool.isEmpty ? directory.pool(forLanguage: cues.contains { LanguageRuns.containsHan($0.text) } ? "zh" : "en") : options.pool
        guard !pool.isEmpty || options.defaultVoice != nil else {
            throw DubError.voices("voices", "no installed voice speaks the subtitles' language (voxflow voices lists them)")
        }
        let voices = DubVoices(cues: cues, map: options.voices, pool: pool, defaultVoice: options.defaultVoice)
        try checkVoices(voices, graph: graph)
        var warnings = voices.unusedNames.map { "\(options.voicesSource ?? "the voices map") names \($0), who has no lines" }
        let lines = DubPlan.lines(cues: cues, options: options, voices: voices, fingerprint: fingerprint)
        let sink = graph.elements.first { $0.isSink }
        let rate = sink?.sinkCaps.values.first?.rate.fixedValue ?? 48_000
        if options.checking {
            let planned = lines.map { l in
                DubResult(cue: l.cue, slot: l.slot, voice: l.voice, target: l.controls.duration, warnings: l.notes, key: l.key)
            }
            return summary(lines: lines, results: planned, voices: voices, rate: rate, frames: 0, timeline: nil, warnings: warnings,
                           rendered: 0, fitted: false, started: started)
        }

        // What the cache has; what must be rendered (once per key, however many cues share it).
        cache.removeStalePartials()
        for path in [options.output, options.report].compactMap({ $0 }) {
            let url = URL(fileURLWithPath: path)
            AtomicFile.removeStalePartials(in: url.deletingLastPathComponent().path, named: url.lastPathComponent)
        }
        if let s = options.stems { AtomicFile.removeStalePartials(in: s) }
        var takes: [String: DubTake] = [:]
        var cachedKeys = Set<String>()
        var jobs: [DubRenderer.Job] = []
        var weight: [String: Int] = [:]
        for l in lines { if let k = l.key { weight[k, default: 0] += 1 } }
        var seen = Set<String>()
        for l in lines {
            guard let key = l.key, seen.insert(key).inserted else { continue }
            if let t = cache.lookup(key) {
                takes[key] = t
                cachedKeys.insert(key)
            } else {
                jobs.append(DubRenderer.Job(key: key, text: l.cue.text, voice: l.voice, controls: l.controls, weight: weight[key] ?? 1))
            }
        }
        let spoken = lines.filter { $0.key != nil }.count
        let cachedCues = lines.filter { $0.key.map(cachedKeys.contains) ?? false }.count
        options.log?("\(spoken) lines: \(cachedCues) in the cache (\(cache.folder)), \(jobs.count) to render")

        let progress = DubProgress.make(enabled: options.progress, total: spoken, cached: cachedCues)
        var log = options.log
        if let progress, let plain = log {
            log = { @Sendable line in progress.above { plain(line) } }   // lines go above the bar, which is redrawn
        }
        let renderer = DubRenderer(graph: graph, cache: cache, progress: progress, log: log)
        let outcome: DubRenderer.Outcome
        do { outcome = try renderer.render(jobs, shouldStop: options.shouldStop) } catch {
            progress?.clear()
            throw error
        }
        progress?.clear()
        takes.merge(outcome.takes) { $1 }
        warnings += outcome.warnings
        let fitted = takes.values.contains { $0.natural != nil }
        if !fitted && !takes.isEmpty {
            warnings.append("no node of the graph fits durations (vocoder.stretch): lines keep their natural length")
        }
        if let bad = takes.first(where: { $0.value.rate != rate }) {
            throw DubError.cache(cache.folder, "\(bad.key).flac is at \(bad.value.rate) Hz, the graph at \(rate) Hz")
        }

        // Place every line, then write the mix, the stems and the report.
        var results = lines.map { l in
            DubResult(cue: l.cue, slot: l.slot, voice: l.voice, target: l.key == nil ? nil : l.controls.duration,
                      cached: l.key.map(cachedKeys.contains) ?? false, failed: l.key.flatMap { outcome.failures[$0] },
                      warnings: l.notes, key: l.key)
        }
        let audio = lines.indices.compactMap { i -> (line: Int, cue: Int, start: Double, frames: Int)? in
            guard let k = lines[i].key, let t = takes[k] else { return nil }
            return (i, lines[i].cue.index, lines[i].cue.start, t.frames)
        }
        let timeline = DubTimeline(audio: audio, lastCueEnd: cues.map(\.end).max() ?? 0, length: options.length,
                                   overlap: options.overlap, rate: rate)
        for item in timeline.items {
            let l = lines[item.line], t = takes[l.key!]!
            var r = results[item.line]
            r.achieved = t.seconds
            r.natural = t.natural ?? t.seconds
            r.ratio = t.ratio ?? (t.natural.map { $0 > 0 ? t.seconds / $0 : 1 } ?? 1)
            r.placed = Double(item.placed) / Double(rate)
            r.overflow = max(0, Double(item.end) / Double(rate) - (l.cue.start + l.slot))
            r.warnings = t.warnings + r.warnings + item.notes
            results[item.line] = r
        }
        let failed = results.filter { $0.failed != nil }
        if !failed.isEmpty {
            if let report = options.report { try DubReport.write(results, to: report) }
            throw DubError.cuesFailed(failed.map { ("\(options.subtitles):\($0.cue.line)", $0.failed!) }, report: options.report)
        }
        if let l = options.length, timeline.frames > Int((l * Double(rate)).rounded()) {
            warnings.append(String(format: "the track is %.3f s long, longer than --length %.3f s: the subtitles or their audio run past it",
                                   Double(timeline.frames) / Double(rate), l))
        }
        let stems = try mixdown(lines: lines, takes: takes, timeline: timeline, rate: rate)
        if let report = options.report { try DubReport.write(results, to: report) }
        var s = summary(lines: lines, results: results, voices: voices, rate: rate, frames: timeline.frames, timeline: timeline,
                        warnings: warnings, rendered: lines.filter { $0.key.map { outcome.takes[$0] != nil } ?? false }.count,
                        fitted: fitted, started: started)
        s.stems = stems
        s.cached = cachedCues
        return s
    }

    private func summary(lines: [DubLine], results: [DubResult], voices: DubVoices, rate: Int, frames: Int, timeline: DubTimeline?,
                         warnings: [String], rendered: Int, fitted: Bool, started: UInt64) -> DubSummary {
        DubSummary(output: options.output, seconds: Double(frames) / Double(rate), rate: rate, results: results, voices: voices.assignments,
                   rendered: rendered, cached: 0, skipped: lines.filter { $0.key == nil }.count,
                   overlaps: timeline?.overlaps ?? 0, shifted: timeline?.shifted ?? 0,
                   overflowed: results.filter { ($0.overflow ?? 0) > 0.0005 }.count, warnings: warnings,
                   cache: cacheFolder, stems: [:], report: options.checking ? nil : options.report, fitted: fitted,
                   elapsed: Double(monotonicNanoseconds() - started) / 1e9)
    }

    /// The voices the graph's engine node speaks: one engine's (its own node type), or every engine's (acoustic.auto).
    private func engineVoices(_ graph: Graph) -> VoiceDirectory {
        guard let element = graph.elements.first(where: { $0.type.traits.contains(.engine) }),
              let engine = (voxflow.plugins.factory(for: element.type.name) as? EngineNodeFactory)?.engine
        else { return voxflow.voiceDirectory }
        return VoiceDirectory(engines: [engine])
    }

    /// Every voice used must be spoken by the graph's engine node: checked before anything is rendered.
    private func checkVoices(_ voices: DubVoices, graph: Graph) throws {
        guard let engine = graph.elements.first(where: { $0.type.traits.contains(.engine) }) else { return }
        let directory = engineVoices(graph)
        let bad = voices.assignments.filter { directory.engine(speaking: $0.voice) == nil }
        guard !bad.isEmpty else { return }
        let what = bad.map { a in "\(a.speaker.map { "speaker \($0)" } ?? "cues without a speaker") → '\(a.voice)'" + (a.source == .pool ? " (from the pool)" : "") }
        let source = bad.contains { $0.source == .map } ? (options.voicesSource ?? "voices") : "voices"
        if directory.engines.count == 1, let only = directory.engines.first {
            throw DubError.voices(source, "\(what.joined(separator: ", ")): not a voice of \(only.name) (\(engine.name)); its voices: "
                                  + directory.all.map(\.voice.name).joined(separator: ", "))
        }
        throw DubError.voices(source, "\(what.joined(separator: ", ")): no installed engine speaks it (voxflow voices lists every voice)")
    }
}
