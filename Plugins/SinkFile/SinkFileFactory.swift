import VoxflowKit

final class SinkFileFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "sink.file",
        summary: "Writes WAV, FLAC or OGG through libsndfile; the file appears only when complete",
        sinkPads: [PadTemplate("in", .audio(channels: .range(1...2)), "mono or stereo audio at `sample_rate`")],
        srcPads: [],
        parameters: [
            ParameterSpec("path", .string, "output file; .wav, .flac or .ogg chooses the format"),
            ParameterSpec("sample_rate", .int, default: .int(48_000), range: 8000...192_000, unit: "Hz", "the file's sample rate"),
            ParameterSpec("channels", .int, default: .int(1), range: 1...2, "1 (mono) or 2 (stereo; mono input is copied to both)"),
            ParameterSpec("encoding", .choice, default: .string("pcm16"), choices: ["pcm16", "pcm24", "float"],
                          "sample encoding (float: WAV only; OGG is always Vorbis)"),
            ParameterSpec("format", .choice, default: .string("auto"), choices: ["auto", "wav", "flac", "ogg"],
                          "container; auto: from the path's extension"),
        ],
        traits: [.sink],
        preferredResampleQuality: "high")

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        let path = parameters.string("path")
        try SinkFileNode.checkWritable(path)
        let format = try FileFormat(path: path, format: parameters.string("format"), encoding: parameters.string("encoding"))
        return SinkFileNode(path: path, format: format, rate: parameters.int("sample_rate"), channels: parameters.int("channels"))
    }
}
