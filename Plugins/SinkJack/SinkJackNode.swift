import CJackSink
import Foundation
import VoxflowKit

/// Queues audio into the ring buffers the C process callback plays from. Writes block (in short
/// sleeps) while a ring is full: that is the graph's backpressure, and it also holds the graph
/// while the server is away, so queued audio is kept until it returns.
final class SinkJackNode: Node, @unchecked Sendable {
    let jack: OpaquePointer
    let rate: Int
    let period: Int
    let channels: Int
    let portPerVoice: Bool
    let connectRegex: String?
    let ringFrames: Int
    private var mainSlots: [Int32] = []
    private var voiceSlots: [String: [Int32]] = [:]
    /// Guards `slotsOf` (cancel comes from any thread) and port creation against a reconnect.
    private let lock = NSLock()
    private var slotsOf: [UtteranceID: [Int32]] = [:]
    private var cancelled = Set<UtteranceID>()
    private var started = Set<UtteranceID>()
    private var base: [UtteranceID: Int] = [:]
    private var outputFrame = 0
    private var reportedLoss = false
    private var planar: [[Float]] = [[], []]
    private var closed = false
    private var watchdog: Thread?

    init(jack: OpaquePointer, channels: Int, portPerVoice: Bool, connect: String, prebufferMs: Double, queueSeconds: Double) throws {
        self.jack = jack
        rate = Int(vf_jack_sample_rate(jack))
        period = Int(vf_jack_buffer_size(jack))
        self.channels = channels
        self.portPerVoice = portPerVoice
        connectRegex = connect.isEmpty ? nil : regex(fromGlob: connect)
        ringFrames = max(Int(queueSeconds * Double(rate)), 4 * period)
        vf_jack_set_prebuffer(jack, Int(prebufferMs / 1000 * Double(rate)))
        mainSlots = try addPorts(channels == 1 ? ["out"] : ["out_l", "out_r"])
        guard vf_jack_activate(jack) == 0 else {
            vf_jack_close(jack)
            throw NodeError.engine("could not activate the JACK client")
        }
        for s in mainSlots { connectPort(s) }
        startWatchdog()
    }

    private func addPorts(_ names: [String]) throws -> [Int32] {
        try names.map { n in
            let s = vf_jack_add_port(jack, n, ringFrames)
            guard s >= 0 else { throw NodeError.engine("could not register JACK port '\(n)' (at most \(VF_JACK_MAX_PORTS) ports)") }
            return s
        }
    }

    private func connectPort(_ slot: Int32) {
        if let r = connectRegex { _ = vf_jack_connect(jack, slot, r) }
    }

    /// Reopens the client every 50 ms while the server is away (control-rate thread, not real-time).
    private func startWatchdog() {
        let t = Thread { [weak self] in
            while let self, !self.isClosed {
                if vf_jack_alive(self.jack) == 0 {
                    self.lock.lock()
                    _ = vf_jack_reconnect(self.jack)
                    self.lock.unlock()
                }
                usleep(50_000)
            }
        }
        t.name = "voxflow:jack-reconnect"
        watchdog = t
        t.start()
    }

    private var isClosed: Bool {
        lock.lock(); defer { lock.unlock() }
        return closed
    }

