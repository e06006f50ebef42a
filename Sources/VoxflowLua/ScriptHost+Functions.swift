import Foundation
import VoxflowApp
import VoxflowDub
import VoxflowGraph
import VoxflowKit
import VoxflowText

/// The host functions behind the `voxflow` module (the Lua side is `Prelude.swift`). They take
/// and return plain values; errors are thrown as `LuaHostError` and re-raised by the module at the
/// script's own line.
extension ScriptHost {
    func installModule() {
        let l = lua
        l.setGlobalTable("__voxflow_host") {
            defineGraphFunctions(l)
            defineUtilityFunctions(l)
            defineTextFunctions(l)
            defineDubFunctions(l)
            defineModelFunctions(l)
        }
        if let e = l.run(source: Prelude.source, name: "voxflow") {
            fatalError("the voxflow Lua module failed to load: \(e)")
        }
    }

    private func defineGraphFunctions(_ l: LuaState) {
        l.setFunction("graph_new") { [unowned self] _, args in
            let id = nextGraph
            nextGraph += 1
            graphs[id] = ScriptGraph(id: id, autoResample: args[safe: 0] != .bool(false))
            return [.integer(id)]
        }
        l.setFunction("graph_node") { [unowned self] _, args in
            let g = try graph(args)
            guard let type = args[safe: 1]?.string else { throw LuaHostError("node: the node type must be a string such as \"acoustic.auto\"") }
            guard g.graph == nil else { throw LuaHostError("node: the graph is already running; add nodes before the first say or start") }
            var params: [String: ParameterValue] = [:]
            for (k, v) in args[safe: 2]?.fields ?? [:] {
                switch v {
                case let .integer(i): params[k] = .int(i)
                case let .number(d): params[k] = .double(d)
                case let .bool(b): params[k] = .bool(b)
                case let .string(s): params[k] = .string(s)
                // A table goes to the node as JSON text (prosody.tag's `emotions`, for one).
                case .table: params[k] = .string(try JSONBridge.encode(v, pretty: false))
                default: throw LuaHostError("node '\(type)': parameter '\(k)' is a \(v.typeName); use a number, string, boolean or table")
                }
            }
            let base = type.split(separator: ".").last.map(String.init) ?? "node"
            var name = args[safe: 3]?.string ?? base
            if args[safe: 3]?.string == nil {
                var k = 2
                while g.spec.nodes.contains(where: { $0.name == name }) { name = "\(base)\(k)"; k += 1 }
            }
            guard !name.contains(".") else { throw LuaHostError("node: name '\(name)' may not contain a dot (dots separate node and pad)") }
            // Types and parameters are checked with the whole graph (every problem at once, each
            // with the line that declared its node) when it starts.
            g.spec.nodes.append(NodeSpec(name, type, params))
            if let w = args[safe: 4]?.string { g.declaredAt[name] = w }
            return [.string(name)]
        }
        l.setFunction("graph_link") { [unowned self] _, args in
            let g = try graph(args)
            guard let from = args[safe: 1]?.string, let to = args[safe: 2]?.string else {
                throw LuaHostError("link: give two nodes, or \"node.pad\" strings")
            }
            g.spec.links.append(LinkSpec(from: PadRef(parsing: from), to: PadRef(parsing: to)))
            return []
        }
        l.setFunction("graph_start") { [unowned self] _, args in
            try graph(args).start(voxflow: voxflow, run: !options.checking)
            return []
        }
        l.setFunction("graph_dot") { [unowned self] _, args in
            let g = try graph(args)
            try g.start(voxflow: voxflow, run: false)
            return [.string(g.graph!.dot())]
        }
        l.setFunction("graph_say") { [unowned self] _, args in
            try checkDeadline()
            let g = try graph(args)
            guard let text = args[safe: 1]?.string else { throw LuaHostError("say: the text must be a string") }
            let controls = try Self.controls(args[safe: 2] ?? .nil)
            return [.integer(Int(try g.say(text, controls, voxflow: voxflow, checking: options.checking)))]
        }
        l.setFunction("graph_pump") { [unowned self] _, args in
            try checkDeadline()
            let g = try graph(args)
            let id = UtteranceID(max(0, Int(args[safe: 1]?.double ?? 0)))
            let (done, events) = g.pump(id, seconds: args[safe: 2]?.double ?? 0)
            return [.bool(done), .list(events)]
        }
        l.setFunction("utt_cancel") { [unowned self] _, args in
            try graph(args).cancel(UtteranceID(args[safe: 1]?.double ?? 0))
            return []
        }
        l.setFunction("graph_cancel_all") { [unowned self] _, args in
            try graph(args).cancelAll()
            return []
        }
        l.setFunction("graph_set") { [unowned self] _, args in
            let g = try graph(args)
            guard let node = args[safe: 1]?.string, let name = args[safe: 2]?.string else { throw LuaHostError("set: give a node, a parameter name and a value") }
            let value: ParameterValue
            switch args[safe: 3] ?? .nil {
            case let .integer(i): value = .int(i)
            case let .number(d): value = .double(d)
            case let .bool(b): value = .bool(b)
            case let .string(s): value = .string(s)
            default: throw LuaHostError("set: the value must be a number, string or boolean")
            }
            try g.setParameter(node: node, name: name, value: value)
            return []
        }
        l.setFunction("graph_finish") { [unowned self] _, args in
            [try graph(args).finish(voxflow: voxflow)]
        }
        l.setFunction("graph_pending") { [unowned self] _, args in
            [.integer(try graph(args).pendingCount)]
        }
    }

