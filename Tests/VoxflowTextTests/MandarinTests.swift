import Foundation
import Testing
import VoxflowKit
@testable import VoxflowText

// MARK: - Normalization

@Suite struct MandarinNormalizerTests {
    @Test func exampleSentence() {
        #expect(MandarinNormalizer.normalize("今天是2024年3月5日，银行利率上调了0.25%。")
                == "今天是二零二四年三月五日，银行利率上调了百分之零点二五。")
    }

    @Test(arguments: [
        // cardinals, thousands separators, 两 before 千/万/亿
        ("共1,234元", "共一千二百三十四元"),
        ("2000人", "两千人"),
        ("20000人", "两万人"),
        ("200人", "二百人"),
        ("10005人", "一万零五人"),
        ("1010个", "一千零一十个"),
        ("100010000元", "一亿零一万元"),
        ("1000000000000元", "一万亿元"),
        ("12个", "十二个"),
        ("2个苹果", "两个苹果"),
        ("2年级", "二年级"),
        ("共0个", "共零个"),
        // decimals and negatives
        ("3.5米", "三点五米"),
        ("12.30元", "十二点三零元"),
        ("气温-5度", "气温零下五度"),
        ("余额-5元", "余额负五元"),
        // percentages
        ("3.5%", "百分之三点五"),
        ("增长10%-20%", "增长百分之十到百分之二十"),
        ("下降-2%", "下降负百分之二"),
        ("5‰", "千分之五"),
        // dates and years
        ("2024年", "二零二四年"),
        ("1990年代", "一九九零年代"),
        ("90年代", "九零年代"),
        ("2024-03-05", "二零二四年三月五日"),
        ("2024/3/5", "二零二四年三月五日"),
        ("12月25日", "十二月二十五日"),
        ("2月2号", "二月二号"),
        ("2020-2024年", "二零二零到二零二四年"),
        ("2024-03", "二零二四年三月"),
        ("2000-3000人", "两千到三千人"),
        // times
        ("14:05", "十四点零五分"),
        ("14:30", "十四点三十分"),
        ("14:00开会", "十四点开会"),
        ("2:15", "两点十五分"),
        ("08:05:09", "八点零五分零九秒"),
        ("9:00-17:30", "九点到十七点三十分"),
        ("下午3点", "下午三点"),
        ("下午2点", "下午两点"),
        ("比分3:2", "比分三比二"),
        // ordinals
        ("第2名", "第二名"),
        ("第1天", "第一天"),
        ("第2000位", "第二千位"),
        ("第3.5章", "第三点五章"),
        // temperature and units
        ("-5℃", "零下五摄氏度"),
        ("36.5°C", "三十六点五摄氏度"),
        ("5km", "五公里"),
        ("2 kg", "两千克"),
        ("100m", "一百米"),
        ("60km/h", "六十公里每小时"),
        ("80㎡", "八十平方米"),
        ("5 minutes", "五 minutes"),
        // ranges
        ("10-20个", "十到二十个"),
        ("3~5km", "三到五公里"),
        ("2-3个", "两到三个"),
        ("-10~5℃", "零下十到五摄氏度"),
        ("-10~-5℃", "零下十到零下五摄氏度"),
        ("COVID-19", "COVID-十九"),
        // fractions
        ("1/3", "三分之一"),
        ("3/4的人", "四分之三的人"),
        // money
        ("¥100", "一百元"),
        ("$5", "五美元"),
        ("€2.5万", "二点五万欧元"),
        // telephone numbers and codes
        ("13812345678", "幺三八幺二三四五六七八"),
        ("电话010-12345678", "电话零幺零 幺二三四五六七八"),
        ("+86 138 0013 8000", "加八六 幺三八 零零幺三 八零零零"),
        ("400-123-4567", "四零零 幺二三 四五六七"),
        ("号码1234567", "号码幺二三四五六七"),
        ("人口1400000人", "人口一百四十万人"),
        ("007", "零零七"),
        ("报警请拨110", "报警请拨幺幺零"),
        ("110个", "一百一十个"),
        // full-width input
        ("１２３个", "一百二十三个"),
        ("３．５％", "百分之三点五"),
        ("１４：０５", "十四点零五分"),
    ])
    func normalizes(_ written: String, _ spoken: String) {
        #expect(MandarinNormalizer.normalize(written) == spoken)
    }

    @Test(arguments: [
        ("你好,世界!", "你好，世界！"),
        ("真的吗?是的.", "真的吗？是的。"),
        ("注意: 明天下雨; 带伞", "注意：明天下雨；带伞"),
        ("等等...", "等等……"),
        ("Hello, world.", "Hello, world."),
        ("我买了15个.", "我买了十五个。"),
    ])
    func punctuationAfterChineseBecomesFullWidth(_ written: String, _ spoken: String) {
        #expect(MandarinNormalizer.normalize(written) == spoken)
    }

    @Test func leavesNoASCIIDigits() {
        let messy = "v1.2.3版本, 第3.5章, .5, 1,2,3, 12:345, 99999999999999999999, 2024-13-45, 5/0"
        let spoken = MandarinNormalizer.normalize(messy)
        #expect(!spoken.contains { $0.isASCII && $0.isNumber }, "\(spoken)")
    }

    @Test(arguments: [
        ("2024", "digits", nil, "二零二四"),
        ("A3", "characters", nil, "A 三"),
        ("1,234", "cardinal", nil, "一千二百三十四"),
        ("-3.5", "number", nil, "负三点五"),
        ("2", "ordinal", nil, "第二"),
        ("第3", "ordinal", nil, "第三"),
        ("2024-03-05", "date", nil, "二零二四年三月五日"),
        ("3/5/2024", "date", "mdy", "二零二四年三月五日"),
        ("05/03/2024", "date", "dmy", "二零二四年三月五日"),
        ("2024年3月", "date", nil, "二零二四年三月"),
        ("3-5", "date", "md", "三月五日"),
        ("010-65529988", "telephone", nil, "零幺零 六五五二九九八八"),
        ("14:05", "time", nil, "十四点零五分"),
        ("¥12.5", "currency", nil, "十二点五元"),
        ("$5", "currency", nil, "五美元"),
    ] as [(String, String, String?, String)])
    func sayAs(_ text: String, _ kind: String, _ format: String?, _ spoken: String) {
        #expect(MandarinNormalizer.sayAs(text, interpretAs: kind, format: format) == spoken)
    }

    @Test(arguments: [
        ("abc", "cardinal", nil), ("12a", "ordinal", nil), ("2024-13-05", "date", nil), ("hello", "telephone", nil),
        ("25:00", "time", nil), ("3/5", "date", "ymd"), ("5", "unknown-kind", nil),
    ] as [(String, String, String?)])
    func sayAsRefuses(_ text: String, _ kind: String, _ format: String?) {
        #expect(MandarinNormalizer.sayAs(text, interpretAs: kind, format: format) == nil)
    }

    @Test func numeralsAgreeWithTheFormatterAcrossMagnitudes() {
        #expect(MandarinNumerals.cardinal("0") == "零")
        #expect(MandarinNumerals.cardinal("10") == "十")
        #expect(MandarinNumerals.cardinal("110000") == "十一万")
        #expect(MandarinNumerals.cardinal("100100") == "十万零一百")
        #expect(MandarinNumerals.cardinal("1000010000") == "十亿零一万")
        #expect(MandarinNumerals.cardinal("100000010") == "一亿零一十")
        #expect(MandarinNumerals.cardinal("123456789012") == "一千二百三十四亿五千六百七十八万九千零一十二")
        #expect(MandarinNumerals.cardinal("200000000") == "两亿")
        #expect(MandarinNumerals.cardinal("2000", leadingLiang: false) == "二千")
    }
}

