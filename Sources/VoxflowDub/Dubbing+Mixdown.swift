import Foundation
import VoxflowApp

extension Dubbing {
    /// Writes the mix and, with `stems`, one track per speaker (only that speaker's lines, on the
    /// same timeline), in one pass over the lines in order of their placed start. Every file is
    /// written under a temporary name and renamed into place once complete. Returns speaker
    /// ("" for cues without one) → stem path.
    func mixdown(lines: [DubLine], takes: [String: DubTake], timeline: DubTimeline, rate: Int) throws -> [String: String] {
        let channels = takes.values.first?.channels ?? 1
        var tracks: [DubTrack] = []
        defer { for t in tracks { t.writer.discard() } }   // after an error (committed files stay)
        let mix = DubTrack(writer: try PartialAudioWriter(path: options.output, rate: rate, channels: channels, encoding: options.encoding))
        tracks.append(mix)
        var stems: [String: DubTrack] = [:]
        var stemPaths: [String: String] = [:]
        if let folder = options.stems {
            let ext = URL(fileURLWithPath: options.output).pathExtension
            var used = Set<String>()
            for speaker in Set(timeline.items.map { lines[$0.line].cue.speaker ?? "" }).sorted() {
                var name = Self.fileName(forSpeaker: speaker), k = 2
                while used.contains(name) { name = Self.fileName(forSpeaker: speaker) + "-\(k)"; k += 1 }
                used.insert(name)
                let path = folder + "/" + name + "." + ext
                let track = DubTrack(writer: try PartialAudioWriter(path: path, rate: rate, channels: channels, encoding: options.encoding))
                tracks.append(track)
                stems[speaker] = track
                stemPaths[speaker] = path
            }
        }
        for item in timeline.items {
            let l = lines[item.line]
            let path = cache.audioPath(l.key!)
            let file: AudioFile
            do { file = try AudioFile.read(path) } catch { throw DubError.cache(cache.folder, "cannot read \(path): \(error)") }
            guard file.channels == channels else { throw DubError.cache(cache.folder, "\(path) has \(file.channels) channels, expected \(channels)") }
            try mix.add(file.samples, at: item.placed)
            try stems[l.cue.speaker ?? ""]?.add(file.samples, at: item.placed)
        }
        for t in tracks { try t.finish(frames: timeline.frames) }
        return stemPaths
    }

    /// A speaker's name made safe for a file name; "no-speaker" for cues without one.
    static func fileName(forSpeaker speaker: String) -> String {
        guard !speaker.isEmpty else { return "no-speaker" }
        var s = String(speaker.map { $0.isLetter || $0.isNumber || "-_ ".contains($0) ? $0 : "_" })
        if s.hasPrefix(".") { s = "_" + s }
        return s
    }
}
