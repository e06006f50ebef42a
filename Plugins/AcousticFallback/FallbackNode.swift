import Foundation
import VoxflowKit

/// Renders each phrase with the first decoder that succeeds.
///
/// ```
/// prosody ─▶ [decoder 1] ──ok──▶ phrase out
///               │ error / timeout / unavailable
///               ▼
///            [decoder 2] ──ok──▶ phrase out   (warning event, fallback_switches += 1)
/// ```
///
/// Every phrase starts again with the first decoder (a failure on one phrase — a voice with a broken model named in
/// SSML — does not lose the better voice for the rest); a decoder that timed out is skipped for the rest of the
/// utterance (its call may still be running). A phrase leaves once its decoder has finished it, so the audio of a
/// failed attempt never reaches the output: the first audio waits for the first phrase. Output is at one rate (other
/// decoders' PCM resampled with libsoxr); positions are remapped onto one utterance timeline.
///
/// An utterance with a duration target reaches decoders whole: they render at `end`, and a failure there replays the
/// utterance on the next decoder.
/// Threads: `process` on the node's streaming thread; a decoder with a timeout runs on a worker thread while this one
/// waits. Warnings and statistics are posted on the streaming thread.
final class FallbackNode: Node {
    private let decoders: [FallbackDecoder]
    private let rate: Int
    private let timeout: Double
    private var reportedUnavailable = false

    private struct UtteranceState {
        var utterance: Utterance
        var cursor = 0
        var phrases: [ProsodyChunk] = []
        var emitted = false
        /// Decoders that timed out in this utterance.
        var skipped = Set<Int>()
        var switches = 0
        var rendered: [Int: Int] = [:]
    }
    private var utterances: [UtteranceID: UtteranceState] = [:]