// MARK: - Language runs

@Suite struct LanguageRunsTests {
    typealias Run = (String, String)

    @Test(arguments: [
        ("我用iPhone 15拍的", [("zh", "我用"), ("en", "iPhone 15"), ("zh", "拍的")]),
        ("2024年", [("zh", "2024年")]),
        ("He was born in 2024.", [("en", "He was born in 2024.")]),
        ("in 2024年", [("en", "in "), ("zh", "2024年")]),
        ("他说: OK, let's go!然后走了。", [("zh", "他说: "), ("en", "OK, let's go!"), ("zh", "然后走了。")]),
        ("我喜欢 Swift 语言", [("zh", "我喜欢 "), ("en", "Swift "), ("zh", "语言")]),
        ("“你好”", [("zh", "“你好”")]),
        ("Price: 5元", [("en", "Price: "), ("zh", "5元")]),
        ("Hello。", [("en", "Hello。")]),
    ] as [(String, [Run])])
    func splits(_ text: String, _ expected: [Run]) {
        let runs = LanguageRuns.split(text)
        #expect(runs == expected.map { LanguageRun(language: $0.0, text: $0.1) })
        #expect(runs.map(\.text).joined() == text)
    }

    @Test(arguments: ["", " ", "abc", "中文", "A中B文C", "１２３，ＡＢＣ。", "a 1 中 2 b", "。。。", "\n我\nyou\n"])
    func roundTrips(_ text: String) {
        let runs = LanguageRuns.split(text)
        #expect(runs.map(\.text).joined() == text)
        #expect(runs.allSatisfy { !$0.text.isEmpty })
        #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.language != $1.language })
    }

