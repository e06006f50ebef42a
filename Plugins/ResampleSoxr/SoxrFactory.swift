import VoxflowKit

final class SoxrFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "resample.soxr",
        summary: "libsoxr sample-rate conversion; marks are moved to the new rate exactly",
        sinkPads: [PadTemplate("in", .audio(), "audio at any rate")],
        srcPads: [PadTemplate("out", .audio(), "audio at `rate`")],
        parameters: [
            ParameterSpec("rate", .int, range: 1000...384_000, unit: "Hz", "output sample rate"),
            ParameterSpec("quality", .choice, default: .string("high"), choices: SoxrRecipe.names,
                          "low-latency (minimum phase, ~10 ms, for live sinks), quick, low, medium, high (linear phase, for files), very-high"),
        ],
        traits: [.resampler])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        SoxrNode(outRate: parameters.int("rate"), recipe: SoxrRecipe(parameters.string("quality")))
    }
}
