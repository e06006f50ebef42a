import CSndfile
import VoxflowKit

/// A libsndfile major format and encoding, chosen from the path's extension or by name.
struct FileFormat {
    let name: String
    let sfFormat: Int32

    init(path: String, format: String, encoding: String) throws {
        var kind = format
        if kind == "auto" {
            let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            switch ext {
            case "wav", "wave": kind = "wav"
            case "flac": kind = "flac"
            case "ogg", "oga": kind = "ogg"
            default:
                let what = path.contains(".") ? "ends in .\(ext), a format Voxflow does not write" : "has no extension"
                throw NodeError.parameter(name: "path", message: "\"\(path)\" \(what); use .wav, .flac or .ogg, or set format")
            }
        }
        let sub: Int
        switch (kind, encoding) {
        case ("ogg", _): sub = SF_FORMAT_VORBIS
        case ("flac", "float"):
            throw NodeError.parameter(name: "encoding", message: "float is not available for FLAC; use pcm16 or pcm24")
        case (_, "pcm24"): sub = SF_FORMAT_PCM_24
        case (_, "float"): sub = SF_FORMAT_FLOAT
        default: sub = SF_FORMAT_PCM_16
        }
        let major = kind == "wav" ? SF_FORMAT_WAV : kind == "flac" ? SF_FORMAT_FLAC : SF_FORMAT_OGG
        name = kind
        sfFormat = Int32(major | sub)
    }
}
