import Foundation

/// An ONNX file's `metadata_props` (the key/value pairs sherpa-onnx reads: model_type, sample_rate, n_speakers, …),
/// read and written without ONNX Runtime.
///
/// An ONNX model is a protobuf `ModelProto`; `metadata_props` is its repeated field 14 of `StringStringEntryProto`
/// (key = 1, value = 2). Reading walks the top-level fields of the memory-mapped file, skipping the graph without
/// touching its pages. Writing appends entries to a copy: protobuf merges repeated fields that appear later in the
/// stream, so the appended pairs join the model's own.
enum OnnxMetadata {
    /// The pairs in the file at `path`. Throws when it is not a readable protobuf.
    static func read(_ path: String) throws -> [String: String] {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw SherpaError.badFile(path: path, message: "cannot be read")
        }
        var out: [String: String] = [:]
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var r = Reader(bytes: raw)
            while !r.atEnd {
                guard let (field, wire) = r.tag() else { throw SherpaError.badFile(path: path, message: "is not an ONNX model (bad protobuf)") }
                if field == 14, wire == 2, let entry = r.lengthDelimited() {
                    var e = Reader(bytes: entry)
                    var key = "", value = ""
                    while !e.atEnd, let (f, w) = e.tag() {
                        if w == 2, let b = e.lengthDelimited() {
                            if f == 1 { key = String(decoding: b, as: UTF8.self) } else if f == 2 { value = String(decoding: b, as: UTF8.self) }
                        } else if !e.skip(w) { break }
                    }
                    out[key] = value
                } else if !r.skip(wire) {
                    throw SherpaError.badFile(path: path, message: "is not an ONNX model (bad protobuf)")
                }
            }
        }
        return out
    }

    /// Writes to `destination` (a new file) the bytes of `source` with `pairs` added to its metadata. `source` is only
    /// read, through any symlink: the user's model is never opened for writing. The caller makes `destination` appear
    /// atomically (it writes inside a cache entry's temporary folder).
    static func write(copyOf source: String, to destination: String, adding pairs: [(String, String)]) throws {
        guard let model = try? Data(contentsOf: URL(fileURLWithPath: source), options: .alwaysMapped) else {
            throw SherpaError.badFile(path: source, message: "cannot be read")
        }
        var extra = Data()
        for (k, v) in pairs {
            var entry = Data()
            entry.append(0x0A); entry.append(varint(k.utf8.count)); entry.append(contentsOf: Array(k.utf8))
            entry.append(0x12); entry.append(varint(v.utf8.count)); entry.append(contentsOf: Array(v.utf8))
            extra.append(0x72); extra.append(varint(entry.count)); extra.append(entry)
        }
        do {
            guard FileManager.default.createFile(atPath: destination, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let h = try FileHandle(forWritingTo: URL(fileURLWithPath: destination))
            defer { try? h.close() }
            try h.write(contentsOf: model)
            try h.write(contentsOf: extra)
        } catch {
            throw SherpaError.badFile(path: destination, message: "cannot be written (\(error.localizedDescription))")
        }
    }

    private static func varint(_ n: Int) -> Data {
        var v = UInt64(n), out = Data()
        repeat {
            var b = UInt8(v & 0x7F)
            v >>= 7
            if v != 0 { b |= 0x80 }
            out.append(b)
        } while v != 0
        return out
    }

    /// A cursor over protobuf bytes.
    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at = 0
        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
        var atEnd: Bool { at >= bytes.count }

        mutating func varint() -> UInt64? {
            var v: UInt64 = 0, shift: UInt64 = 0
            while at < bytes.count, shift < 64 {
                let b = bytes[at]
                at += 1
                v |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return v }
                shift += 7
            }
            return nil
        }

        mutating func tag() -> (Int, Int)? {
            guard let t = varint() else { return nil }
            return (Int(t >> 3), Int(t & 7))
        }

        mutating func lengthDelimited() -> UnsafeRawBufferPointer? {
            guard let n = varint(), Int(n) <= bytes.count - at else { return nil }
            let b = UnsafeRawBufferPointer(rebasing: bytes[at..<at + Int(n)])
            at += Int(n)
            return b
        }

        mutating func skip(_ wire: Int) -> Bool {
            switch wire {
            case 0: return varint() != nil
            case 1: at += 8
            case 2: return lengthDelimited() != nil
            case 5: at += 4
            default: return false
            }
            return at <= bytes.count
        }
    }
}