    private func defineUtilityFunctions(_ l: LuaState) {
        l.setFunction("checking") { [unowned self] _, _ in [.bool(options.checking)] }
        l.setFunction("time") { _, _ in [.number(Double(monotonicNanoseconds()) / 1e9)] }
        l.setFunction("sleep_step") { [unowned self] _, args in
            try checkDeadline()
            let s = max(0, min(args[safe: 0]?.double ?? 0, 0.05))
            if !options.checking { usleep(useconds_t(s * 1e6)) }
            return []
        }
        l.setFunction("read_line") { [unowned self] _, args in
            try checkDeadline()
            if options.checking { return [.nil, .string("eof")] }
            switch stdin.next(timeout: args[safe: 0]?.double ?? 0.05) {
            case let .line(s): return [.string(s)]
            case .timeout: return [.nil, .string("timeout")]
            case .eof: return [.nil, .string("eof")]
            }
        }
        l.setFunction("subtitles") { _, args in
            guard let path = args[safe: 0]?.string else { throw LuaHostError("subtitles: give the path of an .srt or .vtt file") }
            do {
                return [.list(try Subtitles.read(path).map { c in
                    var f: [String: LuaValue] = ["index": .integer(c.index), "start": .number(c.start), "end": .number(c.end),
                                                 "text": .string(c.text), "line": .integer(c.line)]
                    if let s = c.speaker { f["speaker"] = .string(s) }
                    return .object(f)
                })]
            } catch { throw LuaHostError("\(error)") }
        }
        l.setFunction("json_encode") { _, args in
            [.string(try JSONBridge.encode(args[safe: 0] ?? .nil, pretty: args[safe: 1] == .bool(true)))]
        }
        l.setFunction("json_decode") { _, args in
            guard let s = args[safe: 0]?.string else { throw LuaHostError("json.decode: give a string") }
            return [try JSONBridge.decode(s)]
        }
        l.setFunction("voices") { [unowned self] _, _ in
            [.list(voxflow.voices().map { e, v in
                .object(["engine": .string(e), "name": .string(v.name), "language": .string(v.language),
                         "sample_rate": .integer(v.sampleRate), "gender": .string(v.gender), "default": .bool(v.isDefault),
                         "speakers": .integer(voxflow.speakers(engine: e, voice: v.name) ?? 1)])
            })]
        }
        l.setFunction("node_types") { [unowned self] _, _ in
            [.list(voxflow.nodeTypeNames.map { .string($0) })]
        }
    }

    static let emotions = Emotion.allCases.map(\.rawValue)
    static let sayOptions = ["voice", "rate", "pitch", "volume", "language", "emotion", "intensity", "duration", "ratio",
                             "max_duration", "fit", "tag", "at", "marks"]

    /// `say` options → controls, each checked with its allowed values.
    static func controls(_ v: LuaValue) throws -> Controls {
        var c = Controls()
        func number(_ field: RequestModel.Number, key: String? = nil) throws -> Double? {
            let k = key ?? field.name
            guard let raw = v.fields[k] else { return field.defaultValue }
            guard let d = raw.double else { throw LuaHostError("say: option '\(k)' must be a number, got \(raw.typeName)") }
            do { return try RequestModel.check(field, d) } catch { throw LuaHostError("say: option '\(k)': \(error.message)") }
        }
        func string(_ k: String) throws -> String? {
            guard let raw = v.fields[k] else { return nil }
            guard let s = raw.string else { throw LuaHostError("say: option '\(k)' must be a string, got \(raw.typeName)") }
            return s
        }
        for k in v.fields.keys.sorted() where !sayOptions.contains(k) {
            throw LuaHostError("say: unknown option '\(k)'; options: \(sayOptions.joined(separator: ", "))")
        }
        c.voice = try string("voice")
        c.language = try string("language")
        c.rate = try number(RequestModel.rate) ?? 1
        c.pitch = try number(RequestModel.pitch) ?? 0
        c.volume = try number(RequestModel.volume) ?? 1
        c.intensity = try number(RequestModel.intensity) ?? 0.6
        c.duration = try number(RequestModel.duration)
        c.ratio = try number(RequestModel.ratio)
        c.maxDuration = try number(RequestModel.maxDuration)
        do { try RequestModel.checkTargets(duration: c.duration, ratio: c.ratio, maxDuration: c.maxDuration) } catch {
            throw LuaHostError("say: \(error.message)")
        }
        if let f = try string("fit") {
            guard let p = FitPolicy(rawValue: f) else { throw LuaHostError("say: fit '\(f)' is not one of clamp, refuse") }
            c.fitPolicy = p
        }
        c.tag = try string("tag")
        c.startTime = try number(RequestModel.Number(name: "at", range: 0...86_400, defaultValue: nil, unit: "s"))
        let emotion = try string("emotion")
        do { c.emotion = try RequestModel.emotion(emotion) } catch { throw LuaHostError("say: \(error.message)") }
        return c
    }
}
