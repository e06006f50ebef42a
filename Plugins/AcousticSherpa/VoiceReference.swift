import Foundation

/// A voice given by example: `voice = {reference = "ref.wav", text = "what the recording says"}` (a Lua table, which
/// reaches the node as JSON in its `voice` parameter).
///
/// Engines that clone (ZipVoice) are handed the recording and its transcript. For the others, the recording's median
/// pitch and pitch range are measured (`PitchAnalysis`) and set the voice's pitch controls: the median becomes a pitch
/// shift relative to the voice's own median (applied by vocoder.stretch where the model cannot shift), the range a
/// pitch-range factor. That is an approximation of the speaker — same register, not the same timbre.
struct VoiceReference: Sendable, Hashable {
    var path: String
    var text: String

    /// Mono samples of the reference recording.
    struct Audio: Sendable {
        var samples: [Float]
        var rate: Int
        var text: String
    }

    /// nil when `value` is not a reference table (a plain voice name or path).
    static func parse(_ value: String) throws -> VoiceReference? {
        let t = value.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("{") else { return nil }
        guard let obj = try? JSONSerialization.jsonObject(with: Data(t.utf8)) as? [String: Any] else {
            throw SherpaError.reference(path: t, message: "voice table is not valid: expected {reference = \"file.wav\", text = \"…\"}")
        }
        guard let path = obj["reference"] as? String, !path.isEmpty else {
            throw SherpaError.reference(path: t, message: "voice table has no `reference` (a WAV file)")
        }
        return VoiceReference(path: path, text: obj["text"] as? String ?? "")
    }

    /// Reads the recording (16/24/32-bit PCM or 32-bit float WAV, mixed to mono). Throws naming the file.
    func load() throws -> Audio {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SherpaError.reference(path: path, message: "missing; give the path of a WAV recording of the voice")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SherpaError.reference(path: path, message: "cannot be read")
        }
        let (samples, rate) = try WaveReader.read(data, path: path)
        guard samples.count >= rate / 2 else {
            throw SherpaError.reference(path: path, message: "is shorter than 0.5 s; give a few seconds of speech")
        }
        return Audio(samples: samples, rate: rate, text: text)
    }
}

/// A minimal RIFF/WAVE reader: PCM 16/24/32-bit integer and 32-bit float, any channel count (mixed to mono).
enum WaveReader {
    static func read(_ d: Data, path: String) throws -> ([Float], Int) {
        let b = [UInt8](d)
        func u32(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        guard b.count >= 12, b[0..<4] == [0x52, 0x49, 0x46, 0x46], b[8..<12] == [0x57, 0x41, 0x56, 0x45] else {
            throw SherpaError.reference(path: path, message: "is not a WAV file (convert it: sox IN.mp3 -b 16 OUT.wav)")
        }
        var at = 12, format = 0, channels = 0, rate = 0, bits = 0
        var dataRange: Range<Int>?
        while at + 8 <= b.count {
            let id = String(decoding: b[at..<at + 4], as: UTF8.self), size = u32(at + 4)
            let body = at + 8
            if id == "fmt ", body + 16 <= b.count {
                format = u16(body); channels = u16(body + 2); rate = u32(body + 4); bits = u16(body + 14)
                if format == 0xFFFE, body + 26 <= b.count { format = u16(body + 24) }
            } else if id == "data" {
                dataRange = body..<min(b.count, body + size)
            }
            at = body + size + (size & 1)
        }
        guard let r = dataRange, channels > 0, rate > 0, (format == 1 && [16, 24, 32].contains(bits)) || (format == 3 && bits == 32) else {
            throw SherpaError.reference(path: path, message: "is a WAV encoding this reader does not take (use 16-bit PCM)")
        }
        let step = bits / 8, frames = r.count / (step * channels)
        var out = [Float](repeating: 0, count: frames)
        for f in 0..<frames {
            var s: Float = 0
            for c in 0..<channels {
                let i = r.lowerBound + (f * channels + c) * step
                switch (format, bits) {
                case (1, 16): s += Float(Int16(bitPattern: UInt16(u16(i)))) / 32768
                case (1, 24): s += Float(Int32(bitPattern: UInt32(Int(b[i]) << 8 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 24)) >> 8) / 8_388_608
                case (1, 32): s += Float(Int32(bitPattern: UInt32(u32(i)))) / 2_147_483_648
                default: s += Float(bitPattern: UInt32(u32(i)))
                }
            }
            out[f] = s / Float(channels)
        }
        return (out, rate)
    }
}
