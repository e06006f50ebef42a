/// One decision of a normalizer, for `voxflow normalize --explain`: what was written, what is
/// said, and the rule that read it.
///
/// ```
/// $3.50   → three dollars and fifty cents   [en money]
/// 2024年  → 二零二四年                        [zh year]
/// ```
public struct NormalizationStep: Sendable, Equatable, CustomStringConvertible {
    public var language: String
    public var written: String
    public var spoken: String
    /// The rule's name ("money", "time of day", "user lexicon").
    public var rule: String

    public init(language: String, written: String, spoken: String, rule: String) {
        self.language = language
        self.written = written
        self.spoken = spoken
        self.rule = rule
    }

    public var description: String { "\(written) → \(spoken)   [\(language) \(rule)]" }
}
