import Foundation

/// Runs the built `voxflow` executable (next to the test bundle) as a user would.
public enum VoxflowProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The repository's root (for presets/, docs/, scripts/).
    public static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var executable: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("voxflow").path
    }

    /// What every test process gets unless the test (or the environment running the tests) says otherwise:
    /// `VOXFLOW_VOICE_DISCOVERY=0`, so that a natural voice installed on the machine (found in the XDG data folders or in
    /// Python's site-packages) does not become every test's default voice; `VOXFLOW_VOICES` still works. Tests of
    /// discovery pass `"VOXFLOW_VOICE_DISCOVERY": "1"`.
    public static let testEnvironment = ["VOXFLOW_VOICE_DISCOVERY": "0"]

    /// The same for this (test) process, for the plugins loaded in-process: call before the first plugin is used.
    public static func isolateInProcess() {
        for (k, v) in testEnvironment { setenv(k, v, 0) }
    }

    /// A process for `voxflow ARGS`, not yet started (for tests that signal or feed it over time).
    public static func start(_ args: [String], env: [String: String] = [:], cwd: URL? = nil) -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        p.environment = testEnvironment.merging(ProcessInfo.processInfo.environment) { $1 }.merging(env) { $1 }
        if let cwd { p.currentDirectoryURL = cwd }
        return p
    }

    /// Runs `voxflow ARGS` to the end with `stdin` as its input.
    public static func run(_ args: [String], stdin: String = "", env: [String: String] = [:], cwd: URL? = nil) throws -> Result {
        let p = start(args, env: env, cwd: cwd)
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// A new empty folder under the temporary directory.
    public static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// Writes a script into `dir` and returns its path.
    public static func script(_ source: String, in dir: URL, name: String = "script.lua") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
