import Hummingbird

/// Every error leaves as the JSON body an `APIError` has, also those Hummingbird raises itself
/// (no such route: 404, wrong method: 405), so a client parses one error shape everywhere.
struct JSONErrors<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let e as APIError {
            throw e
        } catch let e as HTTPError {
            throw APIError(e.status, e.body ?? (e.status == .notFound ? "no such endpoint: \(request.method) \(request.uri.path); see GET / and docs/server.md" : e.status.reasonPhrase))
        }
    }
}
