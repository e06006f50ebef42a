import CSndfile

/// A whole audio file read through libsndfile, as interleaved float samples.
public struct AudioFile: Sendable {
    public var rate: Int
    public var channels: Int
    public var samples: [Float]
    /// libsndfile's major format name: "WAV", "FLAC", "OGG".
    public var container: String
    /// Bits per sample for PCM, 32 for float, 0 for compressed.
    public var bits: Int

    public var frames: Int { samples.count / max(channels, 1) }
    public var seconds: Double { Double(frames) / Double(rate) }

    public enum ReadError: Error, CustomStringConvertible {
        case cannotOpen(String, String)
        public var description: String {
            switch self { case let .cannotOpen(p, why): return "\(p): \(why)" }
        }
    }

    public static func read(_ path: String) throws -> AudioFile {
        var info = SF_INFO()
        guard let f = sf_open(path, Int32(SFM_READ), &info) else {
            throw ReadError.cannotOpen(path, String(cString: sf_strerror(nil)))
        }
        defer { sf_close(f) }
        var samples = [Float](repeating: 0, count: Int(info.frames) * Int(info.channels))
        let got = samples.withUnsafeMutableBufferPointer { Int(sf_readf_float(f, $0.baseAddress, info.frames)) }
        samples.removeLast(samples.count - got * Int(info.channels))
        let major = Int(info.format) & SF_FORMAT_TYPEMASK, sub = Int(info.format) & SF_FORMAT_SUBMASK
        let container = major == SF_FORMAT_WAV ? "WAV" : major == SF_FORMAT_FLAC ? "FLAC" : major == SF_FORMAT_OGG ? "OGG" : "other"
        let bits = sub == SF_FORMAT_PCM_16 ? 16 : sub == SF_FORMAT_PCM_24 ? 24 : sub == SF_FORMAT_FLOAT ? 32 : 0
        return AudioFile(rate: Int(info.samplerate), channels: Int(info.channels), samples: samples, container: container, bits: bits)
    }
}
