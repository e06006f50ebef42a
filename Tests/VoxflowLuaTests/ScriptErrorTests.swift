import Foundation
import Testing
import VoxflowTestSupport
import VoxflowApp

@Suite struct ScriptErrorTests {
    func run(_ source: String, args: [String] = [], options: [String] = [], stdin: String = "") throws -> (VoxflowProcess.Result, URL) {
        let dir = try VoxflowProcess.tempDir()
        let path = try VoxflowProcess.script(source, in: dir)
        return (try VoxflowProcess.run(["run"] + options + [path] + args, stdin: stdin, cwd: dir), dir)
    }

    @Test func syntaxErrorNamesFileAndLine() throws {
        let (r, dir) = try run("local ok = true\nlocal x = = 1\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 1)
        #expect(r.stderr.contains("script.lua:2: unexpected symbol near '='"))
    }

    @Test func runtimeErrorHasATraceback() throws {
        let (r, dir) = try run("local function inner()\n  local t = nil\n  return t.field\nend\nlocal function outer() return inner() end\nouter()\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 1)
        #expect(r.stderr.contains("script.lua:3: attempt to index a nil value (local 't')"))
        #expect(r.stderr.contains("stack traceback:"))
        #expect(r.stderr.contains("script.lua:3: in upvalue 'inner'") || r.stderr.contains("script.lua:3: in function"))
        #expect(r.stderr.contains("script.lua:6: in main chunk"))
    }

    @Test func unknownNodeTypeIsReportedAtItsLine() throws {
        let (r, dir) = try run("""
            local vf = require("voxflow")
            local g = vf.graph()
            g:node("text.normalize")
            g:node("acoustic.flitee", {})
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 1)
        #expect(r.stderr.contains("script.lua:4: node 'flitee': unknown node type 'acoustic.flitee'; did you mean 'acoustic.flite'?"))
    }

    @Test func outOfRangeParameterGivesTheAllowedRangeAndPcallCatchesIt() throws {
        let (r, dir) = try run("""
            local vf = require("voxflow")
            local ok, err = pcall(function()
              vf.graph{ "text.normalize", "prosody.tag", { "acoustic.flite", rate = 9 }, "vocoder.passthrough",
                        { "sink.file", path = "x.wav" } }:start()
            end)
            print(ok, err)
            assert(not ok and err:find("allowed 0.25…4 ×", 1, true))
            local g = vf.graph{ "text.normalize", "prosody.tag", "acoustic.flite", "vocoder.passthrough", { "sink.file", path = "y.wav" } }
            g:say("The script went on after the error.")
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("false") && r.stdout.contains("script.lua:3: node 'flite': parameter 'rate' value 9 is out of range"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("y.wav").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.wav").path))
    }

    @Test func timeoutStopsARunawayLoop() throws {
        let start = Date()
        let (r, dir) = try run("local n = 0\nwhile true do n = n + 1 end\n", options: ["--timeout", "1"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 1)
        #expect(r.stderr.contains("script.lua:2: timeout: the script ran past its time limit (--timeout)"))
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func timeoutAlsoStopsAScriptWaitingOnInput() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try VoxflowProcess.script("local vf = require('voxflow')\nfor line in vf.lines() do end\n", in: dir)
        // Standard input stays open: the script waits for lines until the timeout.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: VoxflowProcess.executable)
        p.arguments = ["run", "--timeout", "1", path]
        let input = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try input.fileHandleForWriting.close()
        #expect(p.terminationStatus == 1)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("timeout"))
    }

    @Test func pendingUtterancesFinishAtTheEndOfTheScript() throws {
        let (r, dir) = try run("""
            local vf = require("voxflow")
            local g = vf.graph{ "text.normalize", "prosody.tag", "acoustic.flite", "vocoder.passthrough", { "sink.file", path = "p.wav" } }
            g:say("The script ends before this is spoken.")
            g:say("And this one too.")
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 0, "\(r.stderr)")
        let f = try AudioFile.read(dir.appendingPathComponent("p.wav").path)
        #expect(f.seconds > 2.5, "both utterances were spoken")
    }

    @Test func pendingUtterancesAreReportedWhenTheScriptFails() throws {
        let (r, dir) = try run("""
            local vf = require("voxflow")
            local g = vf.graph{ "text.normalize", "prosody.tag", "acoustic.flite", "vocoder.passthrough", { "sink.file", path = "q.wav" } }
            g:say(string.rep("A long line that is still being spoken. ", 40))
            error("the script failed")
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 1)
        #expect(r.stderr.contains("script.lua:4: the script failed"))
        #expect(r.stderr.contains("1 pending utterance was cancelled; no output was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["script.lua"])
    }

    @Test func nativeModulesNeedPermission() throws {
        let (r, dir) = try run("print(package.loadlib == nil, #package.searchers)\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.stdout.contains("true\t2"))
        let (allowed, dir2) = try run("print(package.loadlib == nil, #package.searchers)\n", options: ["--allow-native"])
        defer { try? FileManager.default.removeItem(at: dir2) }
        #expect(allowed.stdout.contains("false\t4"))
    }

    @Test func metatablesOnGlobalsCannotCrashTheHost() throws {
        let (r, dir) = try run("""
            setmetatable(_G, { __index = function(_, k) error("no global " .. k) end, __newindex = function() error("read-only") end })
            local vf = require("voxflow")
            local ok = pcall(function() return undefined_global end)
            assert(not ok)
            print("still alive")
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("still alive"))
    }
}
