import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowLua

/// Runs requests through the same graph `voxflow say` uses (presets/say.lua), ending in a
/// `sink.stream`: one threaded pipeline per request, so requests run side by side and a
/// cancelled or failed one touches no other. Graph descriptions are cached per distinct set of
/// preset options (running the Lua preset once per voice and format, not per request).
public final class Synthesizer: @unchecked Sendable {
    public let voxflow: Voxflow
    let preset: String?
    let limits: ServerLimits
    private let lock = NSLock()
    private var specs: [SayOptions: GraphSpec] = [:]
    /// Finished syntheses served again without synthesis (`--cache DIR`); nil: off.
    var cache: PhraseCache?

    public init(voxflow: Voxflow, preset: String?, limits: ServerLimits) {
        self.voxflow = voxflow
        self.preset = preset
        self.limits = limits
        voxflow.register(builtin: StreamSinkFactory())
    }

    /// At start-up: builds the default graph once, so a preset that cannot serve (a Lua error, no
    /// `sink.stream` named "out") stops the server before it listens, and the first request
    /// finds the graph cached.
    public func check() throws {
        do {
            let s = try start(SpeechRequest(text: "."), submit: false)
            s.close()
        } catch { throw ServerError.preset(error.message) }
    }

    /// Checks the voice before a request queues: 400 naming it, with where to find the list.
    func checkVoice(_ request: SpeechRequest) throws(APIError) {
        guard let v = request.voice else { return }
        if voxflow.engine(speaking: v) == nil {
            throw APIError.badField("voice", "unknown voice '\(v)'; GET /api/voices lists the voices this server has")
        }
    }

    /// Control side (any task). Builds the graph and starts speaking; audio arrives on the
    /// returned synthesis's outlet.
    func start(_ request: SpeechRequest, submit: Bool = true) throws(APIError) -> Synthesis {
        let spec = try graphSpec(options(request))
        var recorder: PhraseRecorder?
        if submit, let cache {
            let key = cache.key(request, spec: spec)
            if let phrase = cache.lookup(key) { return Synthesis(replaying: phrase, window: limits.streamWindow) }
            recorder = PhraseRecorder(cache: cache, key: key, rate: request.sampleRate, channels: request.channels)
        }
        let graph: Graph
        do { graph = try voxflow.build(spec) } catch {
            throw APIError(.internalServerError, "the server's graph is invalid: \(error)")
        }
        guard let sink = graph.element(named: "out")?.node as? StreamSinkNode else {
            throw APIError(.internalServerError, "the preset's graph has no sink.stream named 'out'; see presets/say.lua")
        }
        return Synthesis(graph: graph, sink: sink, request: request, window: limits.streamWindow, submit: submit, recorder: recorder)
    }

    /// The phrase cache's key for `request` (its ETag), or nil when the cache is off.
    func cacheKey(_ request: SpeechRequest) throws(APIError) -> String? {
        guard let cache else { return nil }
        return cache.key(request, spec: try graphSpec(options(request)))
    }

    private func options(_ request: SpeechRequest) -> SayOptions {
        var options = SayOptions(output: "")
        options.stream = true
        options.voice = request.voice
        options.rate = request.rate
        options.pitch = request.pitch
        options.sampleRate = request.sampleRate
        options.channels = request.channels
        options.language = request.language
        options.markup = request.markup
        return options
    }

    private func graphSpec(_ o: SayOptions) throws(APIError) -> GraphSpec {
        let key = o   // the request model itself: every option that shapes the graph is part of the key
        if let s = lock.withLock({ specs[key] }) { return s }
        let spec: GraphSpec
        do { spec = try SayPreset.graph(voxflow: voxflow, options: o, preset: preset) } catch {
            throw APIError(.internalServerError, "the say preset failed: \(error)")
        }
        lock.withLock {
            if specs.count >= 256 { specs.removeAll() }   // rate and pitch are free numbers: keep the cache bounded
            specs[key] = spec
        }
        return spec
    }
}

/// One request being spoken. The consumer reads `outlet.items`, calls `outlet.consumed()` after
/// each chunk it has sent, and `cancel()` to stop early; the pipeline's threads are joined in the
/// background once the utterance has ended.
final class Synthesis: @unchecked Sendable {
    /// nil when the audio comes from the phrase cache.
    let pipeline: Pipeline?
    let outlet: StreamOutlet
    let rate: Int
    let channels: Int
    private let failure = FailureNote()
    static let utterance: UtteranceID = 1

    fileprivate init(graph: Graph, sink: StreamSinkNode, request: SpeechRequest, window: Int, submit: Bool, recorder: PhraseRecorder? = nil) {
        outlet = StreamOutlet(window: window)
        sink.outlet = outlet
        rate = sink.rate
        channels = sink.channels
        let failure = self.failure
        if let recorder {
            outlet.observer = { item in
                switch item {
                case let .audio(chunk): recorder.record(chunk)
                case let .ended(reason): recorder.end(reason, failed: failure.get() != nil)
                }
            }
        }
        pipeline = Pipeline(graph: graph, mode: .threaded(queueCapacity: 4)) { event in
            if case let .failed(node, _, message) = event { failure.set("\(node): \(message)") }
        }
        var controls = request.controls
        controls.voice = request.voice
        if submit { pipeline?.submit(Utterance(id: Self.utterance, text: request.text, controls: controls)) }
    }

    /// A cache hit: the stored chunks go through the same outlet (window, cancel) on a thread of their own.
    fileprivate init(replaying phrase: CachedPhrase, window: Int) {
        outlet = StreamOutlet(window: window)
        rate = phrase.rate
        channels = phrase.channels
        pipeline = nil
        let outlet = self.outlet
        Thread.detachNewThread {
            for chunk in phrase.chunks where !outlet.send(chunk) { return outlet.end(.cancelled) }
            outlet.end(.completed)
        }
    }

    /// The first node failure, in words.
    var failureMessage: String? { failure.get() }

    /// Any thread. Stops the utterance; a producer waiting on the window is released.
    func cancel() {
        pipeline?.cancel(Self.utterance)
        outlet.close()
    }

    /// Joins the pipeline's threads off the caller's thread (they end once the utterance has).
    /// Idempotent: the first call does it.
    func close() {
        guard closeOnce.claim() else { return }
        guard let p = pipeline else { return }
        DispatchQueue.global().async { try? p.finish() }
    }
    private let closeOnce = Once()
}

/// True for the first caller of `claim()` only.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func claim() -> Bool { lock.withLock { defer { done = true }; return !done } }
}

final class FailureNote: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.withLock { if message == nil { message = m } } }
    func get() -> String? { lock.withLock { message } }
}
