import Foundation
import HTTPTypes
import Hummingbird

/// Requires `Authorization: Bearer <token>` (or `?token=` where a browser cannot set headers:
/// the WebSocket) on every route but the page itself and `/health`, when a token is set.
struct BearerAuth<Context: RequestContext>: RouterMiddleware {
    let token: String
    static var open: Set<String> { ["/", "/health"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.open.contains(request.uri.path) { return try await next(request, context) }
        var given: Substring?
        if let h = request.headers[.authorization], h.lowercased().hasPrefix("bearer ") { given = h.dropFirst(7) }
        if given == nil, let q = request.uri.queryParameters["token"] { given = q }
        guard let given else {
            throw APIError(.unauthorized, "this server needs a token: send 'Authorization: Bearer <token>' (WebSocket: ?token=<token>)")
        }
        guard Self.equal(Array(given.utf8), Array(token.utf8)) else { throw APIError(.unauthorized, "the token is not valid") }
        return try await next(request, context)
    }

    /// Compares in time that does not depend on where the first difference is.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) { diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0) }
        return diff == 0
    }
}
