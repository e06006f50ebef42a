import VoxflowApp
/// Which voice speaks each speaker's lines: the user's map first (exact name, then ignoring case),
/// then the pool in turn, voices not yet in use first. Cues without a speaker get the default voice.
public struct DubVoices: Sendable {
    public enum Source: String, Sendable {
        /// Named in the user's map.
        case map
        /// Given from the pool.
        case pool
        /// A cue without a speaker: the default voice.
        case `default`
    }

    public struct Assignment: Sendable, Equatable {
        /// nil: cues without a speaker.
        public var speaker: String?
        public var voice: String
        public var source: Source
    }

    /// In order of each speaker's first line.
    public private(set) var assignments: [Assignment] = []
    /// Names in the map that no cue's speaker matched.
    public private(set) var unusedNames: [String] = []

    public init(cues: [Cue], map: [String: String], pool: [String], defaultVoice: String?) {
        let lowered = Dictionary(map.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        var matched = Set<String>()
        func mapped(_ speaker: String) -> String? {
            if let v = map[speaker] { matched.insert(speaker); return v }
            if let v = lowered[speaker.lowercased()] {
                matched.formUnion(map.keys.filter { $0.lowercased() == speaker.lowercased() })
                return v
            }
            return nil
        }
        let fallback = defaultVoice ?? pool.first ?? ""
        var inUse = Set<String>()
        // Voices the map gives and the default voice are in use from the start.
        var speakers: [String?] = []
        for c in cues where !speakers.contains(c.speaker) { speakers.append(c.speaker) }
        for s in speakers {
            if let s, let v = mapped(s) { inUse.insert(v) } else if s == nil { inUse.insert(fallback) }
        }
        var turn = 0
        for s in speakers {
            guard let s else {
                assignments.append(Assignment(speaker: nil, voice: fallback, source: .default))
                continue
            }
            if let v = mapped(s) {
                assignments.append(Assignment(speaker: s, voice: v, source: .map))
                continue
            }
            guard !pool.isEmpty else {
                assignments.append(Assignment(speaker: s, voice: fallback, source: .default))
                continue
            }
            // The next pool voice not yet in use; when every one is, the next in turn.
            var pick = pool[turn % pool.count]
            for k in 0..<pool.count where !inUse.contains(pool[(turn + k) % pool.count]) {
                pick = pool[(turn + k) % pool.count]
                turn += k
                break
            }
            turn += 1
            inUse.insert(pick)
            assignments.append(Assignment(speaker: s, voice: pick, source: .pool))
        }
        unusedNames = map.keys.filter { !matched.contains($0) }.sorted()
    }

    public func voice(for speaker: String?) -> String {
        assignments.first { $0.speaker == speaker }?.voice ?? ""
    }
}
