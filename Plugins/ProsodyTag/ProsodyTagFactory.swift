import VoxflowKit
import VoxflowText

final class ProsodyTagFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "prosody.tag",
        summary: "Phrases, pauses, question intonation, emphasis and emotion (from tags, delivery words, punctuation) mapped to rate, pitch, range and energy",
        sinkPads: [PadTemplate("in", .text, "one sentence per chunk")],
        srcPads: [PadTemplate("out", .prosody, "one phrase per chunk")],
        parameters: [
            ParameterSpec("phrase_pause", .double, default: .double(0.12), range: 0...5, unit: "s",
                          "silence after a phrase ending in a comma (other clause marks scale it)"),
            ParameterSpec("sentence_pause", .double, default: .double(0.3), range: 0...5, unit: "s",
                          "silence after a sentence ending in a period (! ? … scale it)"),
            ParameterSpec("min_phrase_words", .int, default: .int(3), range: 1...50, unit: "words",
                          "a shorter phrase is joined to the next one"),
            ParameterSpec("detect_emotion", .bool, default: .bool(true),
                          "infer emotion from delivery words and punctuation when no tag or request sets one"),
            ParameterSpec("emotions", .string, default: .string(""),
                          "JSON object overriding rows of the emotion table, e.g. {\"angry\": {\"rate\": 1.3, \"energy\": 1.6}}; fields: rate, pitch, pitch_range, energy, pause_scale"),
        ])

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        let table: EmotionTable
        do {
            table = try EmotionTable.overriding(json: parameters.string("emotions"))
        } catch {
            throw NodeError.parameter(name: "emotions", message: "\(error)")
        }
        return ProsodyTagNode(tagger: ProsodyTagger(
            phrasePause: parameters.double("phrase_pause"), sentencePause: parameters.double("sentence_pause"),
            minPhraseWords: parameters.int("min_phrase_words"), emotions: table, detectEmotion: parameters.bool("detect_emotion")))
    }
}

final class ProsodyTagNode: Node {
    let tagger: ProsodyTagger
    private var controls: [UtteranceID: Controls] = [:]
    private var index: [UtteranceID: Int] = [:]

    init(tagger: ProsodyTagger) { self.tagger = tagger }

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
            let plans = tagger.plan(t, controls: controls[id] ?? Controls(), firstIndex: index[id] ?? 0)
            index[id] = (index[id] ?? 0) + plans.count
            for p in plans {
                if context.isCancelled(id) { return }
                context.emit(.prosody(p.chunk), of: id, on: "out")
            }
        case .chunk: break
        }
    }
}
