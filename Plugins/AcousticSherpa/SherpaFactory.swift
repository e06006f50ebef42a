import Foundation
import VoxflowKit

/// `acoustic.sherpa`: neural voices (Piper/VITS, Matcha, Kokoro, Kitten, ZipVoice) through sherpa-onnx.
///
/// Creating a node (control thread) resolves the voice, names any missing file, checks the model in a child process
/// (cached), and loads it into the process-wide model cache, so a broken model fails the graph's build with the file's
/// name and the host carries on. Models stay loaded and are shared by every node; the host lists, unloads and reloads
/// them through `ModelHolding`.
final class SherpaFactory: NodeFactory, ModelHolding, SpeakerListing {
    let type = NodeTypeDescriptor(
        name: "acoustic.sherpa",
        summary: "sherpa-onnx neural voices (Piper/VITS, Matcha, Kokoro, Kitten, ZipVoice) from VOXFLOW_VOICES; phrases streamed clause by clause",
        sinkPads: [PadTemplate("in", .prosody, "one phrase per chunk")],
        srcPads: [PadTemplate("out", .acoustic([.pcm]), "PCM at the model's rate, approximate word marks")],
        parameters: [
            ParameterSpec("voice", .string, default: .string(""),
                          "voice name (voxflow voices), path of a Piper .onnx or model folder, or a reference table "
                          + "{reference = \"ref.wav\", text = \"…\"}; empty: the first voice of VOXFLOW_VOICES"),
            ParameterSpec("model", .string, default: .string(""),
                          "with a reference voice: the model that speaks (name or path); empty: the first voice"),
            ParameterSpec("speaker", .int, default: .int(0), range: 0...9999, "speaker id of a multi-speaker model"),
            ParameterSpec("length_scale", .double, default: .double(1), range: 0.25...4, unit: "×",
                          "multiplies the model's length scale (above 1: slower)"),
            ParameterSpec("rate", .double, default: .double(1), range: 0.25...4, unit: "×", live: true,
                          "speaking rate; multiplied by the phrase's (the model's speed)"),
            ParameterSpec("pitch", .double, default: .double(0), range: -12...12, unit: "semitones", live: true,
                          "pitch shift, added to the phrase's; these models have none, so vocoder.stretch applies it"),
            ParameterSpec("threads", .int, default: .int(1), range: 1...16, "ONNX Runtime threads per model (set by the first node that loads it)"),
        ],
        traits: [.engine])

    private var catalog: SherpaVoiceCatalog { SherpaVoiceCatalog.shared }

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        do {
            _ = try SherpaLibrary.require()
            SherpaModelCache.shared.threads = parameters.int("threads")
            let voiceParam = parameters.string("voice")
            let reference = try VoiceReference.parse(voiceParam)
            let spec = try pick(reference != nil ? parameters.string("model") : voiceParam)
            let engine = try SherpaModelCache.shared.engine(for: spec)
            let speaker = parameters.int("speaker")
            guard speaker < engine.speakers else { throw SherpaError.speaker(voice: spec.name, speaker: speaker, count: engine.speakers) }
            var audio: VoiceReference.Audio?
            var shift = 0.0
            if let reference {
                let a = try reference.load()
                if spec.kind.clones {
                    audio = a
                } else {
                    shift = try SherpaReferencePitch.shift(reference: a, engine: engine, speaker: speaker)
                }
            }
            return SherpaNode(voice: spec, rate: engine.sampleRate, catalog: catalog, speaker: speaker,
                              lengthScale: parameters.double("length_scale"), rateFactor: parameters.double("rate"),
                              pitch: parameters.double("pitch"), reference: audio, referenceShift: shift)
        } catch let e as SherpaError {
            throw e.nodeError
        }
    }

    /// The voice called `name` (or at path `name`); empty: the first one listed.
    private func pick(_ name: String) throws -> SherpaModelSpec {
        if name.isEmpty {
            guard let v = catalog.voices.first else { throw SherpaError.unknownVoice("(default)", available: catalog.problems) }
            return v
        }
        return try catalog.voice(name)
    }

    func voices() -> [VoiceInfo] {
        catalog.voices.enumerated().map { catalog.info($1, isDefault: $0 == 0) }
    }

    func speaks(voice name: String) -> Bool { catalog.voices.contains { $0.name == name || $0.path == name } }

    func speakerCount(voice name: String) -> Int? { catalog.voices.first { $0.name == name }?.speakers }

    // MARK: ModelHolding (control thread)

    func loadedModels() -> [LoadedModel] { SherpaModelCache.shared.loaded() }

    func unloadModels(path: String?) -> Int { SherpaModelCache.shared.unload(path: path) }

    func reloadModel(path: String) throws {
        do {
            try SherpaModelCache.shared.reload(path: path) { try catalog.voice($0) }
        } catch let e as SherpaError {
            throw e.nodeError
        }
    }
}
