import Foundation
import Testing
@testable import NianbaoModel

@Test func emptyTableHasEveryKey() {
    let table = ValueTable(empty: .requests, template: .v2021)
    #expect(table.rows.count == 25)
    #expect(table.has("other_misc", "total"))
}

/// `Decimal.plainText` prints whole numbers through Int; it must say what `description` says.
@Suite struct DecimalTextTests {
    @Test func wholeNumbersPrintAsDescriptionDoes() {
        var generator = SystemRandomNumberGenerator()
        var values: [Decimal] = [0, 1, -1, 10, 100_000, -16, Decimal(Int64.max), Decimal(Int64.min)]
        for _ in 0..<5_000 {
            values.append(Decimal(Int64.random(in: Int64.min...Int64.max, using: &generator)))
            values.append(Decimal(Int.random(in: -1_000_000...1_000_000, using: &generator)))
        }
        for value in values {
            #expect(value.plainText == value.description)
        }
    }

    @Test func otherValuesKeepTheGeneralPath() throws {
        for text in ["0.5", "-0.02", "10.15", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
                     "1e38", "0.000001"] {
            let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
            #expect(value.plainText == value.description)
        }
        #expect(Decimal.nan.plainText == Decimal.nan.description)
    }
}
