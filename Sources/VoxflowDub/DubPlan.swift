import Foundation
import VoxflowApp
import VoxflowKit

/// One cue as planned: its slot, voice, the controls it is rendered with and its cache key.
public struct DubLine: Sendable {
    public var cue: Cue
    /// Seconds the line may take: end − start, or up to the next cue's start with `borrowGap`.
    public var slot: Double
    public var voice: String
    /// nil: the cue has nothing to say.
    public var key: String?
    public var controls: Controls
    /// Remarks from planning (an empty slot), for the report.
    public var notes: [String] = []
}

/// Cues → lines: slots, voices, controls (`duration` = the slot, the fit policy, `tag` = the key)
/// and keys. The key is SHA-256 of the text, the voice, every control that shapes the audio and
/// the graph's fingerprint (nodes, parameters, rates, plugin versions), so two cues share a
/// rendering exactly when they would sound the same.
enum DubPlan {
    /// The shortest target duration Voxflow asks for (a slot of zero length gets this, and a note).
    static let shortestTarget = 0.05

    static func lines(cues: [Cue], options: DubOptions, voices: DubVoices, fingerprint: String) -> [DubLine] {
        let starts = cues.map(\.start).sorted()
        return cues.map { cue in
            var slot = cue.end - cue.start
            if options.borrowGap {
                // Up to the next cue's start; a cue that another one starts inside keeps its own end.
                if let next = starts.first(where: { $0 > cue.start }) {
                    slot = max(slot, next - cue.start)
                } else if let length = options.length {
                    slot = max(slot, length - cue.start)
                }
            }
            let voice = voices.voice(for: cue.speaker)
            var line = DubLine(cue: cue, slot: slot, voice: voice, key: nil, controls: Controls(voice: voice))
            guard cue.text.contains(where: { !$0.isWhitespace }) else {
                line.notes.append("nothing to say")
                return line
            }
            var target = slot
            if target < shortestTarget {
                line.notes.append(String(format: "the slot is %.3f s long; asked for %.2f s", slot, shortestTarget))
                target = shortestTarget
            }
            line.controls.duration = target
            line.controls.fitPolicy = options.fit
            let key = Self.key(text: cue.text, controls: line.controls, fingerprint: fingerprint)
            line.key = key
            line.controls.tag = key
            return line
        }
    }

    static func key(text: String, controls c: Controls, fingerprint: String) -> String {
        let fields = [
            "voxflow-dub-cache 1", fingerprint, "text=\(text)", "voice=\(c.voice ?? "")",
            "rate=\(c.rate)", "pitch=\(c.pitch)", "volume=\(c.volume)", "language=\(c.language ?? "")",
            "emotion=\(c.emotion ?? "")", "intensity=\(c.intensity)",
            "duration=\(c.duration.map { String(format: "%.6f", $0) } ?? "")",
            "ratio=\(c.ratio.map { String(format: "%.6f", $0) } ?? "")",
            "max_duration=\(c.maxDuration.map { String(format: "%.6f", $0) } ?? "")", "fit=\(c.fitPolicy.rawValue)",
        ]
        return SHA256.hex(fields.joined(separator: "\n"))
    }
}
