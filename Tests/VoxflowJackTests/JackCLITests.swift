import Foundation
import Testing
import VoxflowTestSupport

/// `voxflow say --jack` and presets/live.lua playing into JACK, checked by a capture client.
extension JackTests {
    func voxflow(_ args: [String], server: JackServer, stdin: String = "") throws -> (Int32, String) {
        let r = try VoxflowProcess.run(args, stdin: stdin, env: ["JACK_DEFAULT_SERVER": server.name])
        return (r.status, r.stderr)
    }

    @Test func sayPlaysIntoJackAndConnectsByPattern() throws {
        let server = try JackServer()
        defer { server.stop() }
        let capture = try JackCapture(server: server, ports: 1, name: "recorder")
        defer { capture.close() }
        let (status, stderr) = try voxflow(["say", "--jack", "--connect", "recorder:in_*", "--stats", "Into JACK from the command line."],
                                           server: server)
        #expect(status == 0, "\(stderr)")
        // No underruns; xruns (the host scheduling the dummy driver late) are not Voxflow's to prevent: see JackTests.
        #expect(stderr.contains("played") && stderr.contains("0 underrun frames, "), "\(stderr)")
        #expect(trimmedSilence(capture.samples()).count > 48_000, "more than a second of speech reached the connected port")
    }

    @Test func sayExplainsAMissingServer() throws {
        let server = try JackServer()
        server.stop()
        let (status, stderr) = try voxflow(["say", "--jack", "Nobody listens."], server: server)
        #expect(status == 1)
        #expect(stderr.contains("cannot connect to the JACK server \(server.name)"))
        #expect(stderr.contains("is jackd running?"))
    }

    @Test func livePresetSpeaksIntoJack() throws {
        let server = try JackServer()
        defer { server.stop() }
        let capture = try JackCapture(server: server, ports: 1, name: "obs")
        defer { capture.close() }
        let live = VoxflowProcess.repo.appendingPathComponent("presets/live.lua").path
        let (status, stderr) = try voxflow(["run", live, "--connect", "obs:in_*"], server: server,
                                           stdin: "A line from a chat.\nAnd another one.\n")
        #expect(status == 0, "\(stderr)")
        #expect(stderr.contains("live: line 1 completed") && stderr.contains("live: line 2 completed"))
        #expect(trimmedSilence(capture.samples()).count > 48_000)
    }
}