    init(decoders: [FallbackDecoder], rate: Int, timeout: Double) {
        self.decoders = decoders
        self.rate = rate
        self.timeout = timeout
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { ["out": .acoustic([.pcm], rate: .exactly(rate))] }

    func cancel(_ id: UtteranceID) { decoders.forEach { $0.node?.cancel(id) } }

    func finish() throws { for d in decoders { try d.node?.finish() } }
    func abort() { decoders.forEach { $0.node?.abort() } }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            utterances[id] = UtteranceState(utterance: u)
            if !reportedUnavailable {
                reportedUnavailable = true
                for d in decoders where d.unavailable != nil {
                    context.post(.warning("acoustic.fallback: \(d.label) is unavailable, skipped: \(d.unavailable!)"))
                }
            }
        case let .chunk(.prosody(p)):
            guard var st = utterances[id] else { return }
            st.phrases.append(p)
            defer { utterances[id] = st }
            try render(Packet(id, .chunk(.prosody(p))), phrase: p.index, &st, context)
        case let .end(reason):
            guard var st = utterances.removeValue(forKey: id) else { return }
            if reason == .completed {
                try finishUtterance(&st, id: id, context)
            } else {
                for d in decoders where d.begun.remove(id) != nil && !d.busy { _ = try? d.node?.process(.end(id, reason), from: "in", context: FallbackCapture(nodeName: d.type, outer: context)) }
            }
            var stats: [String: Double] = ["fallback_switches": Double(st.switches)]
            for (i, n) in st.rendered { stats["fallback_phrases_decoder_\(i + 1)"] = Double(n) }
            context.post(.statistics(utterance: id, values: stats))
        case .chunk: break
        }
    }

    /// Tries the decoders in order on `packet` (a phrase) until one succeeds; emits its output.
    private func render(_ packet: Packet, phrase: Int, _ st: inout UtteranceState, _ context: NodeContext) throws {
        var reasons: [String] = []
        for d in decoders {
            guard let node = d.node else { reasons.append("\(d.label): \(d.unavailable ?? "unavailable")"); continue }
            guard !st.skipped.contains(d.index), !d.busy else { reasons.append("\(d.label): timed out earlier"); continue }
            switch attempt(d, node, packet, &st, context) {
            case let .success(chunks):
                if !reasons.isEmpty {
                    st.switches += 1
                    context.post(.warning("acoustic.fallback: phrase \(phrase + 1) rendered by \(d.label) after: \(reasons.joined(separator: "; "))"))
                }
                st.rendered[d.index, default: 0] += 1
                emit(chunks, from: d, &st, id: packet.utterance, context)
                return
            case let .failure(reason):
                reasons.append("\(d.label): \(reason)")
            }
        }
        throw FallbackError.allFailed(phrase: phrase, reasons).nodeError
    }

    /// At `end`: each decoder that began the utterance ends it; the current one may emit a held (fitted) render. If
    /// that fails and nothing was emitted yet, the whole utterance is replayed on the next decoder.
    private func finishUtterance(_ st: inout UtteranceState, id: UtteranceID, _ context: NodeContext) throws {
        var reasons: [String] = []
        var done = false
        for d in decoders {
            guard let node = d.node, d.begun.contains(id) || (!done && !st.emitted && !st.phrases.isEmpty && reasons.count > 0) else { continue }
            if done || d.busy || st.skipped.contains(d.index) {
                d.begun.remove(id)
                if !d.busy { _ = try? node.process(.end(id, .cancelled), from: "in", context: FallbackCapture(nodeName: d.type, outer: context)) }
                continue
            }
            if !d.begun.contains(id) {
                // Replay: this decoder has not seen the utterance (the previous one failed at its end).
                var ok = true
                for p in st.phrases {
                    if case let .failure(r) = attempt(d, node, Packet(id, .chunk(.prosody(p))), &st, context) { reasons.append("\(d.label): \(r)"); ok = false; break }
                }
                if !ok { continue }
            }
            d.begun.remove(id)
            switch call(d, node, .end(id, .completed), context) {
            case let .success(chunks):
                if !reasons.isEmpty {
                    st.switches += 1
                    context.post(.warning("acoustic.fallback: utterance rendered by \(d.label) after: \(reasons.joined(separator: "; "))"))
                }
                if !chunks.isEmpty { emit(chunks, from: d, &st, id: id, context) }
                done = true
            case let .failure(reason):
                reasons.append("\(d.label): \(reason)")
                if st.emitted { throw FallbackError.allFailed(phrase: st.phrases.count - 1, reasons).nodeError }
            }
        }
        if !done, !reasons.isEmpty { throw FallbackError.allFailed(phrase: max(0, st.phrases.count - 1), reasons).nodeError }
    }

    private enum Outcome { case success([AcousticChunk]), failure(String) }

    /// Sends `begin` if needed, then `packet`, to decoder `d`.
    private func attempt(_ d: FallbackDecoder, _ node: Node, _ packet: Packet, _ st: inout UtteranceState, _ context: NodeContext) -> Outcome {
        let id = packet.utterance
        if !d.begun.contains(id) {
            if case let .failure(r) = call(d, node, .begin(st.utterance), context) { return .failure(r) }
            d.begun.insert(id)
        }
        let r = call(d, node, packet, context)
        if case let .failure(reason) = r, reason.hasPrefix("timed out") { st.skipped.insert(d.index) }
        return r
    }

    /// One packet into one decoder, captured; with a timeout on a worker thread.
    private func call(_ d: FallbackDecoder, _ node: Node, _ packet: Packet, _ context: NodeContext) -> Outcome {
        let capture = FallbackCapture(nodeName: context.nodeName, outer: context)
        func finish(_ error: Error?) -> Outcome {
            capture.events.forEach { context.post($0) }
            if let error { return .failure(String(describing: error)) }
            return .success(capture.chunks)
        }
        guard timeout > 0 else {
            do { try node.process(packet, from: "in", context: capture); return finish(nil) } catch { return finish(error) }
        }
        let done = DispatchSemaphore(value: 0)
        let result = ErrorBox()
        d.busy = true
        let unchecked = UncheckedNode(node)
        let worker = Thread {
            do { try unchecked.node.process(packet, from: "in", context: capture) } catch { result.error = error }
            d.busy = false
            done.signal()
        }
        worker.stackSize = 8 << 20
        worker.start()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            capture.abandon()
            node.cancel(packet.utterance)
            return .failure(String(format: "timed out after %.1f s", timeout))
        }
        return finish(result.error)
    }

    /// One phrase's chunks from decoder `d`, onto the output timeline at the output rate.
    private func emit(_ chunks: [AcousticChunk], from d: FallbackDecoder, _ st: inout UtteranceState, id: UtteranceID, _ context: NodeContext) {
        guard let first = chunks.first else { return }
        if d.rate == rate {
            for var c in chunks {
                c.marks = c.marks.map { $0.shifted(by: st.cursor - first.startFrame) }
                c.startFrame += st.cursor - first.startFrame
                context.emit(.acoustic(c), of: id, on: "out")
            }
            st.cursor += chunks.reduce(0) { $0 + $1.frameCount }
        } else {
            var samples: [Float] = []
            var marks: [Mark] = []
            for c in chunks {
                if case let .pcm(s) = c.content { samples += s }
                marks += c.marks.map { $0.shifted(by: -first.startFrame).rescaled(from: d.rate, to: rate) }
            }
            let out = FallbackResampler.convert(samples, from: d.rate, to: rate)
            let piece = max(1, rate / 10)
            var at = 0
            var note = first.nativeFit.map { NativeFitNote(naturalFrames: $0.naturalFrames * rate / d.rate, lengthFactor: $0.lengthFactor) }
            repeat {
                let n = min(piece, out.count - at)
                let mine = marks.filter { $0.start >= at && ($0.start < at + n || at + n >= out.count) }
                var c = AcousticChunk(phrase: first.phrase, rate: rate, content: .pcm(Array(out[at..<at + n])), startFrame: st.cursor + at,
                                      marks: mine.map { $0.shifted(by: st.cursor) }, residualPitch: first.residualPitch,
                                      nativeFit: note, phraseDuration: first.phraseDuration)
                note = nil
                if c.marks.isEmpty { c.marks = [] }
                context.emit(.acoustic(c), of: id, on: "out")
                at += n
            } while at < out.count
            st.cursor += out.count
        }
        st.emitted = true
    }
}

/// A node handed to the worker thread; only that thread calls it while the streaming thread waits (or has given up).
private struct UncheckedNode: @unchecked Sendable {
    let node: Node
    init(_ node: Node) { self.node = node }
}

private final class ErrorBox: @unchecked Sendable {
    var error: Error?
}
