import Testing
@testable import NianbaoModel

@Test func emptyTableHasEveryKey() {
    let table = ValueTable(empty: .requests, template: .v2021)
    #expect(table.rows.count == 25)
    #expect(table.has("other_misc", "total"))
}
