import Foundation
import Testing
import VoxflowTestSupport

/// espeak-ng's voice list is kept on disk so that a run which never speaks with espeak-ng does not load it: the kept
/// list gives the same voices, and a list whose data folders changed is read afresh.
@Suite struct EspeakListingCLITests {
    @Test func theKeptListMatchesAFreshOneAndIsRenewedWhenEspeakChanges() throws {
        let dir = try VoxflowProcess.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["VOXFLOW_CACHE_DIR": dir.path]
        let file = dir.appendingPathComponent("espeak-voices.json")
        let fresh = try VoxflowProcess.run(["voices", "--engine", "espeak", "--json"], env: env)
        #expect(fresh.status == 0 && FileManager.default.fileExists(atPath: file.path), "\(fresh.stderr)")
        let kept = try VoxflowProcess.run(["voices", "--engine", "espeak", "--json"], env: env)
        #expect(kept.stdout == fresh.stdout && kept.stdout.contains("cmn-latn-pinyin"))

        // As if espeak-ng's data had changed since: the stamps no longer match, so the list is read again and rewritten.
        var doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let stamps = try #require(doc["stamps"] as? [String: Int])
        doc["stamps"] = stamps.mapValues { $0 - 1000 }
        doc["voices"] = [] as [Any]
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        let renewed = try VoxflowProcess.run(["voices", "--engine", "espeak", "--json"], env: env)
        #expect(renewed.stdout == fresh.stdout, "a stale list is not used")
        let again = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(again["stamps"] as? [String: Int] == stamps && (again["voices"] as? [Any])?.isEmpty == false)
    }
}
