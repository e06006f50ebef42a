import VoxflowKit

/// `vocoder.stretch`: a drop-in replacement for vocoder.passthrough that also fits each
/// utterance to its duration target and shifts pitch, through librubberband (formants preserved).
final class StretchFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "vocoder.stretch",
        summary: "For engines that render PCM: fits utterances to their duration target (silence trimmed, librubberband, "
            + "formants preserved) and applies pitch shifts the engine could not; otherwise samples and marks untouched",
        sinkPads: [PadTemplate("in", .acoustic([.pcm]), "rendered PCM with marks")],
        srcPads: [PadTemplate("out", .audio(channels: .exactly(1)), "mono audio at the engine's rate")],
        parameters: [
            ParameterSpec("mode", .choice, default: .string("auto"), choices: StretchMode.allCases.map(\.rawValue),
                          "auto: offline (whole utterance, exact) for utterances with a duration target, real time (streamed) "
                          + "for pitch shifts; offline: always whole utterances (files); realtime: librubberband's real-time mode (live graphs)"),
            ParameterSpec("engine", .choice, default: .string("finer"), choices: StretchEngine.allCases.map(\.rawValue),
                          "librubberband engine: finer (R3) or faster (R2: a quarter of the CPU and half the real-time latency, "
                          + "but far less intelligible when shifting pitch: 69% word error rate at −4 semitones on rms against 18%)"),
            ParameterSpec("trim_threshold_db", .double, default: .double(SilenceTrim.defaultThresholdDB), range: -96...(-20), unit: "dBFS",
                          "level under which leading and trailing samples count as silence and are trimmed before a fit"),
            ParameterSpec("pitch", .double, default: .double(0), range: -12...12, unit: "semitones", live: true,
                          "pitch shift, added to what the engine could not apply itself (AcousticChunk.residualPitch)"),
            ParameterSpec("formant", .bool, default: .bool(true), "preserve formants when shifting pitch (a voice, not a chipmunk)"),
            ParameterSpec("gain", .double, default: .double(1), range: 0...8, unit: "×", live: true, "linear gain"),
        ])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        StretchNode(settings: StretchSettings(
            mode: StretchMode(rawValue: parameters.string("mode")) ?? .auto,
            engine: StretchEngine(rawValue: parameters.string("engine")) ?? .finer,
            trimThreshold: SilenceTrim.amplitude(dB: parameters.double("trim_threshold_db")),
            formant: parameters.bool("formant")),
            pitch: parameters.double("pitch"), gain: parameters.double("gain"))
    }
}

/// Which librubberband process mode renders an utterance.
enum StretchMode: String, CaseIterable {
    case auto, offline, realtime
}

/// Which librubberband engine (3.x has two).
enum StretchEngine: String, CaseIterable {
    case finer, faster
}

/// The node's fixed settings.
struct StretchSettings {
    var mode: StretchMode
    var engine: StretchEngine
    /// Linear amplitude under which a sample is silence.
    var trimThreshold: Float
    var formant: Bool

    /// True to use librubberband's R3 engine.
    var finer: Bool { engine == .finer }
}
