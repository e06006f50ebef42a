import VoxflowGraph
import VoxflowKit

/// What `voxflow say` (and anything else that speaks text into a file) asks for.
public struct SayOptions: Sendable {
    public var output: String
    public var voice: String = "rms"
    public var rate: Double = 1
    public var pitch: Double = 0
    public var sampleRate: Int = 48_000
    public var channels: Int = 1
    public var encoding: String = "pcm16"
    public var autoResample: Bool = true

    public init(output: String) { self.output = output }

    /// The default speaking graph:
    /// ```
    /// text.normalize → prosody.tag → acoustic.flite → vocoder.passthrough → (resample) → sink.file
    /// ```
    public var graph: GraphSpec {
        var spec = GraphSpec(autoResample: autoResample)
        spec.chain([
            NodeSpec("normalize", "text.normalize"),
            NodeSpec("prosody", "prosody.tag"),
            NodeSpec("tts", "acoustic.flite", ["voice": .string(voice), "rate": .double(rate), "pitch": .double(pitch)]),
            NodeSpec("vocoder", "vocoder.passthrough"),
            NodeSpec("out", "sink.file", ["path": .string(output), "sample_rate": .int(sampleRate),
                                          "channels": .int(channels), "encoding": .string(encoding)]),
        ])
        return spec
    }
}
