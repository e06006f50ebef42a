import VoxflowApp
import CSndfile

/// An audio file's length and format from its header, without reading the samples.
struct AudioFileInfo {
    var frames: Int
    var rate: Int
    var channels: Int

    static func read(_ path: String) -> AudioFileInfo? {
        var info = SF_INFO()
        guard let f = sf_open(path, Int32(SFM_READ), &info) else { return nil }
        sf_close(f)
        return AudioFileInfo(frames: Int(info.frames), rate: Int(info.samplerate), channels: Int(info.channels))
    }
}
