import ArgumentParser
import Foundation
import VoxflowApp
import VoxflowLua

struct ScriptOptions: ParsableArguments {
    @Argument(help: "The Lua script.")
    var script: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (its `arg` table).")
    var arguments: [String] = []

    @Option(help: "Stop the script after this many seconds.")
    var timeout: Double?

    @Flag(name: .customLong("allow-native"), help: "Let `require` load native (C) Lua modules.")
    var allowNative = false

    @Flag(name: .shortAndLong, help: "Also print debug lines.")
    var verbose = false

    func host(checking: Bool) -> ScriptHost {
        var o = ScriptHost.Options()
        o.allowNative = allowNative
        o.timeout = timeout
        o.checking = checking
        return ScriptHost(voxflow: Voxflow(), options: o)
    }

    /// Runs the script; on failure prints the error with its traceback and what was cancelled.
    func execute(checking: Bool) throws -> ScriptHost.Outcome {
        Log.setup(quiet: false, verbose: verbose)
        guard FileManager.default.isReadableFile(atPath: script) else {
            throw Console.fail("\(script): no such script (or not readable)")
        }
        let host = host(checking: checking)
        for r in host.voxflow.plugins.refused { Console.warn("plugin refused: \(r)") }
        let outcome = host.run(script: script, arguments: arguments)
        if let e = outcome.error {
            var message = e
            if outcome.cancelledPending > 0 {
                message += "\n\(outcome.cancelledPending) pending utterance\(outcome.cancelledPending == 1 ? " was" : "s were") cancelled; no output was written"
            }
            throw Console.fail(message)
        }
        return outcome
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script that builds graphs and speaks (see docs/lua-api.md).",
        discussion: """
        voxflow's own options (--timeout, --allow-native, --verbose) go before SCRIPT; everything after \
        SCRIPT reaches the script as `arg`. At the end of the script every graph finishes: pending \
        utterances are spoken and files written. After an error they are cancelled and reported.

        Examples:
          voxflow run presets/dub.lua subs.srt dub.wav
          voxflow run --timeout 60 presets/live.lua --interrupt live.wav < lines.txt
        """)

    @OptionGroup var options: ScriptOptions

    func run() throws {
        Interrupts.install()
        _ = try options.execute(checking: false)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a script without synthesizing: build and validate every graph it makes.")

    @OptionGroup var options: ScriptOptions

    func run() throws {
        let outcome = try options.execute(checking: true)
        let nodes = outcome.graphs.reduce(0) { $0 + $1.elements.count }
        print("\(options.script): ok (\(outcome.graphs.count) graph\(outcome.graphs.count == 1 ? "" : "s"), \(nodes) nodes)")
    }
}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the graphs a script builds (without synthesizing).",
        discussion: "voxflow graph presets/say.lua --dot | dot -Tpng > say.png")

    @Flag(help: "Print Graphviz dot (the default and only format for now).")
    var dot = false

    @OptionGroup var options: ScriptOptions

    func run() throws {
        let outcome = try options.execute(checking: true)
        print(outcome.graphs.map { $0.dot() }.joined(separator: "\n"))
    }
}
