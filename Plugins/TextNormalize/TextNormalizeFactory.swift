import VoxflowKit
import VoxflowText

final class TextNormalizeFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "text.normalize",
        summary: "Markup (SSML subset, inline tags), English and Mandarin normalization, Hanzi → pinyin; one chunk per sentence",
        sinkPads: [PadTemplate("in", .text, "text as written, with markup")],
        srcPads: [PadTemplate("out", .text, "one chunk per sentence: spoken form in spans of one language and style")],
        parameters: [
            ParameterSpec("markup", .bool, default: .bool(true),
                          "read SSML and inline tags ([emotion=…], [pause=…], [rate=…]); false: every character is text"),
            ParameterSpec("language", .string, default: .string("auto"),
                          "language of unlabelled text: auto (split into English and Mandarin runs) or a BCP 47 tag (en, zh, …); the utterance's language wins"),
            ParameterSpec("lexicon", .string, default: .string(""),
                          "a TSV file of the user's readings (written<TAB>spoken, one a line), read before the built-in rules; empty: none"),
        ])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        let path = parameters.string("lexicon")
        var lexicon: UserLexicon? = nil
        if !path.isEmpty {
            do { lexicon = try UserLexicon.load(path: path) } catch { throw NodeError.parameter(name: "lexicon", message: "\(error)") }
        }
        return TextNormalizeNode(markup: parameters.bool("markup"), language: parameters.string("language"), lexicon: lexicon)
    }
}

/// Runs the text front end on each utterance and emits its sentences. A markup error fails the
/// utterance with the error's line and column.
final class TextNormalizeNode: Node {
    let markup: Bool
    let language: String
    let lexicon: UserLexicon?
    private var controls: [UtteranceID: Controls] = [:]
    private var index: [UtteranceID: Int] = [:]

    init(markup: Bool, language: String, lexicon: UserLexicon? = nil) {
        self.markup = markup
        self.language = language
        self.lexicon = lexicon
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { ["out": .text] }

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
            let frontEnd = TextFrontEnd(markup: markup, language: controls[id]?.language ?? language, lexicon: lexicon)
            let sentences: [TextChunk]
            do {
                sentences = try frontEnd.sentences(t.text)
            } catch let e as MarkupError {
                throw NodeError.engine("markup: \(e)")
            }
            for var s in sentences {
                if context.isCancelled(id) { return }
                s.index = index[id] ?? 0
                index[id] = s.index + 1
                context.emit(.text(s), of: id, on: "out")
            }
        case .chunk: break
        }
    }
}
