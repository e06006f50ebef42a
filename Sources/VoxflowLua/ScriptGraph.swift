import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit

/// A graph created by a script: its description while the script builds it, then its running
/// pipeline, the state of its utterances and the events waiting to be handed to Lua callbacks.
/// Streaming threads append events; the script's thread drains them (`pump`).
final class ScriptGraph: @unchecked Sendable {
    let id: Int
    var spec: GraphSpec
    /// Node name → "file:line" where the script declared it.
    var declaredAt: [String: String] = [:]
    private(set) var graph: Graph?
    private(set) var pipeline: Pipeline?
    private(set) var finished = false
    /// Validation failed and the script was told (it may have caught the error): nothing to finish.
    private var rejected = false
    /// The script returned this graph to its caller (a say preset): the caller builds and runs it.
    var handedOver = false
    private var nextUtterance: UtteranceID = 1
    private var sinkRate = 0

    private let condition = NSCondition()
    private var events: [LuaValue] = []
    private var pending = Set<UtteranceID>()

    init(id: Int, autoResample: Bool) {
        self.id = id
        spec = GraphSpec(autoResample: autoResample)
    }

    /// Validates (every problem at once) and, unless only checking, starts the pipeline.
    func start(voxflow: Voxflow, run: Bool) throws {
        if finished { throw LuaHostError("this graph was finished; create a new one with voxflow.graph") }
        if graph != nil { return }
        let g: Graph
        do { g = try voxflow.build(spec) } catch {
            rejected = true
            let lines = error.problems.map { p in (p.node.flatMap { declaredAt[$0] }.map { "\($0): " } ?? "") + p.description }
            throw LuaHostError("the graph is not valid (\(lines.count) problem\(lines.count == 1 ? "" : "s")):\n"
                               + lines.map { "  - \($0)" }.joined(separator: "\n"))
        }
        graph = g
        sinkRate = g.elements.first { $0.isSink }?.sinkCaps.values.first?.rate.fixedValue ?? 0
        guard run else { return }
        pipeline = Pipeline(graph: g, mode: .threaded(queueCapacity: 4)) { [weak self] e in self?.record(e) }
    }

    func say(_ text: String, _ controls: Controls, voxflow: Voxflow, checking: Bool) throws -> UtteranceID {
        try start(voxflow: voxflow, run: !checking)
        let id = nextUtterance
        nextUtterance += 1
        guard let pipeline else {
            push(.object(["type": .string("end"), "utterance": .integer(Int(id)), "reason": .string("skipped"), "duration": .number(0)]))
            return id
        }
        condition.lock()
        pending.insert(id)
        condition.unlock()
        pipeline.submit(Utterance(id: id, text: text, controls: controls))
        return id
    }

    func cancel(_ id: UtteranceID) { pipeline?.cancel(id) }

    func cancelAll() {
        condition.lock()
        let ids = pending
        condition.unlock()
        for id in ids { pipeline?.cancel(id) }
    }

    var pendingCount: Int {
        condition.lock(); defer { condition.unlock() }
        return pending.count
    }

    /// Waits up to `seconds` for utterance `id` (0: all) to end; returns whether it has, and the
    /// events that arrived meanwhile.
    func pump(_ id: UtteranceID, seconds: Double) -> (Bool, [LuaValue]) {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        func done() -> Bool { id == 0 ? pending.isEmpty : !pending.contains(id) }
        while !done() && Date() < deadline {
            if !events.isEmpty { break }
            condition.wait(until: deadline)
        }
        let out = events
        events.removeAll()
        return (done(), out)
    }

    /// Commits outputs (files are renamed into place). Pending utterances finish first. A graph
    /// that never started is validated here, so no declared graph goes unchecked.
    func finish(voxflow: Voxflow) throws -> LuaValue {
        guard !finished, !rejected, !handedOver, !spec.nodes.isEmpty else { return .object([:]) }
        if graph == nil { try start(voxflow: voxflow, run: false) }
        finished = true
        guard let pipeline else {
            graph?.release()   // validated only (voxflow check, a say preset): free clients and files
            return .object([:])
        }
        pipeline.waitAll()
        do { try pipeline.finish() } catch { throw LuaHostError("\(error)") }
        let results = pipeline.results
        return .object(["utterances": .integer(results.count),
                        "failed": .integer(results.values.filter { if case .failed = $0 { return true }; return false }.count)])
    }

