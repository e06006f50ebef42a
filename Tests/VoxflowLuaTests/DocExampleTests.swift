import Foundation
import Testing
import VoxflowTestSupport

/// Every ```lua block of docs/lua-api.md runs as a script and must succeed, so the document
/// cannot drift from the code.
@Suite struct DocExampleTests {
    static let examples: [(index: Int, heading: String, source: String)] = {
        let doc = (try? String(contentsOf: VoxflowProcess.repo.appendingPathComponent("docs/lua-api.md"), encoding: .utf8)) ?? ""
        var out: [(Int, String, String)] = []
        var heading = "", block: [String]? = nil
        for line in doc.components(separatedBy: "\n") {
            if line.hasPrefix("#") { heading = line.trimmingCharacters(in: CharacterSet(charactersIn: "# ")) }
            if line == "```lua" { block = []; continue }
            if line == "```", let b = block { out.append((out.count + 1, heading, b.joined(separator: "\n"))); block = nil; continue }
            block?.append(line)
        }
        return out
    }()

    @Test func theDocumentHasAnExampleForEverySection() {
        #expect(Self.examples.count >= 17)
        let documented = Self.examples.map(\.source).joined()
        for fn in ["vf.graph", ":node(", ":link(", ":chain", ":start()", ":dot()", ":say(", ":wait()", ":cancel()", ":duration()",
                   ":marks()", ":pending()", ":finish()", ":on(", ":set(", "vf.subtitles", "vf.lines", "vf.json.encode", "vf.json.decode",
                   "vf.read_json", "vf.write_json", "vf.sleep", "vf.time", "vf.voices", "vf.node_types", "vf.checking", "vf.options", "pcall"] {
            #expect(documented.contains(fn), "no example uses \(fn)")
        }
    }

    @Test(arguments: DocExampleTests.examples.map(\.index))
    func exampleRuns(_ index: Int) throws {
        let example = Self.examples[index - 1]
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try VoxflowProcess.script(example.source, in: dir, name: "example\(index).lua")
        let r = try VoxflowProcess.run(["run", "--timeout", "60", path], stdin: "first line\nsecond line\n", cwd: dir)
        #expect(r.status == 0, "example \(index) under '\(example.heading)' failed:\n\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.contains(".partial-") })
    }
}
