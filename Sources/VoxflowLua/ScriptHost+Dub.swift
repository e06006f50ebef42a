import Foundation
import VoxflowApp
import VoxflowDub
import VoxflowGraph
import VoxflowKit

/// `voxflow.dub{…}`: subtitle dubbing from Lua, through the Swift engine (`Dubbing`). The Lua
/// side (Prelude) turns `graph = g` into the graph's id and a voices file into a table.
extension ScriptHost {
    static let dubOptions = ["subtitles", "output", "graph", "voices", "voices_source", "pool", "default_voice", "stems", "report",
                             "length", "borrow_gap", "overlap", "fit", "cache", "encoding", "progress", "verbose"]

    func defineDubFunctions(_ l: LuaState) {
        l.setFunction("dub") { [unowned self] _, args in
            try checkDeadline()
            let o = args[safe: 0] ?? .nil
            let g = try graph([o.fields["graph"] ?? .nil])
            guard g.graph == nil, !g.handedOver else { throw LuaHostError("dub: this graph has already started; give vf.dub a new graph that has not spoken") }
            g.handedOver = true   // the engine runs it (or nobody, after an error): not finished at the script's end
            var options = try Self.dubOptions(o, checking: self.options.checking)
            if let deadline { options.shouldStop = { Date() > deadline } }
            do {
                let dubbing = try Dubbing(voxflow: voxflow, options: options)
                let original = g.spec
                g.spec = try dubbing.cacheGraph(original)
                try g.start(voxflow: voxflow, run: false)   // every problem at once, with the lines that declared the nodes
                return [Self.luaSummary(try dubbing.run(graph: g.graph!, spec: original))]
            } catch let e as LuaHostError { throw e } catch { throw LuaHostError("\(error)") }
        }
    }

    /// The options table → `DubOptions`, every field checked.
    static func dubOptions(_ v: LuaValue, checking: Bool) throws -> DubOptions {
        let f = v.fields
        for k in f.keys.sorted() where !dubOptions.contains(k) {
            throw LuaHostError("dub: unknown option '\(k)'; options: \(dubOptions.filter { $0 != "voices_source" }.joined(separator: ", "))")
        }
        func string(_ k: String) throws -> String? {
            guard let raw = f[k] else { return nil }
            guard let s = raw.string else { throw LuaHostError("dub: option '\(k)' must be a string, got \(raw.typeName)") }
            return s
        }
        func bool(_ k: String) throws -> Bool? {
            guard let raw = f[k] else { return nil }
            guard case let .bool(b) = raw else { throw LuaHostError("dub: option '\(k)' must be true or false, got \(raw.typeName)") }
            return b
        }
        guard let subtitles = try string("subtitles") else { throw LuaHostError("dub: subtitles = \"FILE.srt\" (or .vtt) is required") }
        var o = DubOptions(subtitles: subtitles, output: try string("output") ?? "dub.wav")
        o.checking = checking
        let source = try string("voices_source")
        o.voicesSource = source
        for (speaker, voice) in f["voices"]?.fields ?? [:] {
            guard let s = voice.string else {
                throw LuaHostError("dub: \(source ?? "voices"): the voice of \(speaker) must be a string, got \(voice.typeName)")
            }
            o.voices[speaker] = s
        }
        if let bad = f["voices"], bad.typeName != "table" { throw LuaHostError("dub: voices must be a table (speaker = voice) or a .json/.lua file") }
        if let pool = f["pool"] {
            o.pool = try pool.array.map { v in
                guard let s = v.string else { throw LuaHostError("dub: pool must be a list of voice names") }
                return s
            }
            guard !o.pool.isEmpty else { throw LuaHostError("dub: pool must name at least one voice") }
        }
        o.defaultVoice = try string("default_voice")
        o.stems = try string("stems")
        o.report = try string("report")
        switch f["length"] {
        case nil: break
        case let .string(s)?:
            guard let t = DubTime.parse(s) else { throw LuaHostError("dub: length '\(s)' is not a time; write seconds (95.5) or HH:MM:SS.mmm") }
            o.length = t
        case let v?:
            guard let d = v.double, d >= 0 else { throw LuaHostError("dub: length must be seconds (0 or more) or \"HH:MM:SS.mmm\"") }
            o.length = d
        }
        o.borrowGap = try bool("borrow_gap") ?? false
        if let s = try string("overlap") {
            guard let ov = DubOverlap(rawValue: s) else { throw LuaHostError("dub: overlap '\(s)' is not one of mix, shift") }
            o.overlap = ov
        }
        if let s = try string("fit") {
            guard let p = FitPolicy(rawValue: s) else { throw LuaHostError("dub: fit '\(s)' is not one of clamp, refuse") }
            o.fit = p
        }
        switch f["cache"] {
        case nil: break
        case .bool(false)?: o.cache = .none
        case let .string(s)?: o.cache = .folder(s)
        case let v?: throw LuaHostError("dub: cache must be a folder, or false for no cache; got \(v.typeName)")
        }
        o.encoding = try string("encoding") ?? "pcm16"
        o.progress = try bool("progress") ?? true
        if try bool("verbose") == true {
            o.log = { line in FileHandle.standardError.write(Data("dub: \(line)\n".utf8)) }
        }
        return o
    }

    static func luaSummary(_ s: DubSummary) -> LuaValue {
        func num(_ d: Double?) -> LuaValue { d.map { .number($0) } ?? .nil }
        let cues: [LuaValue] = s.results.map { r in
            var f: [String: LuaValue] = [
                "index": .integer(r.cue.index), "line": .integer(r.cue.line), "start": .number(r.cue.start), "end": .number(r.cue.end),
                "slot": .number(r.slot), "voice": .string(r.voice), "text": .string(r.cue.text), "natural": num(r.natural),
                "target": num(r.target), "achieved": num(r.achieved), "ratio": num(r.ratio), "placed": num(r.placed),
                "overflow": num(r.overflow), "cached": .bool(r.cached), "warnings": .list(r.warnings.map { .string($0) }),
            ]
            if let sp = r.cue.speaker { f["speaker"] = .string(sp) }
            if let k = r.key { f["key"] = .string(k) }
            if let why = r.failed { f["failed"] = .string(why) }
            return .object(f.filter { $0.value != .nil })
        }
        var f: [String: LuaValue] = [
            "output": .string(s.output), "seconds": .number(s.seconds), "sample_rate": .integer(s.rate), "cues": .list(cues),
            "rendered": .integer(s.rendered), "cached": .integer(s.cached), "skipped": .integer(s.skipped),
            "overlaps": .integer(s.overlaps), "shifted": .integer(s.shifted), "overflowed": .integer(s.overflowed),
            "warnings": .list(s.warnings.map { .string($0) }), "fitted": .bool(s.fitted), "elapsed": .number(s.elapsed),
            "voices": .list(s.voices.map { a in
                var v: [String: LuaValue] = ["voice": .string(a.voice), "source": .string(a.source.rawValue)]
                if let sp = a.speaker { v["speaker"] = .string(sp) }
                return .object(v)
            }),
            "stems": .object(s.stems.mapValues { .string($0) }),
        ]
        if let c = s.cache { f["cache"] = .string(c) }
        if let r = s.report { f["report"] = .string(r) }
        return .object(f)
    }
}
