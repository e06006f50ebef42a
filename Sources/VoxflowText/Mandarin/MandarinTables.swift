/// The data behind Mandarin normalization: what digits, units, currency signs and punctuation
/// are called, and which words change how a number before them is read.
enum MandarinTables {
    /// Digits read one by one ("2024年" → 二零二四年).
    static let digits: [Character: String] = [
        "0": "零", "1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六", "7": "七", "8": "八", "9": "九",
    ]

    /// Telephone numbers read 1 as 幺 (yāo), so that it cannot be heard as 7 (qī).
    static let telephoneDigits: [Character: String] = digits.merging(["1": "幺"]) { $1 }

    /// Written forms that Foundation's zh_CN spell-out uses and speech does not: the whole
    /// number's leading 二 before 千, 万, 亿 is said 两 (2000 → 两千); 〇 is written 零 in
    /// cardinals. (二百 stays: both 二百 and 两百 are heard.)
    static let spokenLeading: [(written: String, spoken: String)] = [("二千", "两千"), ("二万", "两万"), ("二亿", "两亿")]
    static let spokenCharacters: [Character: Character] = ["〇": "零"]

    /// Symbols and abbreviations written after a number, as said in Mandarin. Matched
    /// case-sensitively and never inside a longer Latin word ("5 km" yes, "5 kmh" no).
    static let units: [String: String] = [
        "km": "公里", "m": "米", "cm": "厘米", "mm": "毫米", "μm": "微米", "nm": "纳米",
        "km²": "平方公里", "m²": "平方米", "㎡": "平方米", "m³": "立方米", "cm²": "平方厘米",
        "kg": "千克", "g": "克", "mg": "毫克", "t": "吨",
        "L": "升", "ml": "毫升", "mL": "毫升",
        "h": "小时", "min": "分钟", "s": "秒", "ms": "毫秒",
        "km/h": "公里每小时", "m/s": "米每秒",
        "Hz": "赫兹", "kHz": "千赫兹", "MHz": "兆赫兹", "GHz": "吉赫兹",
        "W": "瓦", "kW": "千瓦", "kWh": "千瓦时", "V": "伏", "mAh": "毫安时",
        "°": "度", "℃": "摄氏度", "°C": "摄氏度", "℉": "华氏度", "°F": "华氏度",
    ]

    /// Units, written as symbols or in Hanzi, after which a minus sign is said 零下
    /// ("-5℃" → 零下五摄氏度, "-5度" → 零下五度) rather than 负.
    static let belowZeroUnits: [String] = ["℃", "°C", "℉", "°F", "°", "度", "摄氏度", "华氏度"]

    /// Short service numbers, read like telephone numbers when no measure word follows them
    /// (110 → 幺幺零, but 110个 → 一百一十个).
    static let serviceNumbers: Set<String> = ["110", "112", "114", "119", "120", "122", "12306", "12315", "12345", "10086",
                                              "10010", "10000", "12321", "12348", "95588", "95533", "95555", "95566",
                                              "95599", "95559", "95508", "95511", "95518"]

    /// Words after which a number is dialled (拨打95588 → 九五五八八).
    static let callCues = ["拨打", "致电", "拨", "打", "热线", "电话", "电话：", "电话:", "客服", "呼叫", "号码", "号码是", "号码：", "号码:"]

    /// Currency signs written before an amount, and the unit said after it ("$5" → 五美元).
    static let currencySigns: [String: String] = [
        "¥": "元", "￥": "元", "CN¥": "元", "RMB": "元", "$": "美元", "US$": "美元", "HK$": "港元", "NT$": "新台币",
        "€": "欧元", "£": "英镑", "₩": "韩元", "₹": "卢比",
    ]

    /// Words after which the number 2 is said 两 (2个 → 两个, 2点 → 两点, 2公里 → 两公里);
    /// `twoExceptions` win where both match (2年级 → 二年级, not 两年级).
    static let twoAsLiang: [String] = [
        "个", "人", "位", "名", "只", "条", "张", "件", "次", "回", "遍", "趟", "天", "年", "周", "星期", "岁", "倍", "种",
        "样", "点", "小时", "钟头", "分钟", "秒", "辆", "台", "份", "家", "层", "斤", "公斤", "千克", "克", "吨",
        "公里", "千米", "米", "厘米", "毫米", "升", "元", "块", "毛", "角", "分", "美元", "欧元", "英镑", "港元", "杯",
        "碗", "瓶", "双", "对", "套", "首", "句", "篇", "部", "场", "所", "间", "座", "架", "棵", "朵", "头", "匹", "口",
        "把", "片", "节", "门", "项", "笔", "声", "顿", "道", "封", "本", "支", "根", "颗", "粒", "块钱", "百", "千",
        "万", "亿", "代", "届", "季", "轮", "摄氏度", "度",
    ]
    static let twoExceptions: [String] = ["年级", "月", "日", "号", "楼", "级", "班", "等", "分之"]

    /// First characters of the Chinese units and measure words that follow numbers; a number
    /// written right before one belongs to the Mandarin run (LanguageRuns).
    static let measureWordStarts: Set<Character> = Set(twoAsLiang.compactMap(\.first) + twoExceptions.compactMap(\.first))
        .union(["%", "％", "℃"])

    /// Words after a year (2008奥运会, 2024届) that name something of that year.
    static let yearNouns = ["届", "奥运", "世界杯", "赛季", "年度", "财年", "款", "版", "春晚", "高考", "级"]

    /// Words before a number of years that make it an amount (过去1000年 → 一千年).
    static let amountCues = ["过去", "近", "约", "大约", "长达", "历时", "经过", "几", "数", "整整", "超过", "不到", "将近",
                             "花了", "用了", "持续", "延续", "相隔", "距今"]
    /// Words after 年 that make a round number of years a duration (1000年前, 2000年来).
    static let durationAfter = ["年前", "年来", "年后", "年间", "年之久", "年历史", "多年"]

    /// Cues that make "6/18" a month and day: before it (在, 于, 截至) or after it (大促, 当天, 举行).
    static let dateCuesBefore = ["在", "于", "从", "自", "至", "到", "截至", "截止", "是", "日期", "今年", "明年", "去年", "每年",
                                 "年", "定于", "将于", "直到", "本周", "下周", "周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    static let dateCuesAfter = ["大促", "当天", "当日", "前", "后", "起", "开始", "举行", "举办", "发布", "上午", "下午", "晚上",
                                "晚", "早上", "凌晨", "中午", "零点", "购物节", "活动", "期间", "至", "到", "截止", "晚会", "生日",
                                "开售", "上线", "发货", "以前", "之前", "之后", "那天", "这天", "周", "星期", "开幕", "闭幕", "-", "~", "～"]

    /// Dashes and tildes that join the ends of a range ("10-20个" → 十到二十个).
    static let rangeDashes = "-~～—–"

    /// ASCII punctuation next to Chinese and its full-width form.
    static let fullWidthPunctuation: [Character: Character] = [
        ",": "，", ".": "。", "!": "！", "?": "？", ";": "；", ":": "：",
    ]

    /// Full-width symbols folded to ASCII before normalizing (full-width digits and letters are
    /// folded by code point; see MandarinNormalizer.foldFullWidth). Chinese punctuation such as ，
    /// and ： is left alone.
    static let foldedSymbols: [Character: Character] = [
        "％": "%", "．": ".", "＋": "+", "－": "-", "／": "/", "＄": "$", "＃": "#", "＠": "@", "＆": "&", "＝": "=",
    ]
}