    /// Cancels what is pending and discards partial outputs (after an error or a timeout).
    func abort() -> Int {
        let n = pendingCount
        finished = true
        pipeline?.abort()
        return n
    }

    func setParameter(node: String, name: String, value: ParameterValue) throws {
        guard let g = graph, let e = g.element(named: node) else {
            throw LuaHostError("set: no node named '\(node)' in this graph (it must be started first)")
        }
        guard let spec = e.type.parameter(name) else {
            throw LuaHostError("set: node '\(node)' (\(e.type.name)) has no parameter '\(name)'")
        }
        guard spec.live else { throw LuaHostError("set: parameter '\(name)' of node '\(node)' is not live; it can only be set when the graph is built") }
        switch spec.check(value) {
        case let .success(v): do { try e.node.setParameter(name, v) } catch { throw LuaHostError("set: \(error)") }
        case let .failure(p): throw LuaHostError("set: node '\(node)': parameter '\(name)' \(p)")
        }
    }

    // MARK: Events (streaming threads)

    private func push(_ e: LuaValue) {
        condition.lock()
        events.append(e)
        condition.broadcast()
        condition.unlock()
    }

    private func record(_ e: GraphEvent) {
        let seconds = { (frames: Int) -> LuaValue in .number(self.sinkRate > 0 ? Double(frames) / Double(self.sinkRate) : 0) }
        switch e {
        case let .utteranceStarted(id):
            push(.object(["type": .string("start"), "utterance": .integer(Int(id))]))
        case let .node(node, .sinkMark(id, m, rate)):
            push(.object(["type": .string("word"), "utterance": .integer(Int(id)), "node": .string(node), "text": .string(m.text),
                          "kind": .string(m.kind.rawValue),
                          "start": .number(Double(m.start) / Double(rate)), "end": .number(Double(m.end) / Double(rate)),
                          "start_sample": .integer(m.start), "end_sample": .integer(m.end), "rate": .integer(rate)]))
        case let .node(node, .statistics(id, values)):
            var f: [String: LuaValue] = ["type": .string("stats"), "node": .string(node)]
            if let id { f["utterance"] = .integer(Int(id)) }
            for (k, v) in values { f[k] = .number(v) }
            push(.object(f))
        case let .node(node, .warning(w)):
            var f: [String: LuaValue] = ["type": .string("warning"), "node": .string(node), "message": .string(w.message)]
            if let id = w.utterance { f["utterance"] = .integer(Int(id)) }
            if let p = w.phrase { f["phrase"] = .integer(p) }
            push(.object(f))
        case let .failed(node, id, message):
            push(.object(["type": .string("error"), "utterance": .integer(Int(id)), "node": .string(node), "message": .string(message)]))
        case let .utteranceEnded(id, reason, stats):
            var reasonName = "completed"
            if case .cancelled = reason { reasonName = "cancelled" }
            if case .failed = reason { reasonName = "failed" }
            var fields: [String: LuaValue] = ["utterance": .integer(Int(id)), "frames": .integer(stats.audioFrames),
                                              "seconds": seconds(stats.audioFrames)]
            if let t = stats.timeToFirstAudio { fields["time_to_first_audio"] = .number(Double(t) / 1e9) }
            if stats.audioFrames > 0, sinkRate > 0 {
                fields["real_time_factor"] = .number(Double(stats.totalTime) / 1e9 / (Double(stats.audioFrames) / Double(sinkRate)))
            }
            var stat = fields
            stat["type"] = .string("stats")
            push(.object(stat))
            fields["type"] = .string("end")
            fields["reason"] = .string(reasonName)
            fields["duration"] = seconds(stats.audioFrames)
            if case let .failed(node, message) = reason { fields["message"] = .string("\(node): \(message)") }
            condition.lock()
            events.append(.object(fields))
            pending.remove(id)
            condition.broadcast()
            condition.unlock()
        default: break
        }
    }
}
