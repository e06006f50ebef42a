import VoxflowKit

/// Text runs, inline tags and pinyin overrides.
extension SSMLReader {

    mutating func addText(_ text: String, at start: Int) throws {
        var frame = stack.last!
        defer { stack[stack.count - 1] = frame }
        if frame.reading != nil {
            // Text under say-as, sub or phoneme is taken as a whole.
            guard !text.allSatisfy(\.isWhitespace) else { return }
            append(.text(text), frame, at: start)
            frame.hadText = true
            return
        }
        let inline = InlineScanner(text: Array(text), origin: start, src: src)
        for item in try inline.items() {
            switch item.kind {
            case let .text(s): append(.text(s), frame, at: item.at)
            case let .tag(name, value): try applyTag(name, value, at: item.at, to: &frame)
            case let .override(written, syllables):
                var f = frame
                f.reading = .pinyin(syllables)
                append(.text(written), f, at: item.at)
            }
        }
    }

    mutating func applyTag(_ name: String, _ value: String, at: Int, to frame: inout SSMLFrame) throws {
        switch name {
        case "emotion":
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            let e = parts[0].lowercased()
            if Emotion.neutralNames.contains(e) {
                frame.style.emotion = nil
                frame.style.intensity = nil
                return
            }
            guard Emotion(rawValue: e) != nil else {
                throw src.error(at, "unknown emotion \"\(parts[0])\" (known: \(Emotion.names), or neutral)")
            }
            var intensity: Double?
            if parts.count == 2 {
                guard let v = Double(parts[1]), (0...1).contains(v) else {
                    throw src.error(at, "emotion intensity \"\(parts[1])\" must be a number from 0 to 1, as in [emotion=\(e):0.6]")
                }
                intensity = v
            }
            frame.style.emotion = e
            frame.style.intensity = intensity
        case "pause":
            append(.pause(try pause(value, at: at)), frame, at: at)
        case "rate":
            guard let v = MarkupValues.rate(value), (0.25...4).contains(v) else {
                throw src.error(at, "rate \"\(value)\" must be a multiplier from 0.25 to 4, as in [rate=1.2]")
            }
            frame.style.rate = frame.base.rate * v
        case "pitch":
            guard let v = MarkupValues.pitch(value), abs(v) <= 12 else {
                throw src.error(at, "pitch \"\(value)\" must be semitones from -12st to +12st, as in [pitch=+2st]")
            }
            frame.style.pitch = frame.base.pitch + v
        case "volume":
            guard let v = MarkupValues.volume(value), v <= 8 else {
                throw src.error(at, "volume \"\(value)\" must be a gain from 0 to 8 or decibels, as in [volume=0.8] or [volume=-3dB]")
            }
            frame.style.volume = frame.base.volume * v
        default:
            throw src.error(at, "unknown tag [\(name)=…] (known: \(InlineScanner.tags.sorted().joined(separator: ", ")))")
        }
    }
}
