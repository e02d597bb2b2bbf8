/// Renders list counters in the `w:numFmt` formats Chinese reports use.
enum MarkerFormat {
    private static let chineseDigits: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    private static let legalDigits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    private static let heavenlyStems: [Character] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    private static let earthlyBranches: [Character] = ["子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"]

    /// `value` in the format named by `w:numFmt/@w:val`. Unknown formats fall back to decimal.
    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "decimal", "ordinal", "cardinalText", "ordinalText":
            return String(value)
        case "decimalZero":
            return value < 10 && value >= 0 ? "0\(value)" : String(value)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(value).unicodeScalars.map { scalar -> Character in
                guard scalar.value >= 48, scalar.value <= 57, let wide = Unicode.Scalar(scalar.value - 48 + 0xFF10) else {
                    return Character(scalar)
                }
                return Character(wide)
            })
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return enclosed(value, first: 0x2460, count: 20) ?? String(value)
        case "decimalEnclosedParen":
            return enclosed(value, first: 0x2474, count: 20) ?? "(\(value))"
        case "decimalEnclosedFullstop":
            return enclosed(value, first: 0x2488, count: 20) ?? "\(value)."
        case "chineseCounting", "japaneseCounting", "taiwaneseCounting", "koreanCounting":
            return value >= 1 && value < 100 ? chineseCounting(value, digits: chineseDigits, ten: "十", hundred: "百", thousand: "千", dropLeadingOne: true)
                : digitByDigit(value, digits: chineseDigits)
        case "chineseCountingThousand", "japaneseCountingThousand", "taiwaneseCountingThousand":
            return chineseCounting(value, digits: chineseDigits, ten: "十", hundred: "百", thousand: "千", dropLeadingOne: true)
        case "chineseLegalSimplified", "japaneseLegal", "taiwaneseCountingLegal":
            return chineseCounting(value, digits: legalDigits, ten: "拾", hundred: "佰", thousand: "仟", dropLeadingOne: false)
        case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
            return digitByDigit(value, digits: chineseDigits)
        case "ideographTraditional":
            return value >= 1 && value <= 10 ? String(heavenlyStems[value - 1]) : String(value)
        case "ideographZodiac":
            return value >= 1 && value <= 12 ? String(earthlyBranches[value - 1]) : String(value)
        case "upperRoman":
            return roman(value).uppercased()
        case "lowerRoman":
            return roman(value)
        case "upperLetter":
            return letters(value).uppercased()
        case "lowerLetter":
            return letters(value)
        case "none":
            return ""
        default:
            return String(value)
        }
    }

    /// Whether a marker ending in `scalar` needs no separator before the text (`、`, `）`, `．`).
    static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        ["、", "）", "．", "。", "：", "】", "〕", "」", "，"].contains(Character(scalar))
            || (0x2460...0x249B).contains(scalar.value)
    }

    private static func enclosed(_ value: Int, first: UInt32, count: Int) -> String? {
        guard value >= 1, value <= count, let scalar = Unicode.Scalar(first + UInt32(value - 1)) else { return nil }
        return String(Character(scalar))
    }

    private static func digitByDigit(_ value: Int, digits: [Character]) -> String {
        String(String(value).compactMap { $0.wholeNumberValue.map { digits[$0] } ?? $0 })
    }

    /// Positional Chinese numerals below 100,000,000 (十一, 一百零一, 二千零五十, 一万二千).
    private static func chineseCounting(_ value: Int, digits: [Character], ten: Character, hundred: Character,
                                        thousand: Character, dropLeadingOne: Bool) -> String {
        guard value > 0, value < 100_000_000 else { return value == 0 ? String(digits[0]) : String(value) }
        let zero = digits[0] == "〇" ? Character("零") : digits[0]
        func belowTenThousand(_ number: Int, leading: Bool) -> String {
            let units: [Character?] = [thousand, hundred, ten, nil]
            let parts = [number / 1000, number / 100 % 10, number / 10 % 10, number % 10]
            var text = ""
            var pendingZero = false
            var started = false
            for (index, digit) in parts.enumerated() {
                if digit == 0 {
                    if started { pendingZero = true }
                    continue
                }
                if pendingZero { text.append(zero); pendingZero = false }
                let isLeadingTen = leading && !started && index == 2 && digit == 1 && dropLeadingOne
                if !isLeadingTen { text.append(digits[digit]) }
                if let unit = units[index] { text.append(unit) }
                started = true
            }
            return text
        }
        if value < 10_000 { return belowTenThousand(value, leading: true) }
        let high = value / 10_000
        let low = value % 10_000
        var text = belowTenThousand(high, leading: true) + "万"
        if low > 0 {
            if low < 1000 { text.append(zero) }
            text += belowTenThousand(low, leading: false)
        }
        return text
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = value
        var text = ""
        for (amount, symbol) in table {
            while rest >= amount { text += symbol; rest -= amount }
        }
        return text
    }

    /// a … z, aa … zz (Word repeats the letter).
    private static func letters(_ value: Int) -> String {
        guard value > 0 else { return String(value) }
        let index = (value - 1) % 26
        let repeatCount = (value - 1) / 26 + 1
        guard let scalar = Unicode.Scalar(UInt32(97 + index)) else { return String(value) }
        return String(repeating: String(Character(scalar)), count: repeatCount)
    }
}
