/// A timed event that travels with the audio: a word, a phoneme, a bookmark.
///
/// Positions are in samples of the utterance's own timeline (sample 0 is the utterance's first
/// sample) at the rate of the chunk that carries the mark. A node that changes the rate maps
/// every mark with `rescaled(from:to:)`, which is exact integer arithmetic, so a mark keeps
/// pointing at the same instant through every node.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case word, phoneme, bookmark
    }
    public var kind: Kind
    public var text: String
    /// First sample of the event.
    public var start: Int
    /// One past its last sample (== start for an instant such as a bookmark).
    public var end: Int

    public init(_ kind: Kind, _ text: String, start: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
    }

    /// The same mark at another sample rate: positions scaled and rounded to the nearest sample.
    public func rescaled(from inRate: Int, to outRate: Int) -> Mark {
        guard inRate != outRate, inRate > 0 else { return self }
        func scale(_ x: Int) -> Int { (x * outRate + inRate / 2) / inRate }
        return Mark(kind, text, start: scale(start), end: scale(end))
    }

    public func shifted(by frames: Int) -> Mark {
        Mark(kind, text, start: start + frames, end: end + frames)
    }

    public var description: String { "\(kind.rawValue) \"\(text)\" [\(start), \(end))" }
}
