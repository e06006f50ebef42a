import Foundation
import Hummingbird

/// An error a client sees: an HTTP status and a JSON body shaped like OpenAI's, so every client
/// (ours, OpenAI's SDKs) reads it the same way:
/// `{"error": {"message": "...", "type": "invalid_request_error", "param": "voice", "code": null}}`.
public struct APIError: HTTPResponseError, CustomStringConvertible, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    /// The request field at fault, when one is.
    public var field: String?
    /// Seconds a client should wait before retrying (503 only).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public static func badField(_ field: String, _ message: String) -> APIError {
        APIError(.badRequest, "\(field): \(message)", field: field)
    }

    public var description: String { message }

    var type: String {
        switch status.code {
        case 401: return "authentication_error"
        case 404: return "not_found_error"
        case 413: return "request_too_large"
        case 429, 503: return "server_busy"
        case 400..<500: return "invalid_request_error"
        default: return "server_error"
        }
    }

    /// The JSON body, also sent as a WebSocket `error` event.
    var json: [String: Any] {
        ["message": message, "type": type, "param": field ?? NSNull(), "code": status.code]
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let r = retryAfter { headers[.retryAfter] = String(r) }
        let body = (try? JSONSerialization.data(withJSONObject: ["error": json], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
