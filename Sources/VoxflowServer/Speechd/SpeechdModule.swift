import Foundation
import VoxflowApp
import VoxflowKit

/// `voxflow speechd-module`: a speech-dispatcher output module on stdin/stdout, so Orca and every
/// speech-dispatcher client speak with Voxflow's voices. One persistent process: plugins and models
/// load once; each message runs through the server's path (`SpeechRequest` checks, `Synthesizer`,
/// the say preset's graph, `drive`).
///
/// ```
/// speech-dispatcher                          voxflow speechd-module
///   INIT                                 →   299-… / 299 OK LOADED SUCCESSFULLY
///   AUDIO / audio_output_method=server / . →  207 … / 203 OK AUDIO INITIALIZED
///   SET / rate=20 / language=en / … / .  →   203 OK RECEIVING SETTINGS / 203 OK SETTINGS RECEIVED
///   SPEAK (CHAR, KEY) / <speak>…</speak> / . → 202 OK RECEIVING MESSAGE / 200 OK SPEAKING
///                                            701 BEGIN, 705 audio blocks, 700 index marks, 702 END (703 STOP, 704 PAUSE)
///   STOP, PAUSE                          →   (no reply) the audio stops within one chunk
///   LIST VOICES [lang [variant]]         →   200-name<TAB>lang<TAB>variant … / 200 OK VOICE LIST SENT
///   QUIT                                 →   210 OK QUIT
/// ```
///
/// Audio goes back to speech-dispatcher (`705` blocks: 16-bit little-endian PCM at the voice's rate,
/// HDLC-escaped, at most 10,000 bytes each), which plays it through its own output.
public final class SpeechdModule: @unchecked Sendable {
    let synthesizer: Synthesizer
    let limits: ServerLimits
    private let out = SpeechdOutput()
    private var settings = SpeechdSettings()
    private var current: Task<Void, Never>?
    private var currentSynthesis = SynthesisBox()
    private var serverAudio = false

    public init(voxflow: Voxflow, preset: String? = nil, limits: ServerLimits = ServerLimits()) {
        self.limits = limits
        synthesizer = Synthesizer(voxflow: voxflow, preset: preset, limits: limits)
    }

    /// Reads commands until QUIT or the end of input. Returns the exit status.
    public func run() async -> Int32 {
        let lines = SpeechdLines()
        guard let first = await lines.next() else { return 3 }
        guard first == "INIT" else {
            FileHandle.standardError.write(Data("voxflow speechd-module: speech-dispatcher did not start with INIT\n".utf8))
            return 3
        }
        do { try synthesizer.check() } catch {
            out.send("399-\(error)\n399 ERR CANT INIT MODULE")
            return 1
        }
        out.send("299-Voxflow: \(synthesizer.voxflow.voices().count) voices\n299 OK LOADED SUCCESSFULLY")
        while let line = await lines.next() {
            switch line {
            case "SPEAK", "CHAR", "KEY", "SOUND_ICON":
                out.send("202 OK RECEIVING MESSAGE")
                guard let text = await message(lines) else { return 0 }
                speak(text, kind: line)
            case "STOP": stop(report: "703 STOP")
            case "PAUSE": stop(report: "704 PAUSE")
            case "SET":
                guard let p = await parameters(lines, ack: "203 OK RECEIVING SETTINGS") else { return 0 }
                for (k, v) in p { settings.set(k, v) }
                out.send("203 OK SETTINGS RECEIVED")
            case "AUDIO":
                guard let p = await parameters(lines, ack: "207 OK RECEIVING AUDIO SETTINGS") else { return 0 }
                if p.first(where: { $0.0 == "audio_output_method" })?.1 == "server" {
                    serverAudio = true
                    out.send("203 OK AUDIO INITIALIZED")
                } else {
                    out.send("300-voxflow hands its audio to speech-dispatcher: only audio_output_method=server is supported\n300 MODULE ERROR")
                }
            case "LOGLEVEL":
                guard await parameters(lines, ack: "207 OK RECEIVING LOGLEVEL SETTINGS") != nil else { return 0 }
                out.send("203 OK LOGLEVEL SET")
            case "QUIT":
                stop(report: nil)
                await current?.value
                out.send("210 OK QUIT")
                return 0
            default:
                if line.hasPrefix("LIST VOICES") {
                    listVoices(line.split(separator: " ").dropFirst(2).map(String.init))
                } else if line.hasPrefix("DEBUG") {
                    out.send("200 OK DEBUGGING \(line.split(separator: " ").dropFirst().first ?? "OFF")")
                } else {
                    out.send("300 ERR UNKNOWN COMMAND")
                }
            }
        }
        stop(report: nil)
        return 0
    }

    // MARK: reading

    /// Lines up to ".", a leading "." of a line unescaped; nil at the end of input.
    private func message(_ lines: SpeechdLines) async -> String? {
        var text: [String] = []
        while let l = await lines.next() {
            if l == "." { return text.joined(separator: "\n") }
            text.append(l.hasPrefix(".") ? String(l.dropFirst()) : l)
        }
        return nil
    }

    private func parameters(_ lines: SpeechdLines, ack: String) async -> [(String, String)]? {
        out.send(ack)
        var p: [(String, String)] = []
        while let l = await lines.next() {
            if l == "." { return p }
            if let eq = l.firstIndex(of: "=") { p.append((String(l[..<eq]), String(l[l.index(after: eq)...]))) }
        }
        return nil
    }

