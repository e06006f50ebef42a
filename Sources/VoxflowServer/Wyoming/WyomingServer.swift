import Foundation
import NIOCore
import NIOPosix
import Logging
import ServiceLifecycle

/// Where and to whom `voxflow serve --wyoming` listens.
public struct WyomingConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 10200
    /// Client addresses (IPv4 `a.b.c.d`, `a.b.c.d/nn`, or an exact IPv6 address) allowed off loopback.
    public var allow: [String] = []
    /// Announce `_wyoming._tcp` through avahi-publish (avahi-utils) when it is installed.
    public var zeroconf = false

    public init() {}

    /// `[HOST:]PORT`, as `--wyoming` takes it.
    public init(address: String) throws {
        var hostPart: Substring?
        var portPart = Substring(address)
        if let colon = address.lastIndex(of: ":") {
            hostPart = address[..<colon]
            portPart = address[address.index(after: colon)...]
        }
        guard let p = Int(portPart), (0...65535).contains(p) else {
            throw WyomingError.badAddress(address)
        }
        port = p
        if let h = hostPart, !h.isEmpty { host = String(h.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) }
    }

    var isLoopback: Bool { ["127.0.0.1", "localhost", "::1"].contains(host) || host.hasPrefix("127.") }

    /// Wyoming has no credentials (Home Assistant connects by address and port alone), so the HTTP
    /// server's bearer-token rule becomes an address rule: off loopback, only listed clients are served.
    public func validate() throws {
        if !isLoopback && allow.isEmpty { throw WyomingError.allowRequired(host: host) }
        for a in allow where AddressRule(a) == nil { throw WyomingError.badRule(a) }
    }
}

public enum WyomingError: Error, CustomStringConvertible {
    case badAddress(String)
    case allowRequired(host: String)
    case badRule(String)

    public var description: String {
        switch self {
        case let .badAddress(a): return "--wyoming \(a): give [HOST:]PORT, e.g. 10200 or 0.0.0.0:10200"
        case let .allowRequired(host):
            return "--wyoming on \(host) exposes speech beyond this machine, and Wyoming clients send no token: give --wyoming-allow ADDRESS[/BITS] (e.g. the Home Assistant host) for every client to serve"
        case let .badRule(r): return "--wyoming-allow \(r): give an IPv4 address, an IPv4 network such as 192.168.1.0/24, or an IPv6 address"
        }
    }
}

/// One `--wyoming-allow` entry.
struct AddressRule {
    let v4: (address: UInt32, mask: UInt32)?
    let exact: String?

    init?(_ rule: String) {
        let parts = rule.split(separator: "/", maxSplits: 1).map(String.init)
        if let a = Self.ipv4(parts[0]) {
            let bits = parts.count == 2 ? Int(parts[1]) : 32
            guard let bits, (0...32).contains(bits) else { return nil }
            let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
            v4 = (a & mask, mask)
            exact = nil
        } else if parts.count == 1, rule.contains(":") {
            v4 = nil
            exact = rule.lowercased()
        } else {
            return nil
        }
    }

    func matches(_ ip: String) -> Bool {
        if let v4, let a = Self.ipv4(ip.hasPrefix("::ffff:") ? String(ip.dropFirst(7)) : ip) { return a & v4.mask == v4.address }
        return exact == ip.lowercased()
    }

    static func ipv4(_ s: String) -> UInt32? {
        let p = s.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt32($0) }
        guard p.count == 4, p.allSatisfy({ $0 < 256 }) else { return nil }
        return p.reduce(0) { $0 << 8 | $1 }
    }
}

/// `voxflow serve --wyoming [HOST:]PORT`: a Wyoming TTS server beside (or instead of) HTTP, a
/// service of the same `ServiceGroup`, sharing the HTTP server's `ServerState`: its synthesizer,
/// limits, admission queue and metrics (endpoint "wyoming"). On graceful shutdown it stops
/// listening and closes its connections (a synthesis running on one is cancelled).
public struct WyomingServer: Service {
    let state: ServerState
    let configuration: WyomingConfiguration
    let onListening: @Sendable (Int) async -> Void

    public init(state: ServerState, configuration: WyomingConfiguration, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.state = state
        self.configuration = configuration
        self.onListening = onListening
    }

    public func run() async throws {
        let maxBytes = max(state.limits.maxMessageBytes, 4096)
        let rules = configuration.allow.compactMap(AddressRule.init)
        let loopbackOnly = configuration.isLoopback
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(WyomingDecoder(maxBytes: maxBytes)))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(WyomingEncoder()))
                    return try NIOAsyncChannel<WyomingEvent, WyomingEvent>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? configuration.port
        let announcer = configuration.zeroconf ? Zeroconf.announce(port: port, logger: state.logger) : nil
        defer { announcer?.terminate() }
        await onListening(port)
        let open = OpenWyomingSessions()
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { inbound in
                    for try await connection in inbound {
                        let peer = connection.channel.remoteAddress?.ipAddress ?? ""
                        if !loopbackOnly, !rules.contains(where: { $0.matches(peer) }), !peer.hasPrefix("127."), peer != "::1" {
                            state.logger.warning("wyoming: refused \(peer): not in --wyoming-allow")
                            connection.channel.close(promise: nil)
                            continue
                        }
                        group.addTask {
                            try? await connection.executeThenClose { inbound, outbound in
                                let session = WyomingSession(state: state, channel: connection.channel, outbound: outbound)
                                let key = open.add(session, connection.channel)
                                defer { open.remove(key) }
                                await session.run(inbound: inbound)
                            }
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
            for (session, channel) in open.all {
                Task { await session.stop() }
                channel.close(promise: nil)
            }
        }
    }
}

/// Connections open now, so that shutdown can close them.
final class OpenWyomingSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var sessions: [Int: (WyomingSession, any Channel)] = [:]
    func add(_ s: WyomingSession, _ c: any Channel) -> Int { lock.withLock { next += 1; sessions[next] = (s, c); return next } }
    func remove(_ key: Int) { lock.withLock { _ = sessions.removeValue(forKey: key) } }
    var all: [(WyomingSession, any Channel)] { lock.withLock { Array(sessions.values) } }
}

/// `_wyoming._tcp` on the local network through avahi-publish (Debian's avahi-utils), when installed.
enum Zeroconf {
    static func announce(port: Int, logger: Logger) -> Process? {
        let path = ["/usr/bin/avahi-publish", "/usr/local/bin/avahi-publish"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            logger.warning("wyoming: no zeroconf announcement: avahi-publish is not installed (Debian: avahi-utils, with avahi-daemon running)")
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["-s", "voxflow", "_wyoming._tcp", String(port)]
        p.standardOutput = FileHandle.nullDevice
        do { try p.run() } catch {
            logger.warning("wyoming: no zeroconf announcement: \(error)")
            return nil
        }
        return p
    }
}
