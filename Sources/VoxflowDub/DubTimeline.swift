import Foundation
import VoxflowApp

/// Where each line's audio goes on the output's timeline, in frames.
///
/// Every line starts at its cue's time, `round(start × rate)`, exactly. When a line's audio still
/// plays at the next line's start, `mix` sums the two (and notes it on the later line), `shift`
/// starts the later line when the earlier one ends (and notes by how much; later lines may be
/// pushed in turn). The timeline lasts until the last cue's end, the requested length, or the end
/// of the last audio, whichever is latest.
struct DubTimeline {
    struct Item {
        /// Index of the line (in cue order).
        var line: Int
        var cueNumber: Int
        var requested: Int
        var frames: Int
        var placed: Int
        var notes: [String] = []
        var end: Int { placed + frames }
        var shift: Int { placed - requested }
    }

    private(set) var items: [Item] = []
    let frames: Int
    let overlaps: Int
    let shifted: Int

    /// `audio`: for every line with audio, (line index, cue number, cue start in seconds, frames).
    init(audio: [(line: Int, cue: Int, start: Double, frames: Int)], lastCueEnd: Double, length: Double?,
         overlap: DubOverlap, rate: Int) {
        let r = Double(rate)
        func seconds(_ f: Int) -> String { String(format: "%.3f s", Double(f) / r) }
        var list = audio.map { Item(line: $0.line, cueNumber: $0.cue, requested: Int(($0.start * r).rounded()), frames: $0.frames, placed: 0) }
        list.sort { ($0.requested, $0.line) < ($1.requested, $1.line) }
        var playingUntil = 0, playingCue = 0, overlaps = 0, shifted = 0
        for i in list.indices {
            var item = list[i]
            item.placed = item.requested
            if playingUntil > item.requested {
                let late = playingUntil - item.requested
                switch overlap {
                case .mix:
                    overlaps += 1
                    item.notes.append("overlaps cue \(playingCue), which plays \(seconds(late)) into it; mixed")
                case .shift:
                    shifted += 1
                    item.placed = playingUntil
                    item.notes.append("shifted \(seconds(late)) later: cue \(playingCue) plays until \(seconds(playingUntil))")
                }
            }
            if item.end > playingUntil {
                playingUntil = item.end
                playingCue = item.cueNumber
            }
            list[i] = item
        }
        items = list
        self.overlaps = overlaps
        self.shifted = shifted
        frames = max(Int((lastCueEnd * r).rounded()), Int(((length ?? 0) * r).rounded()), playingUntil)
    }
}
