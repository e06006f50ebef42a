import ArgumentParser
import Foundation
import VoxflowKit
import VoxflowText

/// Options shared by `normalize` and `tag`: where the text comes from and how it is read.
struct TextInputOptions: ParsableArguments {
    @Argument(help: "The text. Omit to read standard input: one result per input line.")
    var text: [String] = []

    @OptionGroup var language: LanguageOptions

    /// Calls `body` on the argument text, or on each line of standard input (errors name the line).
    func forEachInput(_ body: (String) throws -> Void) throws {
        if !text.isEmpty {
            do { try body(text.joined(separator: " ")) } catch { throw Console.fail("in the text, \(error)") }
            return
        }
        var n = 0
        var failed = false
        while let line = readLine() {
            n += 1
            do { try body(line) } catch {
                Log.logger.error("standard input line \(n): \(error)")
                print("")  // keep one output line per input line
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print the spoken form of text: numbers, dates, currency, units, abbreviations and symbols written out.",
        discussion: """
        One output line per input line. Markup is read (and removed) unless --plain.

        With --explain, each result is followed by the rules that read it, one per line \
        (written → spoken [language rule]), so a wrong reading can be reported with its rule. \
        With --lexicon, a TSV file of your own readings (written<TAB>spoken, # comments) is read \
        before every built-in rule.

        Examples:
          voxflow normalize "Dr. Smith paid $3.50 on 3/5/2024."
          voxflow normalize "今天是2024年3月5日，银行利率上调了0.25%。"
          voxflow normalize --explain "Call +1 (555) 123-4567 at 9am-5pm."
          voxflow normalize --lexicon names.tsv < script.txt > spoken.txt
        """)

    @OptionGroup var input: TextInputOptions

    @Flag(help: "After each result, list which rule read each token.")
    var explain = false

    @Option(help: "A TSV file of your own readings: written<TAB>spoken, one a line.")
    var lexicon: String?

    func run() throws {
        Log.setup(quiet: false, verbose: false)
        var frontEnd = input.language.frontEnd
        if let lexicon {
            do { frontEnd.lexicon = try UserLexicon.load(path: lexicon) } catch { throw Console.fail("\(error)") }
        }
        try input.forEachInput { line in
            print(try frontEnd.spokenForm(line))
            guard explain else { return }
            for step in try frontEnd.explain(line) {
                print("  \(step.written) → \(step.spoken)   [\(step.language) \(step.rule)]")
            }
        }
    }
}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Print the prosody plan of text: phrases, pauses, intonation, emphasis, emotion, and Mandarin readings.",
        discussion: """
        The plan is what prosody.tag hands the speech engine. With --json, one JSON document (per \
        input line when reading standard input: JSON Lines).

        Examples:
          voxflow tag "Are you coming? [emotion=happy:0.8]Yes, of course!"
          voxflow tag --json "“你走吧。”她冷笑一声。"
          voxflow tag --emotions my-emotions.json "He shouted angrily."
        """)

    @OptionGroup var input: TextInputOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var feeling: EmotionOptions

    @Option(help: "JSON file overriding rows of the emotion table, e.g. {\"angry\": {\"rate\": 1.3}}.")
    var emotions: String?

    @Flag(name: .customLong("no-detect-emotion"), help: "Do not infer emotion from delivery words and punctuation.")
    var noDetectEmotion = false

    func run() throws {
        Log.setup(quiet: false, verbose: false)
        try feeling.check()
        var table = EmotionTable.standard
        if let path = emotions {
            guard let data = FileManager.default.contents(atPath: path) else { throw Console.fail("cannot read \(path)") }
            do { table = try EmotionTable.overriding(json: String(decoding: data, as: UTF8.self)) } catch {
                throw Console.fail("\(path): \(error)")
            }
        }
        let tagger = ProsodyTagger(emotions: table, detectEmotion: !noDetectEmotion)
        let controls = Controls(language: input.language.language, emotion: feeling.requested, intensity: feeling.intensity)
        let frontEnd = input.language.frontEnd
        let lines = input.text.isEmpty
        try input.forEachInput { line in
            let plan = try ProsodyPlan(text: line, frontEnd: frontEnd, tagger: tagger, controls: controls)
            print(json ? plan.json(pretty: !lines) : plan.text)
        }
    }
}
