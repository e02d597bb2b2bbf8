/// Maps `w:sym` (`w:font`, `w:char`) to Unicode. Symbol fonts put their glyphs at U+F0xx.
enum SymbolFonts {
    private static let wingdings: [UInt32: Character] = [
        0xA8: "☐", 0x6F: "☐", 0x71: "☐", 0xFE: "☑", 0x78: "☒", 0xFD: "☒", 0xFB: "✗", 0xFC: "✓",
        0x9F: "•", 0x6C: "●", 0xA1: "○", 0x6E: "■", 0xA7: "▪", 0xD8: "➢", 0xE0: "→", 0xE8: "➔",
    ]
    private static let wingdings2: [UInt32: Character] = [
        0x52: "☑", 0xA3: "☐", 0x2A: "☐", 0x54: "☒", 0x50: "✓", 0x4F: "✗", 0x51: "✗",
    ]
    private static let symbol: [UInt32: Character] = [
        0xB7: "•", 0xD6: "√", 0xB4: "×", 0xB8: "÷", 0xB1: "±", 0xB3: "≥", 0xA3: "≤", 0xB9: "≠",
        0xAE: "→", 0xAC: "←", 0xB0: "°", 0x2D: "−", 0xA5: "∞", 0xBB: "≈", 0xD7: "·",
        0x61: "α", 0x62: "β", 0x67: "γ", 0x64: "δ", 0x65: "ε", 0x6C: "λ", 0x6D: "μ", 0x70: "π",
        0x73: "σ", 0x57: "Ω", 0x44: "Δ", 0x53: "Σ",
    ]

    /// The character for `w:char` (hex) in `w:font`; the code point itself when unmapped.
    static func character(font: String?, hex: String?) -> String {
        guard let hex, let code = UInt32(hex, radix: 16) else { return "" }
        let low = code >= 0xF000 ? code - 0xF000 : code
        let table: [UInt32: Character]?
        switch font?.lowercased() {
        case "wingdings": table = wingdings
        case "wingdings 2": table = wingdings2
        case "symbol": table = symbol
        default: table = nil
        }
        if let mapped = table?[low] { return String(mapped) }
        if code < 0xF000, let scalar = Unicode.Scalar(code) { return String(Character(scalar)) }
        if table == nil, let scalar = Unicode.Scalar(low), low >= 0x20 { return String(Character(scalar)) }
        guard let scalar = Unicode.Scalar(code) else { return "" }
        return String(Character(scalar))
    }
}
