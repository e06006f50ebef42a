import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit

/// Runs one Lua script in its own Lua state with the `voxflow` module: graphs, speech, events,
/// subtitles, stdin lines, JSON, time. Shared by `voxflow run`, `check`, `graph` and `say`.
///
/// At the end of a script every graph is finished: pending utterances are spoken and outputs
/// committed. After an error or a timeout they are cancelled, outputs discarded, and the count
/// reported — never silently dropped.
public final class ScriptHost {
    public struct Options: Sendable {
        public var allowNative = false
        /// Seconds the script may run; nil for no limit.
        public var timeout: Double?
        /// Build and validate graphs, but synthesize nothing (`voxflow check`).
        public var checking = false
        public init() {}
    }

    public struct Outcome {
        /// nil when the script ran to its end; otherwise `file:line: message` and a traceback.
        public var error: String?
        /// Utterances still pending when the script failed, cancelled and reported.
        public var cancelledPending: Int
        /// Every graph the script built, in creation order.
        public var graphs: [Graph]
        /// Lua values a preset returned (the graph of `voxflow say`).
        public var returned: LuaValue
    }

    public let voxflow: Voxflow
    let options: Options
    let lua: LuaState
    var graphs: [Int: ScriptGraph] = [:]
    var nextGraph = 1
    let stdin = StdinLines()
    var deadline: Date?

    public init(voxflow: Voxflow, options: Options = Options()) {
        self.voxflow = voxflow
        self.options = options
        lua = LuaState(allowNative: options.allowNative)
        installModule()
    }

    /// Runs the script at `path` with `arguments` as `arg`. `moduleOptions` becomes `voxflow.options`.
    public func run(script path: String, arguments: [String] = [], moduleOptions: LuaValue = .nil) -> Outcome {
        lua.setArg(script: path, arguments)
        lua.setOptions(moduleOptions)
        if let t = options.timeout {
            deadline = Date().addingTimeInterval(t)
            lua.setDeadline(t)
        }
        var (error, returned) = lua.runReturning(file: path, chunkName: path)
        if case let .integer(id)? = returned.fields["_id"] { graphs[id]?.handedOver = true }
        if error == nil, case let .failure(e) = lua.call(global: "__voxflow_at_exit", []) { error = e.message }
        error = error.map(Self.trimTraceback)
        var cancelled = 0
        if error != nil {
            for g in graphs.values { cancelled += g.abort() }
        }
        let built = graphs.keys.sorted().compactMap { graphs[$0]?.graph }
        return Outcome(error: error, cancelledPending: cancelled, graphs: built, returned: returned)
    }

    /// The description of a graph the script built (a preset's returned graph object).
    public func graphSpec(of value: LuaValue) -> GraphSpec? {
        guard case let .integer(id)? = value.fields["_id"] else { return nil }
        return graphs[id]?.spec
    }

    /// Drops traceback frames inside the voxflow module and the `error` call itself: what is left
    /// is the script's own frames. No frames left, no "stack traceback:" header.
    static func trimTraceback(_ message: String) -> String {
        let lines = message.components(separatedBy: "\n")
        guard let at = lines.firstIndex(of: "stack traceback:") else { return message }
        let frames = lines[(at + 1)...].filter {
            !$0.hasPrefix("\tvoxflow:") && !$0.hasPrefix("\t[C]: in function 'error'") && !$0.contains("'__voxflow_at_exit'")
                && !$0.hasPrefix("\t[C]: in ?") && !$0.hasPrefix("\t[C]: in function 'pcall'")
        }
        return (Array(lines[..<at]) + (frames.isEmpty ? [] : ["stack traceback:"] + frames)).joined(separator: "\n")
    }

    func checkDeadline() throws {
        if let deadline, Date() > deadline {
            throw LuaHostError("timeout: the script ran past its time limit (--timeout)")
        }
    }

    func graph(_ args: [LuaValue], _ i: Int = 0) throws -> ScriptGraph {
        guard case let .integer(id) = args[safe: i] ?? .nil, let g = graphs[id] else { throw LuaHostError("not a graph") }
        return g
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
