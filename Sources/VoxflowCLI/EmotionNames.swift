import VoxflowText

/// The emotion names the CLI accepts, for help texts and checks.
enum EmotionNames {
    static let list = Emotion.allCases.map(\.rawValue)
    static let all = list.joined(separator: ", ")
}
