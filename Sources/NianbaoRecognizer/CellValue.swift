public import Foundation

/// The unit a money value is stated in.
public enum MoneyUnit: String, Sendable, Hashable {
    /// 元 (yuan).
    case yuan = "元"
    /// 万元 (ten thousand yuan).
    case tenThousandYuan = "万元"
    /// 亿元 (hundred million yuan).
    case hundredMillionYuan = "亿元"

    /// Yuan per unit.
    public var multiplier: Decimal {
        switch self {
        case .yuan: 1
        case .tenThousandYuan: 10_000
        case .hundredMillionYuan: 100_000_000
        }
    }

    /// The unit named in a header or cell (`采购总金额（万元）`, `单位：元`), if any.
    public static func mentioned(in text: String) -> MoneyUnit? {
        if text.has("亿元") { return .hundredMillionYuan }
        if text.has("万元") { return .tenThousandYuan }
        if text.has("元") { return .yuan }
        return nil
    }
}

/// Decimal parsing locale, made once: creating a `Locale` per cell dominated conversion time.
private let posix = Locale(identifier: "en_US_POSIX")

/// What one table cell says, read as a value.
public enum CellValue: Sendable, Hashable {
    /// A number, with the money unit the cell itself states (`101500元`, `10.15万元`).
    case number(Decimal, unit: MoneyUnit?)
    /// Nothing in the cell.
    case blank
    /// A dash or slash standing for "not applicable / not given" (`—`, `/`, `-`).
    case placeholder(String)
    /// `无` ("none"): an explicit zero.
    case none
    /// Text that is not a value (a label).
    case text

    /// The most digits a number may have. No count or amount in a report comes near; longer digit
    /// runs are text, since `Decimal` would overflow to NaN once scaled by a unit or summed.
    public static let maximumDigits = 30

    /// Most cells are a bare count (`0`, ` 12 `, `7\u{A0}`): read those straight from the bytes.
    static func plainInteger(_ raw: String) -> Int? {
        var value = 0, digits = 0
        var utf8 = raw.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 15 else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            case 0xC2:  // NBSP is C2 A0
                guard utf8.next() == 0xA0 else { return nil }
            default:
                return nil
            }
        }
        return digits > 0 ? value : nil
    }

    /// `true` for anything that occupies a value position (all but `.text`).
    public var isValueLike: Bool {
        if case .text = self { return false }
        return true
    }

    /// `true` for a number or an explicit none.
    public var isNumeric: Bool {
        switch self {
        case .number, .none: true
        default: false
        }
    }

    /// Reads a cell: `0`, ` 0`, `增9`, `减16`, `+1`, `-2`, `101500元`, `10.15万元`, `1,234`, `１２`,
    /// blank, `—`, `/`, `无`.
    public static func parse(_ raw: String) -> CellValue {
        parseKeyed(raw).value
    }

    /// ``parse(_:)`` plus the cell's ``LabelText/key(_:)`` when it was computed on the way
    /// (`nil` for a plain integer), so a label cell is not normalised twice.
    static func parseKeyed(_ raw: String) -> (value: CellValue, key: String?) {
        if let plain = plainInteger(raw) { return (.number(Decimal(plain), unit: nil), nil) }
        let text = LabelText.key(raw)
        return (parse(key: text), text)
    }

    /// First scalars a key can start with and still be a value: digits, signs, `增`/`减`/`新`,
    /// placeholders, `无`/`没有`. Any other start is text, without trying every pattern.
    private static func mayBeValue(startingWith scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", ",", "+", "-", "增", "减", "新", "无", "没", "—", "–", "－", "/", "\\", "…", "×", "x", "X": true
        default: false
        }
    }

    /// The marks a source writes in a blank cell (a cell's whole text, after clean-up).
    static let placeholderTexts: Set<String> = ["-", "—", "——", "–", "/", "\\", "…", "……", "--", "---", "\\-", "/-", "－", "×", "x", "X"]

    private static func parse(key text: String) -> CellValue {
        guard let first = text.unicodeScalars.first else { return .blank }
        guard mayBeValue(startingWith: first) else { return .text }
        if placeholderTexts.contains(text) { return .placeholder(text) }
        if text == "无" || text == "没有" { return .none }

        var body = Substring(text)
        var negative = false
        for (prefix, sign) in [("增加", false), ("减少", true), ("新增", false), ("增", false), ("减", true), ("+", false), ("-", true)]
        where body.hasPrefix(prefix) {
            negative = sign
            body = body.dropFirst(prefix.count)
            break
        }
        var unit: MoneyUnit?
        for suffix in ["亿元", "万元", "元"] where body.hasSuffix(suffix) {
            unit = MoneyUnit(rawValue: suffix)
            body = body.dropLast(suffix.count)
            break
        }
        for counter in ["件", "个", "项", "条", "次", "宗", "人"] where body.hasSuffix(counter) {
            body = body.dropLast(counter.count)
            break
        }
        let digits = body.filter { $0 != "," }
        guard !digits.isEmpty, digits.count <= maximumDigits, digits.first != ".", digits.last != ".",
              digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              digits.filter({ $0 == "." }).count <= 1,
              let value = Decimal(string: String(digits), locale: posix) else {
            return .text
        }
        return .number(negative ? -value : value, unit: unit)
    }
}
