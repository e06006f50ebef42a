import Foundation
import Testing
import VoxflowApp
import VoxflowTestSupport

/// The host chooses voices by language and quality tier, never by name: no engine's node type and no engine's named
/// voice (its defaults, its non-formant voices) appears anywhere in Sources/ (test support aside). A new engine plugin
/// then needs no host edit.
@Suite struct NoEngineNamesTests {
    @Test func sourcesNameNoEngineAndNoVoice() throws {
        let voxflow = Voxflow()
        var names = Set<String>()
        for engine in voxflow.voiceDirectory.engines {
            names.insert(engine.name)
            for v in engine.voices where v.isDefault || v.quality != .formant { names.insert(v.name) }
        }
        #expect(names.isSuperset(of: ["acoustic.flite", "acoustic.espeak", "rms", "slt"]), "\(names.sorted())")
        let sources = VoxflowProcess.repo.appendingPathComponent("Sources")
        var found: [String] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where ["swift", "lua", "c", "h"].contains(url.pathExtension) {
            guard !url.path.contains("/VoxflowTestSupport/") else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for name in names where line.range(of: "(?<![A-Za-z0-9_.-])" + NSRegularExpression.escapedPattern(for: name) + "(?![A-Za-z0-9_-])",
                                                   options: .regularExpression) != nil {
                    found.append("\(url.path.replacingOccurrences(of: sources.path + "/", with: "")):\(i + 1): \(name)")
                }
            }
        }
        #expect(found.isEmpty, "engine or voice names in Sources/:\n\(found.joined(separator: "\n"))")
    }
}
