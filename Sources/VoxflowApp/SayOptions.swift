import VoxflowGraph
import VoxflowKit

/// What `voxflow say` asks for; `presets/say.lua` turns it into a graph (see `SayPreset`).
public struct SayOptions: Sendable {
    public var output: String
    public var voice: String = "rms"
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

    public init(output: String) { self.output = output }
}
