import CSherpa
import Foundation

/// Text → IPA phonemes with libespeak-ng, as Piper does (piper-phonemize): the voice's espeak-ng voice, IPA output,
/// one sentence array per clause with its punctuation kept.
///
/// libespeak-ng is loaded into a link-map namespace of its own (see csherpa.h), so acoustic.espeak's engine is never
/// disturbed. That namespace's libc keeps thread-local state that crashes a thread when it exits, so every call runs
/// on one dedicated thread that lives as long as the process; callers (any thread) wait for it, one at a time.
enum SherpaPhonemizer {
    private static let worker = PhonemizerThread()

    /// The clauses of `text` in IPA. Any thread; blocks while the phonemizer thread works (well under a millisecond a phrase).
    static func phonemize(_ text: String, voice: String) throws -> [String] {
        try worker.run(text: text, voice: voice)
    }
}

/// The one thread that calls libespeak-ng's phonemizer.
private final class PhonemizerThread: @unchecked Sendable {
    private let condition = NSCondition()
    private let callers = NSLock()
    private var request: (text: String, voice: String)?
    private var reply: Result<[String], SherpaError>?

    init() {
        let t = Thread { [unowned self] in self.loop() }
        t.name = "voxflow-phonemizer"
        t.start()
    }

    func run(text: String, voice: String) throws -> [String] {
        callers.lock()
        defer { callers.unlock() }
        condition.lock()
        request = (text, voice)
        reply = nil
        condition.broadcast()
        while reply == nil { condition.wait() }
        let r = reply!
        reply = nil
        condition.unlock()
        return try r.get()
    }

    private func loop() {
        var message = [CChar](repeating: 0, count: 512)
        let opened: String? = vf_phonemizer_open(&message, Int32(message.count)) == 0 ? nil : String(cString: message)
        while true {
            condition.lock()
            while request == nil { condition.wait() }
            let (text, voice) = request!
            request = nil
            condition.unlock()
            let result: Result<[String], SherpaError>
            if let opened {
                result = .failure(.phonemizer(opened))
            } else {
                var out = [CChar](repeating: 0, count: max(4096, text.utf8.count * 16))
                let n = vf_phonemize(voice, text, &out, Int32(out.count))
                if n < 0 {
                    result = .failure(.phonemizer("espeak-ng has no voice '\(voice)' (the model's espeak voice); install espeak-ng-data for it"))
                } else {
                    result = .success(String(cString: out).split(separator: "\n").map(String.init)
                        .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
                }
            }
            condition.lock()
            reply = result
            condition.broadcast()
            condition.unlock()
        }
    }
}
