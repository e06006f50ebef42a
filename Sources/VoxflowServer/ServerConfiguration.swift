import Foundation
import NIOCore

/// Limits that keep one client from taking the server down.
public struct ServerLimits: Sendable {
    /// Longest text of one request, in characters.
    public var maxTextLength = 5000
    /// Syntheses running at once; more wait in a queue.
    public var maxConcurrent = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
    /// Requests waiting for a synthesis slot; past that a request gets 503 with Retry-After.
    public var maxQueued = 64
    /// Longest a request waits in the queue before it gets 503.
    public var queueTimeout: Double = 30
    /// Longest one synthesis may take, start to end, in seconds.
    public var totalTimeout: Double = 120
    /// A connection with nothing to do (HTTP keep-alive, or a WebSocket with no request) is closed after this, in seconds.
    public var idleTimeout: Double = 60
    /// Largest request body or WebSocket message, in bytes.
    public var maxMessageBytes = 64 * 1024
    /// Audio chunks a stream may hold unsent before the engine waits for the client (backpressure).
    public var streamWindow = 8
    /// Largest complete (not streamed) response, in bytes; longer audio must be streamed.
    public var maxCompleteBytes = 256 * 1024 * 1024
    /// Requests one WebSocket connection may have waiting.
    public var maxPendingPerConnection = 16

    public init() {}
}

/// Everything `voxflow serve` is told.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 7860
    /// A copy of presets/say.lua; nil: the installed one.
    public var preset: String?
    /// Clients must send `Authorization: Bearer <token>` (or `?token=` on the WebSocket).
    public var token: String?
    public var limits = ServerLimits()
    /// The phrase cache's folder (`--cache`); nil: no cache.
    public var cacheDirectory: String?
    /// The most the phrase cache holds on disk, in bytes (`--cache-size`).
    public var cacheMaxBytes = 256 * 1024 * 1024

    public init() {}

    /// Loopback addresses: the only ones served without a token.
    public var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }

    /// Refuses a configuration that would expose the server without a token.
    public func validate() throws {
        if !isLoopback && token == nil {
            throw ServerError.tokenRequired(host: host)
        }
        if port < 0 || port > 65535 { throw ServerError.badPort(port) }
    }
}

public enum ServerError: Error, CustomStringConvertible {
    case tokenRequired(host: String)
    case badPort(Int)
    case tokenFile(path: String, message: String)
    case preset(String)

    public var description: String {
        switch self {
        case let .tokenRequired(host):
            return "binding to \(host) exposes the server beyond this machine: give --token-file FILE (a file holding a secret) so clients must send it as a bearer token"
        case let .badPort(p): return "port \(p) is not between 0 and 65535"
        case let .tokenFile(path, message): return "--token-file \(path): \(message)"
        case let .preset(m): return "the preset cannot serve: \(m)"
        }
    }

    /// Reads a token file: one line, at least 16 characters.
    public static func readToken(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let s = String(data: data, encoding: .utf8) else {
            throw ServerError.tokenFile(path: path, message: "cannot be read")
        }
        let token = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 16, !token.contains(where: \.isWhitespace) else {
            throw ServerError.tokenFile(path: path, message: "must hold one token of at least 16 characters and no spaces")
        }
        return token
    }
}

extension ServerConfiguration {
    /// Words for an error that stopped the server, naming the address and what to do.
    public func explain(_ error: Error) -> String {
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE: return "cannot listen on \(host):\(port): the port is in use (another voxflow serve?); choose another with --port"
            case EACCES: return "cannot listen on \(host):\(port): permission denied (ports below 1024 need privileges); choose another with --port"
            case EADDRNOTAVAIL: return "cannot listen on \(host):\(port): this machine has no such address; check --host"
            default: return "cannot listen on \(host):\(port): \(io)"
            }
        }
        return "\(error)"
    }
}
