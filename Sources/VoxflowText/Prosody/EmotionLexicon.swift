/// Words that describe delivery ("she whispered nervously", "冷笑一声", "激动地说") and the emotion they
/// signal, with an intensity; and the degree words that strengthen or soften them. Data, not code:
/// add a row to teach the tagger a cue.
enum EmotionLexicon {
    struct Cue {
        var emotion: Emotion
        var intensity: Double
    }

    /// English cues, matched as whole lower-case words.
    static let english: [String: Cue] = {
        var t: [String: Cue] = [:]
        func add(_ e: Emotion, _ i: Double, _ words: [String]) { for w in words { t[w] = Cue(emotion: e, intensity: i) } }
        add(.happy, 0.6, ["laughed", "laughing", "cheerfully", "happily", "joyfully", "gleefully", "beamed", "giggled",
                          "delighted", "cheered", "grinned", "joyful", "merrily", "excitedly"])
        add(.angry, 0.7, ["shouted", "yelled", "snapped", "roared", "angrily", "furiously", "barked", "growled", "fumed",
                          "snarled", "bellowed", "raged", "furious", "angry", "seethed", "hissed"])
        add(.sad, 0.6, ["sobbed", "wept", "sadly", "tearfully", "mournfully", "sorrowfully", "cried", "grieving", "heartbroken"])
        add(.afraid, 0.6, ["nervously", "trembled", "trembling", "stammered", "fearfully", "anxiously", "stuttered",
                           "timidly", "terrified", "frightened", "panicked", "shakily", "afraid", "scared"])
        add(.disgusted, 0.6, ["sneered", "scoffed", "disgusted", "contemptuously", "grimaced", "spat", "disdainfully", "sneering"])
        add(.melancholic, 0.5, ["wistfully", "longingly", "nostalgically", "melancholy", "wearily", "forlornly", "sighed"])
        add(.surprised, 0.6, ["gasped", "exclaimed", "astonished", "surprised", "amazed", "stunned", "startled", "incredulously"])
        add(.calm, 0.5, ["calmly", "softly", "gently", "quietly", "serenely", "soothingly", "evenly", "murmured", "whispered",
                         "peacefully", "patiently"])
        return t
    }()

    /// Mandarin cues, matched as substrings of the written sentence (longest first).
    static let mandarin: [(String, Cue)] = {
        var t: [(String, Cue)] = []
        func add(_ e: Emotion, _ i: Double, _ words: [String]) { for w in words { t.append((w, Cue(emotion: e, intensity: i))) } }
        add(.happy, 0.7, ["激动地说", "激动地", "兴奋地", "高兴地", "开心地", "笑着说", "欢快地", "哈哈", "喜出望外", "乐呵呵"])
        add(.angry, 0.7, ["怒吼", "愤怒地", "生气地", "吼道", "大喊", "骂道", "气愤地", "怒气冲冲", "咆哮"])
        add(.sad, 0.6, ["哭着说", "伤心地", "难过地", "哽咽", "抽泣", "悲伤地", "泪流满面", "呜咽"])
        add(.afraid, 0.6, ["害怕地", "颤抖着", "紧张地", "惊恐地", "哆嗦着", "战战兢兢", "胆怯地"])
        add(.disgusted, 0.6, ["冷笑一声", "冷笑", "嗤之以鼻", "厌恶地", "鄙夷地", "不屑地", "恶心"])
        add(.melancholic, 0.5, ["叹了口气", "惆怅", "忧郁地", "怅然", "黯然", "感伤地"])
        add(.surprised, 0.6, ["惊讶地", "惊呼", "吃惊地", "愣住", "大吃一惊", "难以置信地"])
        add(.calm, 0.5, ["平静地", "淡淡地", "轻声说", "温柔地", "缓缓地", "轻轻地", "心平气和"])
        return t.sorted { $0.0.count > $1.0.count }
    }()

    /// Degree words just before a cue scale its intensity.
    static let englishDegree: [String: Double] = [
        "very": 1.3, "extremely": 1.5, "so": 1.2, "really": 1.25, "incredibly": 1.5, "utterly": 1.4, "terribly": 1.4,
        "slightly": 0.6, "somewhat": 0.7, "little": 0.6, "bit": 0.6, "mildly": 0.6, "faintly": 0.6,
    ]
    static let mandarinDegree: [String: Double] = [
        "非常": 1.3, "十分": 1.3, "特别": 1.3, "极其": 1.5, "很": 1.2, "太": 1.25, "有点": 0.6, "有些": 0.6, "略微": 0.6, "稍微": 0.6,
    ]
}
