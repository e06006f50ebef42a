import Foundation
import ServiceLifecycle

/// The WebSocket sessions open now, so that shutdown can tell each of them.
final class OpenSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [ObjectIdentifier: WebSocketSession] = [:]
    func add(_ key: ObjectIdentifier, _ s: WebSocketSession) { lock.withLock { sessions[key] = s } }
    func remove(_ key: ObjectIdentifier) { lock.withLock { _ = sessions.removeValue(forKey: key) } }
    var all: [WebSocketSession] { lock.withLock { Array(sessions.values) } }
}

/// A service that does nothing until shutdown, then cancels every WebSocket session's speech and
/// tells its client why (an `error` event, close code 1001) before the HTTP server stops. Listed
/// after the application in the service group, it is shut down first.
public struct SessionCloser: Service {
    let state: ServerState
    public init(state: ServerState) { self.state = state }

    public func run() async throws {
        try? await gracefulShutdown()
        await withTaskGroup(of: Void.self) { group in
            for s in state.sessions.all { group.addTask { await s.shutDown() } }
        }
    }
}
