import Foundation
import Hummingbird
import VoxflowApp

/// `GET /api/models`, `POST /api/models/unload {"path": …}` (no path: every model),
/// `POST /api/models/reload {"path": …}`: neural models stay loaded between requests, shared by
/// every synthesis; these swap them without restarting the server. They wait for a phrase being
/// rendered with the model, so they run off the request's event loop.
extension ServerState {
    func addModelRoutes(to router: Router<some RequestContext>) {
        router.get("/api/models") { _, _ in
            try await self.counting("models") { try self.json(["models": self.models()]) }
        }
        router.post("/api/models/unload") { request, context in
            try await self.counting("models") {
                let f = try JSONFields(data: try await self.body(of: request, context: context, allowEmpty: true), allowed: ["path"])
                let path = try f.string("path")
                let vf = self.synthesizer.voxflow
                let n = await Self.offLoop { vf.unloadModels(path: path) }
                if let path, n == 0 { throw APIError(.notFound, "path: no loaded model matches '\(path)'; GET /api/models lists them", field: "path") }
                return try self.json(["unloaded": n, "models": self.models()])
            }
        }
        router.post("/api/models/reload") { request, context in
            try await self.counting("models") {
                let f = try JSONFields(data: try await self.body(of: request, context: context), allowed: ["path"])
                guard let path = try f.string("path") else { throw APIError.badField("path", "is required (a model path or a voice name)") }
                let vf = self.synthesizer.voxflow
                let failure: String? = await Self.offLoop {
                    do { try vf.reloadModel(path: path); return nil } catch { return "\(error)" }
                }
                if let failure { throw APIError(.unprocessableContent, "path: \(failure)", field: "path") }
                return try self.json(["reloaded": path, "models": self.models()])
            }
        }
    }

    func models() -> [[String: Any]] {
        synthesizer.voxflow.loadedModels().map {
            ["engine": $0.engine, "path": $0.path, "voice": $0.voice, "sample_rate": $0.sampleRate, "speakers": $0.speakers,
             "users": $0.users, "load_seconds": $0.loadSeconds]
        }
    }

    /// Runs blocking control-thread work on a plain thread, not on Swift's cooperative pool.
    static func offLoop<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { c in DispatchQueue.global().async { c.resume(returning: work()) } }
    }
}