    @Test func containsHan() {
        #expect(LanguageRuns.containsHan("abc中"))
        #expect(LanguageRuns.containsHan("〇"))
        #expect(!LanguageRuns.containsHan("abc，。123"))
        #expect(!LanguageRuns.containsHan(""))
    }
}

// MARK: - Pinyin syllables

@Suite struct PinyinTests {
    @Test(arguments: [
        ("yín", "yin2"), ("lǜ", "lv4"), ("ma", "ma5"), ("er", "er5"), ("chong2", "chong2"), ("nǚ", "nv3"),
        ("lüè", "lve4"), ("lu:4", "lv4"), ("jū", "ju1"), ("Zhōng", "zhong1"), ("ḿ", "m2"), ("ňg", "ng3"), ("hm", "hm5"),
        ("ma0", "ma5"), ("xiǎo", "xiao3"), ("guì", "gui4"), ("liù", "liu4"),
    ])
    func numbered(_ written: String, _ expected: String) {
        #expect(Pinyin.numbered(written) == expected)
    }

    @Test(arguments: ["", "xyz", "ma6", "má2", "m2a", "hello", "ni hao", "zhōngguó"])
    func numberedRefuses(_ written: String) {
        #expect(Pinyin.numbered(written) == nil)
    }

    @Test(arguments: [
        ("yin2", "yín"), ("lv4", "lǜ"), ("ma5", "ma"), ("hao3", "hǎo"), ("gou3", "gǒu"), ("liu2", "liú"), ("gui4", "guì"),
        ("xue2", "xué"), ("lve4", "lüè"), ("nv3", "nǚ"), ("zhuang1", "zhuāng"), ("er2", "ér"), ("ju1", "jū"),
        ("m2", "ḿ"), ("ng4", "ǹg"), ("ai4", "ài"), ("ou1", "ōu"), ("huo3", "huǒ"),
    ])
    func marked(_ numbered: String, _ expected: String) {
        #expect(Pinyin.marked(numbered) == expected)
    }

    @Test func markedRefuses() {
        #expect(Pinyin.marked("qqq1") == nil)
        #expect(Pinyin.marked("ma9") == nil)
    }

