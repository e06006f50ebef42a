import VoxflowKit

final class TextNormalizeFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "text.normalize",
        summary: "Unicode NFC, whitespace folding and sentence splitting; one text chunk per sentence",
        sinkPads: [PadTemplate("in", .text, "text as written")],
        srcPads: [PadTemplate("out", .text, "one chunk per sentence")],
        parameters: [
            ParameterSpec("split_sentences", .bool, default: .bool(true), "emit one chunk per sentence (false: one per utterance)"),
        ])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        TextNormalizeNode(splitSentences: parameters.bool("split_sentences"))
    }
}

final class TextNormalizeNode: Node {
    let splitSentences: Bool
    private var index: [UtteranceID: Int] = [:]

    init(splitSentences: Bool) { self.splitSentences = splitSentences }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { ["out": .text] }

    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        let id = packet.utterance
        switch packet.body {
        case .begin: index[id] = 0
        case .end: index[id] = nil
        case let .chunk(.text(t)):
            let clean = TextCleaner.clean(t.text)
            let parts = splitSentences ? SentenceSplitter.split(clean) : [clean]
            for s in parts where !s.isEmpty {
                if context.isCancelled(id) { return }
                let i = index[id] ?? 0
                index[id] = i + 1
                context.emit(.text(TextChunk(text: s, index: i)), of: id, on: "out")
            }
        case .chunk: break
        }
    }
}
