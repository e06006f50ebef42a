import VoxflowKit

final class ProsodyTagFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "prosody.tag",
        summary: "Splits sentences into phrases at punctuation and sets pause lengths; passes rate and pitch through",
        sinkPads: [PadTemplate("in", .text, "one sentence per chunk")],
        srcPads: [PadTemplate("out", .prosody, "one phrase per chunk")],
        parameters: [
            ParameterSpec("phrase_pause", .double, default: .double(0.12), range: 0...5, unit: "s",
                          "silence after a phrase ending in , ; : or a dash"),
            ParameterSpec("sentence_pause", .double, default: .double(0.3), range: 0...5, unit: "s",
                          "silence after a sentence"),
            ParameterSpec("min_phrase_words", .int, default: .int(3), range: 1...50, unit: "words",
                          "a shorter phrase is joined to the next one"),
        ])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        ProsodyTagNode(phrasePause: parameters.double("phrase_pause"), sentencePause: parameters.double("sentence_pause"),
                       minWords: parameters.int("min_phrase_words"))
    }
}

final class ProsodyTagNode: Node {
    let phrasePause: Double, sentencePause: Double, minWords: Int
    private var controls: [UtteranceID: Controls] = [:]
    private var index: [UtteranceID: Int] = [:]

    init(phrasePause: Double, sentencePause: Double, minWords: Int) {
        self.phrasePause = phrasePause
        self.sentencePause = sentencePause
        self.minWords = minWords
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { ["out": .prosody] }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case let .begin(u):
            controls[id] = u.controls
            index[id] = 0
        case .end:
            controls[id] = nil
            index[id] = nil
        case let .chunk(.text(t)):
            let c = controls[id] ?? Controls()
            let phrases = PhraseSplitter.split(t.text, minWords: minWords)
            for (k, p) in phrases.enumerated() {
                if context.isCancelled(id) { return }
                let last = k == phrases.count - 1
                let i = index[id] ?? 0
                index[id] = i + 1
                let chunk = ProsodyChunk(text: p, index: i, pauseAfter: last ? sentencePause : phrasePause,
                                         rate: c.rate, pitch: c.pitch, isSentenceEnd: last,
                                         isQuestion: last && (p.hasSuffix("?") || p.hasSuffix("？")))
                context.emit(.prosody(chunk), of: id, on: "out")
            }
        case .chunk: break
        }
    }
}