    @Test func markedAndNumberedRoundTripOverTheWholeDictionary() throws {
        let dictionary = try PinyinDictionary.shared()
        for letters in dictionary.syllables {
            for tone in 1...5 {
                let numbered = letters + String(tone)
                let marked = try #require(Pinyin.marked(numbered), "\(numbered)")
                #expect(Pinyin.numbered(marked) == numbered)
            }
        }
    }

    @Test(arguments: [
        ("chóng", ["chong2"]), ("chong2", ["chong2"]), ("chong2 fan3", ["chong2", "fan3"]),
        ("chóng fǎn", ["chong2", "fan3"]), ("chong2fan3", ["chong2", "fan3"]), ("xi'an", ["xi5", "an5"]),
        ("Xī'ān", ["xi1", "an1"]), ("  yín  háng ", ["yin2", "hang2"]), ("lü4 shi1", ["lv4", "shi1"]),
    ])
    func parses(_ reading: String, _ expected: [String]) {
        #expect(Pinyin.parse(reading) == expected)
    }

    @Test(arguments: ["chongfan", "chóngfǎn", "jong1", "fai4", "shiang3", "Windows 10", "", "   ", "ni3 hao9", "hello"])
    func parseRefuses(_ reading: String) {
        #expect(Pinyin.parse(reading) == nil)
    }
}

// MARK: - Dictionary

@Suite struct PinyinDictionaryTests {
    @Test func loadsTheInstalledData() throws {
        let dictionary = try PinyinDictionary.shared()
        #expect(try PinyinDictionary.shared() === dictionary)
        #expect(dictionary.readings(of: "行").prefix(2) == ["xing2", "hang2"])
        #expect(dictionary.readings(of: "绿").first == "lv4")
        #expect(dictionary.readings(of: "a") == [])
        #expect(dictionary.phrase("银行") == ["yin2", "hang2"])
        #expect(dictionary.phrase("利率") == ["li4", "lv4"])
        #expect(dictionary.phrase("不存在的词语") == nil)
        #expect((4...30).contains(dictionary.longestPhrase))
        #expect(dictionary.syllables.contains("zhuang") && dictionary.syllables.contains("lve"))
        #expect(!dictionary.syllables.contains("jong") && !dictionary.syllables.contains("fai"))
        #expect((380...460).contains(dictionary.syllables.count), "\(dictionary.syllables.count)")
    }

