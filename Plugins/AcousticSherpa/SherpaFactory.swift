import Foundation
import VoxflowKit

/// `acoustic.sherpa`: neural voices (Piper/VITS, Matcha, Kokoro, Kitten, ZipVoice) through sherpa-onnx, behind the SDK's
/// engine node.
///
/// Creating a node (control thread) resolves the voice, names any missing file, checks the model in a child process
/// (cached), and loads it into the process-wide model cache, so a broken model fails the graph's build with the file's
/// name and the host carries on. Models stay loaded and are shared by every node; the host lists, unloads and reloads
/// them through `ModelHolding`.
final class SherpaFactory: EngineNodeFactory, ModelHolding {
    init() {
        super.init(
            engine: SherpaSpeechEngine(),
            summary: "sherpa-onnx neural voices (Piper/VITS, Matcha, Kokoro, Kitten, ZipVoice) from VOXFLOW_VOICES; phrases streamed clause by clause",
            parameters: [
                ParameterSpec("model", .string, default: .string(""),
                              "with a reference voice: the model that speaks (name or path); empty: the first voice"),
                ParameterSpec("speaker", .int, default: .int(0), range: 0...9999, "speaker id of a multi-speaker model"),
                ParameterSpec("length_scale", .double, default: .double(1), range: 0.25...4, unit: "×",
                              "multiplies the model's length scale (above 1: slower)"),
                ParameterSpec("threads", .int, default: .int(0), range: 0...64,
                              "ONNX Runtime threads per model, 0: one per core, as Piper (set by the first node that loads it)"),
            ],
            voiceSummary: "voice name (voxflow voices), path of a Piper .onnx or model folder, or a reference table "
                + "{reference = \"ref.wav\", text = \"…\"}; empty: the first voice of VOXFLOW_VOICES")
    }

    private var catalog: SherpaVoiceCatalog { SherpaVoiceCatalog.shared }

    override func configure(_ parameters: Parameters) throws -> (engine: SpeechEngine, shift: Double) {
        do {
            _ = try SherpaLibrary.require()
            let threads = parameters.int("threads")
            SherpaModelCache.shared.threads = threads > 0 ? threads : SherpaModelCache.cores
            let speaker = parameters.int("speaker")
            guard let reference = try VoiceReference.parse(parameters.string("voice")) else {
                return (SherpaSpeechEngine(speaker: speaker, lengthScale: parameters.double("length_scale"), countsUsers: true), 0)
            }
            let spec = try pick(parameters.string("model"))
            let engine = try SherpaModelCache.shared.engine(for: spec)
            guard speaker < engine.speakers else { throw SherpaError.speaker(voice: spec.name, speaker: speaker, count: engine.speakers) }
            let audio = try reference.load()
            if spec.kind.clones {
                return (SherpaSpeechEngine(speaker: speaker, lengthScale: parameters.double("length_scale"), reference: audio, countsUsers: true), 0)
            }
            // A voice that cannot clone takes the reference's pitch (an approximation).
            let shift = try SherpaReferencePitch.shift(reference: audio, engine: engine, speaker: speaker)
            return (SherpaSpeechEngine(speaker: speaker, lengthScale: parameters.double("length_scale"), countsUsers: true), shift)
        } catch let e as SherpaError {
            throw e.nodeError
        }
    }

    override func voiceName(_ parameters: Parameters, engine: SpeechEngine) -> String? {
        let voice = parameters.string("voice")
        let name = (try? VoiceReference.parse(voice)) != nil ? parameters.string("model") : voice
        return name.isEmpty ? catalog.voices.first?.name ?? "(default)" : name
    }

    /// The voice called `name` (or at path `name`); empty: the first one listed.
    private func pick(_ name: String) throws -> SherpaModelSpec {
        if name.isEmpty {
            guard let v = catalog.voices.first else { throw SherpaError.unknownVoice("(default)", available: catalog.problems) }
            return v
        }
        return try catalog.voice(name)
    }

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
