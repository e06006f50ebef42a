import VoxflowKit
import VoxflowText

/// `voxflow.normalize(text, options)` and `voxflow.tag(text, options)`: the text front end from
/// Lua, the same code the text.normalize and prosody.tag nodes run.
extension ScriptHost {
    func defineTextFunctions(_ l: LuaState) {
        l.setFunction("normalize") { _, args in
            let (text, frontEnd) = try Self.textArguments("normalize", args)
            do { return [.string(try frontEnd.spokenForm(text))] } catch { throw LuaHostError("normalize: \(error)") }
        }
        l.setFunction("tag") { _, args in
            let (text, frontEnd) = try Self.textArguments("tag", args)
            let o = args[safe: 1]?.fields ?? [:]
            var table = EmotionTable.standard
            if let e = o["emotions"] {
                do { table = try EmotionTable.overriding(json: try JSONBridge.encode(e, pretty: false)) } catch {
                    throw LuaHostError("tag: emotions: \(error)")
                }
            }
            var controls = Controls()
            if case let .string(e)? = o["emotion"] {
                guard Emotion(rawValue: e) != nil else { throw LuaHostError("tag: unknown emotion \"\(e)\" (known: \(Emotion.allCases.map(\.rawValue).joined(separator: ", ")))") }
                controls.emotion = e
            }
            if let i = o["intensity"]?.double { controls.intensity = i }
            do {
                let plan = try ProsodyPlan(text: text, frontEnd: frontEnd, tagger: ProsodyTagger(emotions: table), controls: controls)
                return [try JSONBridge.decode(plan.json(pretty: false))]
            } catch let e as LuaHostError { throw e } catch { throw LuaHostError("tag: \(error)") }
        }
    }

    private static func textArguments(_ name: String, _ args: [LuaValue]) throws -> (String, TextFrontEnd) {
        guard let text = args[safe: 0]?.string else { throw LuaHostError("\(name): the text must be a string") }
        let o = args[safe: 1]?.fields ?? [:]
        let markup = o["plain"].map { $0 != .bool(true) } ?? true
        return (text, TextFrontEnd(markup: markup, language: o["language"]?.string ?? "auto"))
    }
}