    @Test func malformedLineIsNamedWithFileAndLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "一\tyī\n二\tèr\n".write(to: dir.appendingPathComponent("chars.tsv"), atomically: true, encoding: .utf8)
        try "一二\tyī èr\n三四 sān sì\n".write(to: dir.appendingPathComponent("phrases.tsv"), atomically: true, encoding: .utf8)
        let error = try #require(throws: PinyinDictionaryError.self) { try PinyinDictionary(directory: dir) }
        let message = "\(error)"
        #expect(message.contains("\(dir.path)/phrases.tsv:2:"), "\(message)")
        #expect(message.contains("scripts/bootstrap"))
    }

    @Test(arguments: [
        ("一\tyī\n好\thǎo,hào\n一二\tyī\n", "chars.tsv:3: expected one character"),
        ("一\tyī\n好\thǎo,hàoo\n", "chars.tsv:2: \"hàoo\" is not a pinyin syllable"),
        ("一\n", "chars.tsv:1: expected TEXT<TAB>READINGS"),
    ])
    func malformedCharacters(_ chars: String, _ expected: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try chars.write(to: dir.appendingPathComponent("chars.tsv"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent("phrases.tsv"), atomically: true, encoding: .utf8)
        let error = try #require(throws: PinyinDictionaryError.self) { try PinyinDictionary(directory: dir) }
        #expect("\(error)".contains(expected), "\(error)")
    }

    @Test func syllableCountMustMatchTheWord() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "一\tyī\n".write(to: dir.appendingPathComponent("chars.tsv"), atomically: true, encoding: .utf8)
        try "银行\tyín\n".write(to: dir.appendingPathComponent("phrases.tsv"), atomically: true, encoding: .utf8)
        let error = try #require(throws: PinyinDictionaryError.self) { try PinyinDictionary(directory: dir) }
        #expect("\(error)".contains("phrases.tsv:1: \"银行\" has 2 characters but 1 syllables"), "\(error)")
    }

    @Test func missingDirectoryTellsToRunBootstrap() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-no-such-\(UUID().uuidString)")
        let error = try #require(throws: PinyinDictionaryError.self) { try PinyinDictionary(directory: dir) }
        #expect("\(error)".contains("chars.tsv"))
        #expect("\(error)".contains("scripts/bootstrap"))
        #expect("\(PinyinDictionaryError.notInstalled(searched: ["/a", "/b"]))".contains("/a, /b"))
    }

    @Test func searchPathFollowsTheEnvironment() {
        let path = PinyinDictionary.searchPath(environment: ["VOXFLOW_PINYIN_DIR": "/opt/p", "XDG_DATA_HOME": "/x", "HOME": "/h"])
        #expect(path.map(\.path) == ["/opt/p", "/x/voxflow/pinyin", "/usr/local/share/voxflow/pinyin", "/usr/share/voxflow/pinyin"])
        let fallback = PinyinDictionary.searchPath(environment: ["HOME": "/h"])
        #expect(fallback.first?.path == "/h/.local/share/voxflow/pinyin")
    }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("voxflow-pinyin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

// MARK: - Hanzi → pinyin

@Suite struct PinyinConverterTests {
    func reading(_ text: String) throws -> String {
        let converter = PinyinConverter(dictionary: try PinyinDictionary.shared())
        return converter.words(text).map { $0.alphabet == .pinyin ? $0.spoken : "[\($0.spoken)]" }.joined(separator: " | ")
    }

    @Test(arguments: [
        ("我去银行取钱", "yin2 hang2"),
        ("他在路上行走", "xing2 zou3"),
        ("我们重新开始", "chong2 xin1"),
        ("这很重要", "zhong4 yao4"),
        ("孩子长大了", "zhang3 da4"),
        ("我爱长城", "chang2 cheng2"),
        ("我喜欢音乐", "yin1 yue4"),
        ("祝你快乐", "kuai4 le4"),
        ("我还有钱", "hai2 | you3"),
        ("你快还钱", "huan2 qian2"),
        ("银行利率上调了", "li4 lv4"),
    ])
    func polyphones(_ text: String, _ expected: String) throws {
        let said = try reading(text)
        #expect(said.contains(expected), "\(said)")
    }

    @Test(arguments: [
        ("一定", "yi2 ding4"),          // before a 4th tone
        ("一天", "yi4 | tian1"),          // before a 1st tone
        ("一年", "yi4 | nian2"),          // before a 2nd tone
        ("一起", "yi4 qi3"),            // before a 3rd tone
        ("一个人", "yi2 | ge4"),
        ("十一", "shi2 | yi1"),           // counting
        ("第一", "di4 | yi1"),            // ordinal
        ("一九", "yi1 | jiu3"),           // digits
        ("二零一四年", "er4 | ling2 | yi1 | si4"),
        ("统一", "tong3 | yi1"),          // word end
        ("一月", "yi1 yue4"),           // a month, not 'one month'
        ("看一看", "kan4 | yi5 | kan4"),       // a verb doubled around 一
        ("一天一天", "yi4 | tian1 | yi4 | tian1"),
        ("唯一一次", "yi1 | yi2 | ci4"),
        ("一月一日", "yi1 yue4 | yi1 | ri4"),
        ("一点钟", "yi1 dian3 zhong1"),
        ("一点五", "yi1 dian3 | wu3"),
        ("一点也不难", "yi4 dian3"),           // 'a little'
        ("该不该", "bu5"),
        ("三分之一是", "zhi1 | yi1 | shi4"),
        ("一百一十", "yi4 bai3 | yi1 | shi2"),
        ("不是", "bu2 shi4"),
        ("不好", "bu4 hao3"),
        ("不来", "bu4 | lai2"),
        ("不一定", "bu4 yi2 ding4"),
        ("是不是", "shi4 bu5 shi4"),
        ("一不小心", "yi2 bu4 xiao3 xin1"),
        ("对不起", "dui4 bu4 qi3"),
        ("百分之零点二五", "ling2 | dian3"),
        ("一千二百三十四", "yi4 | qian1"),
        ("一万", "yi2 | wan4"),
    ])
    func toneChangesOfYiAndBu(_ text: String, _ expected: String) throws {
        // Word boundaries ("|") depend on the dictionary's vocabulary; the tones must not.
        let said = try reading(text).replacingOccurrences(of: " | ", with: " ")
        #expect(said.contains(expected.replacingOccurrences(of: " | ", with: " ")), "\(said)")
    }

    @Test func exampleSentenceEndToEnd() throws {
        let words = PinyinConverter(dictionary: try PinyinDictionary.shared())
            .words(MandarinNormalizer.normalize("今天是2024年3月5日，银行利率上调了0.25%。"))
        #expect(words.map(\.written).joined() == "今天是二零二四年三月五日，银行利率上调了百分之零点二五。")
        #expect(words.contains(SpokenWord(written: "银行", spoken: "yin2 hang2", alphabet: .pinyin)))
        #expect(words.contains(SpokenWord(written: "，", spoken: "，", alphabet: .text)))
        #expect(words.last == SpokenWord(written: "。", spoken: "。", alphabet: .text))
        let syllables = words.filter { $0.alphabet == .pinyin }.flatMap { $0.spoken.split(separator: " ") }
        #expect(syllables.count == 26)
        #expect(syllables.allSatisfy { Pinyin.numbered(String($0)) == String($0) })
    }

    @Test func nonHanBecomesTextWords() throws {
        let words = PinyinConverter(dictionary: try PinyinDictionary.shared()).words("我用iPhone 15拍的, OK?")
        #expect(words == [
            SpokenWord(written: "我", spoken: "wo3", alphabet: .pinyin),
            SpokenWord(written: "用", spoken: "yong4", alphabet: .pinyin),
            SpokenWord(written: "iPhone", spoken: "iPhone", alphabet: .text),
            SpokenWord(written: "15", spoken: "15", alphabet: .text),
            SpokenWord(written: "拍", spoken: "pai1", alphabet: .pinyin),
            SpokenWord(written: "的", spoken: "de5", alphabet: .pinyin),
            SpokenWord(written: ",", spoken: ",", alphabet: .text),
            SpokenWord(written: "OK", spoken: "OK", alphabet: .text),
            SpokenWord(written: "?", spoken: "?", alphabet: .text),
        ])
    }

    @Test func textWordsKeepNumbersAndContractionsWhole() throws {
        let words = PinyinConverter(dictionary: try PinyinDictionary.shared()).words("V2.0版, let's go. 好")
        #expect(words.map(\.written) == ["V2.0", "版", ",", "let's", "go", ".", "好"])
    }

    @Test func thirdToneSandhiIsLeftToTheEngine() throws {
        #expect(try reading("你好") == "ni3 hao3")
    }

    @Test func segmentationPrefersFewerWords() throws {
        let converter = PinyinConverter(dictionary: try PinyinDictionary.shared())
        let chars = Array("我去中国银行行长家")
        let cut = converter.segment(chars).map { String(chars[$0]) }
        #expect(cut.joined() == "我去中国银行行长家")
        #expect(cut.contains("行长"), "\(cut)")
        #expect(cut.count <= 5, "\(cut)")
        #expect(converter.segment([]) == [])
    }
}
