import Foundation
import Testing

/// The plugin ABI is a promise: VoxflowKit's public interface (swift-api-digester on the built module) must match
/// Plugins/VoxflowKit/api.txt, recorded under the ABI version in voxflow_plugin.h. Changing the SDK without bumping the
/// version fails here (scripts/sdk-api says what to do).
@Suite struct SDKInterfaceTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func sdkAPI(_ args: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.repo.appendingPathComponent("scripts/sdk-api").path] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test func theSDKsInterfaceIsTheOneItsABIVersionRecords() throws {
        let r = try sdkAPI(["--check"])
        #expect(r.status == 0, "\(r.output)")
    }

    @Test func aChangedInterfaceUnderTheSameVersionFails() throws {
        let recorded = try String(contentsOf: Self.repo.appendingPathComponent("Plugins/VoxflowKit/api.txt"), encoding: .utf8)
        var lines = recorded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // As if a requirement had been inserted into NodeContext without a version bump: the record lacks it.
        let index = try #require(lines.firstIndex { $0.hasPrefix("func NodeContext.emit(") })
        let removed = lines.remove(at: index)
        let record = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-api-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: record) }
        try lines.joined(separator: "\n").write(to: record, atomically: true, encoding: .utf8)
        let r = try sdkAPI(["--check", "--record", record.path])
        #expect(r.status != 0)
        #expect(r.output.contains("public interface changed but the plugin ABI is still") && r.output.contains("+ " + removed), "\(r.output)")
    }
}