    // MARK: voices

    private func listVoices(_ filter: [String]) {
        let voices = synthesizer.voxflow.voices().filter { _, v in
            filter.isEmpty || v.languages.contains { $0.caseInsensitiveCompare(filter[0]) == .orderedSame } || v.speaks(language: filter[0])
        }
        if voices.isEmpty { return out.send("304 CANT LIST VOICES") }
        out.send(voices.map { "200-\($0.voice.name)\t\($0.voice.language)\tnone" }.joined(separator: "\n") + "\n200 OK VOICE LIST SENT")
    }

    // MARK: speaking

    private func speak(_ text: String, kind: String) {
        stop(report: nil)
        if kind == "SOUND_ICON" {   // speech-dispatcher plays icons itself
            out.send("200 OK SPEAKING")
            out.send("701 BEGIN\n706-\(text)\n706 ICON\n702 END")
            return
        }
        var r = SpeechRequest(text: kind == "KEY" ? text.replacingOccurrences(of: "_", with: " ") : text)
        r.format = .pcm
        r.markup = kind == "SPEAK"
        settings.apply(to: &r, voxflow: synthesizer.voxflow)
        do {
            try r.check(limits: limits)
            try synthesizer.checkVoice(r)
        } catch {
            FileHandle.standardError.write(Data("voxflow speechd-module: \(error)\n".utf8))
            return out.send("301 ERROR CANT SPEAK")
        }
        out.send("200 OK SPEAKING")
        let box = SynthesisBox()
        currentSynthesis = box
        let (out, synthesizer, limits) = (self.out, self.synthesizer, self.limits)
        current = Task {
            out.send("701 BEGIN")
            do {
                let synthesis = try synthesizer.start(r)
                box.set(synthesis)
                let outcome = try await drive(synthesis, encoder: RawPCMEncoder(sampleFormat: .s16le), received: monotonicNow(),
                                              totalTimeout: limits.totalTimeout,
                                              onMark: { m, _ in if m.kind == .bookmark { out.send("700-\(m.text)\n700 INDEX MARK") } }) { bytes in
                    if box.stopped { return }
                    out.audio(bytes, rate: synthesis.rate, channels: synthesis.channels)
                }
                if let f = outcome.failure, !box.stopped { FileHandle.standardError.write(Data("voxflow speechd-module: \(f)\n".utf8)) }
            } catch {
                FileHandle.standardError.write(Data("voxflow speechd-module: \(error)\n".utf8))
            }
            out.send(box.report ?? "702 END")
        }
    }

    /// Stops what is speaking; `report` (703 STOP, 704 PAUSE) replaces its 702 END.
    private func stop(report: String?) {
        currentSynthesis.stop(report: report)
    }
}

/// The synthesis a message is speaking, stoppable from the command loop.
final class SynthesisBox: @unchecked Sendable {
    private let lock = NSLock()
    private var synthesis: Synthesis?
    private var stopReport: String?
    private var isStopped = false

    func set(_ s: Synthesis) {
        let stopNow = lock.withLock { synthesis = s; return isStopped }
        if stopNow { s.cancel() }
    }
    func stop(report: String?) {
        let s = lock.withLock { () -> Synthesis? in
            if !isStopped { isStopped = true; stopReport = report }
            return synthesis
        }
        s?.cancel()
    }
    var stopped: Bool { lock.withLock { isStopped } }
    var report: String? { lock.withLock { isStopped ? (stopReport ?? "703 STOP") : nil } }
}

/// stdout, one writer at a time (replies and the speaking task's events and audio must not interleave).
final class SpeechdOutput: @unchecked Sendable {
    private let lock = NSLock()

    func send(_ text: String) { write(Data((text + "\n").utf8)) }

    /// One `705` block per 10,000 bytes: parameters, `705-AUDIO`, NUL, the samples with newline and 0x7d
    /// escaped (0x7d, then the byte with bit 5 inverted), newline, `705 AUDIO`.
    func audio(_ bytes: [UInt8], rate: Int, channels: Int) {
        let frameBytes = 2 * channels
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 10_000 / frameBytes * frameBytes)
            var block = Data("705-bits=16\n705-num_channels=\(channels)\n705-sample_rate=\(rate)\n705-num_samples=\((end - start) / frameBytes)\n705-big_endian=0\n705-AUDIO".utf8)
            block.append(0)
            for b in bytes[start..<end] {
                if b == 0x0a || b == 0x7d { block.append(0x7d); block.append(b ^ 0x20) } else { block.append(b) }
            }
            block.append(contentsOf: Array("\n705 AUDIO\n".utf8))
            write(block)
            start = end
        }
    }

    private func write(_ d: Data) {
        lock.withLock { FileHandle.standardOutput.write(d) }
    }
}

/// stdin, line by line, read on a thread of its own so STOP arrives while a message is spoken.
final class SpeechdLines: @unchecked Sendable {
    private let stream: AsyncStream<String>
    private var iterator: AsyncStream<String>.AsyncIterator

    init() {
        let (s, c) = AsyncStream.makeStream(of: String.self)
        stream = s
        iterator = s.makeAsyncIterator()
        Thread.detachNewThread {
            while let l = readLine(strippingNewline: true) { c.yield(l) }
            c.finish()
        }
    }

    func next() async -> String? { await iterator.next() }
}
