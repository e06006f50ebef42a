import VoxflowGraph
import VoxflowKit
import VoxflowText

/// What `voxflow say` asks for; `presets/say.lua` turns it into a graph (see `SayPreset`).
public struct SayOptions: Sendable, Hashable {
    public var output: String
    /// Voice name; nil: the engine's default.
    public var voice: String?
    /// Language of unlabelled text: "auto" (English and Mandarin runs detected) or a BCP 47 tag.
    public var language: String = "auto"
    /// Read SSML and inline tags; false (`--plain`): every character is text.
    public var markup: Bool = true
    public var rate: Double = 1
    public var pitch: Double = 0
    public var sampleRate: Int = 48_000
    public var channels: Int = 1
    public var encoding: String = "pcm16"
    public var autoResample: Bool = true
    /// Play into JACK instead of writing `output`.
    public var jack = false
    /// With `jack`: connect to input ports matching this pattern.
    public var connect: String?
    /// Stream to the host (`sink.stream`, the server) instead of writing `output`.
    public var stream = false

    public init(output: String) { self.output = output }
}
