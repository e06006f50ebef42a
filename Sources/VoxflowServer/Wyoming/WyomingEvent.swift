import Foundation
import NIOCore

/// One Wyoming event: a JSON header line (`type`, `version`, `data_length`, `payload_length`, and
/// possibly inline `data`), then `data_length` bytes of JSON data, then `payload_length` bytes of
/// payload (audio). The protocol of Home Assistant's voice pipeline and wyoming-piper.
struct WyomingEvent: @unchecked Sendable {
    var type: String
    var data: [String: Any]
    var payload: [UInt8]?

    init(_ type: String, _ data: [String: Any] = [:], payload: [UInt8]? = nil) {
        self.type = type
        self.data = data
        self.payload = payload
    }

    /// The version written in every header; clients read but do not check it.
    static let version = "1.8.0"
}

/// What a malformed stream is told before its connection closes.
enum WyomingFrameError: Error, CustomStringConvertible {
    case tooLarge(Int, limit: Int)
    case badHeader(String)

    var description: String {
        switch self {
        case let .tooLarge(n, limit): return "an event of \(n) bytes is larger than this server takes (\(limit), --max-message)"
        case let .badHeader(m): return "not a Wyoming event header: \(m)"
        }
    }
}

/// Bytes → events. Refuses a header, data or payload larger than `maxBytes` before buffering it.
struct WyomingDecoder: ByteToMessageDecoder {
    typealias InboundOut = WyomingEvent
    let maxBytes: Int

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let nl = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > maxBytes { throw WyomingFrameError.tooLarge(buffer.readableBytes, limit: maxBytes) }
            return .needMoreData
        }
        let lineLength = nl - view.startIndex
        guard let header = (try? JSONSerialization.jsonObject(with: Data(view[view.startIndex..<nl]))) as? [String: Any] else {
            throw WyomingFrameError.badHeader(String(decoding: view[view.startIndex..<nl].prefix(80), as: UTF8.self))
        }
        guard let type = header["type"] as? String else { throw WyomingFrameError.badHeader("no \"type\"") }
        let dataLength = (header["data_length"] as? Int) ?? 0
        let payloadLength = (header["payload_length"] as? Int) ?? 0
        guard dataLength >= 0, payloadLength >= 0 else { throw WyomingFrameError.badHeader("negative length") }
        let total = lineLength + 1 + dataLength + payloadLength
        if total > maxBytes { throw WyomingFrameError.tooLarge(total, limit: maxBytes) }
        guard buffer.readableBytes >= total else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: lineLength + 1)
        var data = header["data"] as? [String: Any] ?? [:]
        if dataLength > 0 {
            let bytes = buffer.readBytes(length: dataLength) ?? []
            guard let more = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
                throw WyomingFrameError.badHeader("its data is not a JSON object")
            }
            data.merge(more) { _, new in new }
        }
        let payload = payloadLength > 0 ? buffer.readBytes(length: payloadLength) : nil
        context.fireChannelRead(wrapInboundOut(WyomingEvent(type, data, payload: payload)))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}

/// Events → bytes.
struct WyomingEncoder: MessageToByteEncoder {
    typealias OutboundIn = WyomingEvent

    func encode(data event: WyomingEvent, out: inout ByteBuffer) throws {
        var header: [String: Any] = ["type": event.type, "version": WyomingEvent.version]
        var body: Data?
        if !event.data.isEmpty {
            body = try JSONSerialization.data(withJSONObject: event.data, options: [.sortedKeys, .withoutEscapingSlashes])
            header["data_length"] = body!.count
        }
        if let p = event.payload, !p.isEmpty { header["payload_length"] = p.count }
        out.writeBytes(try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys, .withoutEscapingSlashes]))
        out.writeInteger(UInt8(ascii: "\n"))
        if let body { out.writeBytes(body) }
        if let p = event.payload, !p.isEmpty { out.writeBytes(p) }
    }
}
