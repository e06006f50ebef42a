import Foundation
import VoxflowKit

/// One cached synthesis: the sink's chunks as they left the graph, with their marks.
///
/// On disk: `VFPC1\n`, one JSON line `{"rate", "channels", "chunks": [{"frames", "start", "marks": [[kind, text, start, end]]}]}`,
/// then every chunk's samples as little-endian 32-bit floats.
struct CachedPhrase: Sendable {
    var rate: Int
    var channels: Int
    var chunks: [AudioChunk]

    var frames: Int { chunks.reduce(0) { $0 + $1.samples.count } / max(channels, 1) }

    init(rate: Int, channels: Int, chunks: [AudioChunk]) {
        (self.rate, self.channels, self.chunks) = (rate, channels, chunks)
    }

    static let magic = Array("VFPC1\n".utf8)

    func encoded() -> Data {
        let meta: [String: Any] = [
            "rate": rate, "channels": channels,
            "chunks": chunks.map { c in
                ["frames": c.samples.count / max(channels, 1), "start": c.startFrame,
                 "marks": c.marks.map { [$0.kind.rawValue, $0.text, $0.start, $0.end] as [Any] }] as [String: Any]
            },
        ]
        var data = Data(Self.magic)
        data.append((try? JSONSerialization.data(withJSONObject: meta)) ?? Data())
        data.append(UInt8(ascii: "\n"))
        for c in chunks { c.samples.withUnsafeBufferPointer { data.append(Data(buffer: $0)) } }   // little-endian hosts only (x86-64, arm64)
        return data
    }

    init?(data: Data) {
        let bytes = [UInt8](data)
        guard bytes.starts(with: Self.magic), let nl = bytes[Self.magic.count...].firstIndex(of: UInt8(ascii: "\n")),
              let meta = (try? JSONSerialization.jsonObject(with: Data(bytes[Self.magic.count..<nl]))) as? [String: Any],
              let rate = meta["rate"] as? Int, let channels = meta["channels"] as? Int, channels > 0,
              let list = meta["chunks"] as? [[String: Any]] else { return nil }
        var offset = nl + 1
        var chunks: [AudioChunk] = []
        for c in list {
            guard let frames = c["frames"] as? Int, frames >= 0 else { return nil }
            let count = frames * channels
            guard offset + count * 4 <= bytes.count else { return nil }
            var samples = [Float](repeating: 0, count: count)
            samples.withUnsafeMutableBytes { dst in
                bytes.withUnsafeBytes { src in dst.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[offset..<offset + count * 4])) }
            }
            offset += count * 4
            let marks: [Mark] = (c["marks"] as? [[Any]] ?? []).compactMap { m in
                guard m.count == 4, let k = (m[0] as? String).flatMap(Mark.Kind.init), let t = m[1] as? String,
                      let s = m[2] as? Int, let e = m[3] as? Int else { return nil }
                return Mark(k, t, start: s, end: e)
            }
            chunks.append(AudioChunk(rate: rate, channels: channels, samples: samples, startFrame: c["start"] as? Int ?? 0, marks: marks))
        }
        guard offset == bytes.count else { return nil }
        self.init(rate: rate, channels: channels, chunks: chunks)
    }
}

/// Collects a synthesis's chunks on the sink's thread and stores them when, and only when, the
/// utterance completed with audio.
final class PhraseRecorder: @unchecked Sendable {
    private let cache: PhraseCache
    private let key: String
    private let rate: Int, channels: Int
    private let lock = NSLock()
    private var chunks: [AudioChunk] = []

    init(cache: PhraseCache, key: String, rate: Int, channels: Int) {
        (self.cache, self.key, self.rate, self.channels) = (cache, key, rate, channels)
    }

    /// Sink's streaming thread.
    func record(_ chunk: AudioChunk) { lock.withLock { chunks.append(chunk) } }

    /// Sink's streaming thread, at the utterance's end; `failed`: a node reported a failure on the way.
    func end(_ reason: EndReason, failed: Bool) {
        let all = lock.withLock { defer { chunks = [] }; return chunks }
        guard reason == .completed, !failed else { return }
        let phrase = CachedPhrase(rate: rate, channels: channels, chunks: all)
        guard phrase.frames > 0 else { return }
        cache.store(key, phrase)
    }
}
