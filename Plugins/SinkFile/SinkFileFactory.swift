import VoxflowKit

final class SinkFileFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "sink.file",
        summary: "Writes WAV, FLAC or OGG through libsndfile; the file appears only when complete (one file per utterance with {tag} or {id} in the path)",
        sinkPads: [PadTemplate("in", .audio(channels: .range(1...2)), "mono or stereo audio at `sample_rate`")],
        srcPads: [],
        parameters: [
            ParameterSpec("path", .string, "output file; .wav, .flac or .ogg chooses the format. With {tag} (the utterance's tag, else its id) or {id} in the file name: one file per utterance, each appearing when its utterance completes"),
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
        let template = PathTemplate(path)
        try template?.checkFolder()
        try SinkFileNode.checkWritable(path)
        let format = try FileFormat(path: path, format: parameters.string("format"), encoding: parameters.string("encoding"))
        let rate = parameters.int("sample_rate"), channels = parameters.int("channels")
        if let template {
            return SinkFilePerUtteranceNode(template: template, format: format, rate: rate, channels: channels)
        }
        return SinkFileNode(path: path, format: format, rate: rate, channels: channels)
    }
}
