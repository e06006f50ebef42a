import Foundation

/// The one node that drives speech engines: every engine node type (`acoustic.flite`, `acoustic.espeak`,
/// `acoustic.sherpa`, an out-of-tree engine) and the host's voice router are an `EngineNode` over a `PhraseRenderer`.
///
/// ```
/// begin ─▶ renderer.begin (the utterance's voice, checked)
/// phrase ─▶ rendered now, streamed through EngineEmitter ─▶ out        (no duration target)
///        └▶ held ─▶ at end: NativeFit renders all phrases at one length factor   (duration, ratio, max_duration)
/// ```
///
/// Threads: `process` on the node's streaming thread; `setParameter` (live `rate`, `pitch`) on the control thread.
public final class EngineNode: Node {
    public let renderer: PhraseRenderer
    private let live: LiveRatePitch
    /// Semitones added to every phrase (a reference recording's pitch).
    private let shift: Double
    private let nodeType: String

    private struct State {
        var utterance: EngineUtterance
        var cursor = 0
        /// The phrases of an utterance with a duration target, held until `end`; nil otherwise.
        var held: [EnginePhrase]?
    }
    private var utterances: [UtteranceID: State] = [:]

    public init(renderer: PhraseRenderer, type: String, rate: Double, pitch: Double, shift: Double = 0) {
        self.renderer = renderer
        nodeType = type
        live = LiveRatePitch(rate: rate, pitch: pitch)
        self.shift = shift
    }

    public func negotiate(inputs: [String: Caps]) throws -> [String: Caps] {
        ["out": .acoustic([.pcm], rate: .exactly(renderer.outputRate))]
    }

    public func setParameter(_ name: String, _ value: ParameterValue) throws {
        try live.set(name, value, node: nodeType)
    }

    public func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            let utterance = EngineUtterance(id: id, controls: u.controls, context: context)
            try renderer.begin(utterance)
            utterances[id] = State(utterance: utterance, held: NativeFit.hasTarget(u.controls) ? [] : nil)
        case let .end(reason):
            guard let st = utterances.removeValue(forKey: id), reason == .completed, let held = st.held else { return }
            try NativeFit.render(st.utterance.controls, rate: renderer.outputRate, range: renderer.nativeLengthRange, id: id,
                                 context: context) { factor, sink in
                var cursor = 0
                for p in held {
                    guard let n = try renderer.render(p, st.utterance, base: cursor, lengthFactor: factor, sink: sink) else { return false }
                    cursor += n
                }
                return true
            }
        case let .chunk(.prosody(p)):
            guard var st = utterances[id] else { return }
            let phrase = live.phrase(p, shift: shift)
            if st.held != nil {
                st.held!.append(phrase)
            } else {
                // Rendered under the engine's own lock: nothing here waits for downstream (EngineEmitter).
                guard let n = try EngineEmitter.render(id, context, {
                    try renderer.render(phrase, st.utterance, base: st.cursor, lengthFactor: 1, sink: $0)
                }) else { return }
                st.cursor += n
            }
            utterances[id] = st
        case .chunk: break
        }
    }
}

/// What an `EngineNode` drives: one engine (`SingleEngineRenderer`), or several behind voices (the host's router).
/// Streaming thread of the node, except `outputRate` and `nativeLengthRange` (control thread, read once).
public protocol PhraseRenderer: AnyObject {
    /// The rate of every chunk it sends.
    var outputRate: Int { get }
    /// Length factors rendered natively for a duration target.
    var nativeLengthRange: ClosedRange<Double> { get }
    /// An utterance begins: resolve the voice it names (`utterance.controls.voice`) into `utterance.voice`; an unknown
    /// voice throws (the utterance fails, naming it).
    func begin(_ utterance: EngineUtterance) throws
    /// Renders one phrase at utterance frame `base`, its length multiplied by `lengthFactor`, into `sink`. Returns the
    /// frames it took at `outputRate`, nil when the utterance was cancelled.
    func render(_ phrase: EnginePhrase, _ utterance: EngineUtterance, base: Int, lengthFactor: Double,
                sink: @escaping (AcousticChunk) -> Void) throws -> Int?
}

/// One utterance as an engine node sees it. Streaming thread.
public final class EngineUtterance {
    public let id: UtteranceID
    public let controls: Controls
    /// The voice the utterance asked for, as its renderer resolved it; nil: the renderer's default.
    public var voice: EngineVoice?
    private let context: NodeContext
    private var warned: Set<String> = []

    public init(id: UtteranceID, controls: Controls, context: NodeContext) {
        self.id = id
        self.controls = controls
        self.context = context
    }

    public var isCancelled: Bool { context.isCancelled(id) }

    /// Posts `message` once per utterance for `key`, naming the utterance (and `phrase`) as fields.
    public func warn(_ key: String, _ message: @autoclosure () -> String, phrase: Int? = nil) {
        guard warned.insert(key).inserted else { return }
        context.post(.warning(NodeWarning(message(), utterance: id, phrase: phrase)))
    }
}

/// One engine behind an `EngineNode`: a phrase's voice is the one it names, else the utterance's, else the node's, as the
/// engine adapts it to the phrase's language (`SpeechEngine.voice(for:…)`). Every voice must render at the node's rate
/// (`outputRate`, its default voice's); the host's router (`acoustic.auto`) joins voices of any rate.
public final class SingleEngineRenderer: PhraseRenderer {
    public let engine: SpeechEngine
    public let defaultVoice: EngineVoice
    public var outputRate: Int { defaultVoice.sampleRate }
    public var nativeLengthRange: ClosedRange<Double> { engine.nativeLengthRange }

    public init(engine: SpeechEngine, voice: EngineVoice) {
        self.engine = engine
        defaultVoice = voice
    }

    public func begin(_ utterance: EngineUtterance) throws {
        if let name = utterance.controls.voice { utterance.voice = try resolve(name) }
    }

    public func render(_ phrase: EnginePhrase, _ utterance: EngineUtterance, base: Int, lengthFactor: Double,
                       sink: @escaping (AcousticChunk) -> Void) throws -> Int? {
        let preferred = utterance.voice ?? defaultVoice
        let voice = try phrase.prosody.voice.map { $0 == preferred.name ? preferred : try resolve($0) }
            ?? engine.voice(for: phrase.prosody, preferred: preferred, utterance: utterance)
        return try PhraseWriter.render(phrase, engine: engine, voice: voice, utterance: utterance, base: base,
                                       lengthFactor: lengthFactor, sink: sink)
    }

    private func resolve(_ name: String) throws -> EngineVoice {
        let v = try engine.prepare(voice: name)
        guard v.sampleRate == outputRate else {
            throw NodeError.engine("voice '\(v.name)' speaks at \(v.sampleRate) Hz but this \(engine.name) node streams at \(outputRate) Hz "
                                   + "(its voice \(defaultVoice.name)); use acoustic.auto, which joins voices of any rate")
        }
        return v
    }
}