    func acceptedCaps(onSinkPad pad: String, template: Caps) -> Caps {
        .audio(rate: .exactly(rate), channels: channels == 1 ? .exactly(1) : .range(1...2))
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { [:] }

    private func slots(forVoice voice: String) throws -> [Int32] {
        if let s = voiceSlots[voice] { return s }
        lock.lock(); defer { lock.unlock() }
        let safe = String(voice.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
        let s = try addPorts(channels == 1 ? [safe] : ["\(safe)_l", "\(safe)_r"])
        for slot in s { connectPort(slot) }
        voiceSlots[voice] = s
        return s
    }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            let s = portPerVoice ? try slots(forVoice: u.controls.voice ?? "default") : mainSlots
            lock.lock()
            slotsOf[id] = s
            lock.unlock()
            base[id] = outputFrame
        case let .chunk(.audio(a)):
            lock.lock()
            let s = slotsOf[id] ?? mainSlots
            lock.unlock()
            if !started.contains(id) {
                started.insert(id)
                for slot in s { vf_jack_mark_begin(jack, slot) }
            }
            try write(a, to: s, id: id, context: context)
            context.post(.sinkWrote(utterance: id, frames: a.frameCount, rate: rate, outputFrame: outputFrame))
            for m in a.marks { context.post(.sinkMark(utterance: id, mark: m.shifted(by: base[id] ?? 0), rate: rate)) }
            outputFrame += a.frameCount
        case .end:
            lock.lock()
            let s = slotsOf.removeValue(forKey: id) ?? mainSlots
            cancelled.remove(id)
            lock.unlock()
            for slot in s { vf_jack_mark_end(jack, slot) }
            started.remove(id)
            base[id] = nil
            var st = vf_jack_stats()
            vf_jack_stats_get(jack, &st)
            var values: [String: Double] = ["frames_played": Double(st.frames_played), "underrun_frames": Double(st.underrun_frames),
                                            "xruns": Double(st.xruns), "reconnects": Double(st.reconnects)]
            if st.last_latency_ns >= 0 { values["queued_to_played_seconds"] = Double(st.last_latency_ns) / 1e9 }
            context.post(.statistics(utterance: id, values: values))
        case .chunk: break
        }
    }

    /// Splits into per-port samples and queues them in blocks, all ports in step.
    private func write(_ a: AudioChunk, to slots: [Int32], id: UtteranceID, context: NodeContext) throws {
        let frames = a.frameCount
        for (k, _) in slots.enumerated() {
            if planar[k].count < frames { planar[k] = [Float](repeating: 0, count: frames) }
            let ch = min(k, a.channels - 1)
            for i in 0..<frames { planar[k][i] = a.samples[i * a.channels + ch] }
        }
        var done = 0
        let waitMicros = useconds_t(max(500, period * 250_000 / rate))  // a quarter period
        while done < frames {
            if isCancelled(id) { return }
            if vf_jack_alive(jack) == 0, !reportedLoss {
                reportedLoss = true
                context.post(.warning("the JACK server went away; audio stays queued and plays when it is back"))
            } else if reportedLoss, vf_jack_alive(jack) != 0 {
                reportedLoss = false
                context.post(.warning("reconnected to the JACK server; playing again"))
            }
            let block = min(frames - done, period)
            var space = Int.max
            for s in slots { space = min(space, Int(ringFrames) - vf_jack_queued(jack, s)) }
            if space < block { usleep(waitMicros); continue }
            for (k, s) in slots.enumerated() {
                _ = planar[k].withUnsafeBufferPointer { vf_jack_write(jack, s, $0.baseAddress! + done, block) }
            }
            done += block
        }
    }

    private func isCancelled(_ id: UtteranceID) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled.contains(id)
    }

    func cancel(_ id: UtteranceID) {
        lock.lock()
        cancelled.insert(id)
        let s = slotsOf[id] ?? []
        lock.unlock()
        for slot in s { vf_jack_flush(jack, slot) }
    }

    /// Lets everything queued play out (waiting for a lost server up to 10 s), then closes the client.
    func finish() throws {
        let all = mainSlots + voiceSlots.values.flatMap { $0 }
        var waited = 0.0
        let limit = Double(ringFrames) / Double(rate) + 10
        while all.contains(where: { vf_jack_queued(jack, $0) > 0 }) && waited < limit {
            usleep(5_000)
            waited += 0.005
        }
        usleep(useconds_t(2 * period * 1_000_000 / rate))  // the last period leaves the port
        close()
    }

    func abort() { close() }

    private func close() {
        lock.lock()
        guard !closed else { lock.unlock(); return }
        closed = true
        lock.unlock()
        while watchdog?.isFinished == false { usleep(10_000) }
        vf_jack_close(jack)
    }
}
