import Foundation
import NianbaoModel
import NianbaoText
import NianbaoRecognizer
import NianbaoValidator
import NianbaoKit

/// A small but complete 2019-template report in PDF-extracted layout (tab-separated rows), built
/// line by line so that a test can replace one part, one row or the front matter.
///
/// Its values are consistent under all five rules, and mostly non-zero so that a value read from
/// the wrong place shows.
struct ReportFixture {
    static let agency = "测试市交通运输局"
    static let title = "测试市交通运输局2020年政府信息公开工作年度报告"

    var front: [String] = [Self.title, ""]
    var overview: [String] = [
        "一、总体情况",
        "2020年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。",
    ]
    var activeHeading = "二、主动公开政府信息情况"
    var active: [(key: String, line: String)] = [
        ("h1", "第二十条第（一）项\t\t\t"),
        ("h1c", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"),
        ("regulations", "规章\t0\t0\t0"),
        ("normative_documents", "规范性文件\t2\t2\t5"),
        ("h5", "第二十条第（五）项\t\t\t"),
        ("h5c", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量"),
        ("licensing", "行政许可\t10\t增2\t300"),
        ("other_services", "其他对外管理服务事项\t3\t0\t4"),
        ("h6", "第二十条第（六）项\t\t\t"),
        ("h6c", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量"),
        ("punishment", "行政处罚\t20\t减1\t50"),
        ("enforcement", "行政强制\t1\t0\t0"),
        ("h8", "第二十条第（八）项\t\t\t"),
        ("h8c", "信息内容\t上一年项目数量\t本年增/减\t"),
        ("fees", "行政事业性收费\t2\t0\t"),
        ("h9", "第二十条第（九）项\t\t\t"),
        ("h9c", "信息内容\t采购项目数量\t采购总金额\t"),
        ("procurement", "政府集中采购\t5\t10.15万元\t"),
    ]
    var requestsHeading = "三、收到和处理政府信息公开申请情况"
    var requests: [(key: String, line: String)] = [
        ("h1", "\t申请人情况\t\t"),
        ("h2", "\t\t法人或其他组织\t总计"),
        ("h3", "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t"),
        ("new_received", "一、本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4"),
        ("carried_over", "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1"),
        ("granted", "三、本年度办理结果\t(一) 予以公开\t2\t1\t0\t0\t0\t0\t3"),
        ("partially_granted", "\t(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)\t0\t0\t0\t0\t0\t0\t0"),
        ("denied_state_secret", "\t(三) 不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0"),
        ("denied_prohibited", "\t\t2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0"),
        ("denied_security_stability", "\t\t3. 危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0"),
        ("denied_third_party", "\t\t4. 保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0"),
        ("denied_internal_affairs", "\t\t5. 属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0"),
        ("denied_process_info", "\t\t6. 属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0"),
        ("denied_enforcement_file", "\t\t7. 属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0"),
        ("denied_inquiry", "\t\t8. 属于行政查询事项\t0\t0\t0\t0\t0\t0\t0"),
        ("unavailable_not_held", "\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1"),
        ("unavailable_needs_creation", "\t\t2. 没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0"),
        ("unavailable_unclear", "\t\t3. 补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0"),
        ("not_processed_petition", "\t(五) 不予处理\t1. 信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0"),
        ("not_processed_duplicate", "\t\t2. 重复申请\t0\t0\t0\t0\t0\t0\t0"),
        ("not_processed_publication", "\t\t3. 要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0"),
        ("not_processed_excessive", "\t\t4. 无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0"),
        ("not_processed_confirmation", "\t\t5. 要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0"),
        ("other_handling", "\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0"),
        ("results_total", "\t(七) 总计\t3\t1\t0\t0\t0\t0\t4"),
        ("carried_forward", "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1"),
    ]
    var reviewHeading = "四、政府信息公开行政复议、行政诉讼情况"
    var review: [(key: String, line: String)] = [
        ("h1", "行政复议\t\t\t\t\t行政诉讼"),
        ("h2", "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉"),
        ("h3", "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"),
        ("values", "1\t0\t0\t1\t2\t0\t0\t0\t0\t0\t0\t1\t0\t0\t1"),
    ]
    var problems: [String] = [
        "五、存在的主要问题及改进情况",
        "一是信息更新还不够及时；二是公开内容不够全面。下一步我局将加强培训，提高公开质量。",
    ]
    var other: [String] = ["六、其他需要报告的事项", "无。"]
    var trailer: [String] = ["", Self.agency, "2021年1月15日"]

    /// The report text, parts separated by blank lines.
    var text: String {
        let parts: [[String]] = [
            front, overview, [""], [activeHeading, ""], active.map(\.line), [""], [requestsHeading, ""], requests.map(\.line), [""],
            [reviewHeading, ""], review.map(\.line), [""], problems, [""], other, trailer,
        ]
        return parts.flatMap { $0 }.joined(separator: "\n") + "\n"
    }

    /// Replaces the line of row `key` of a table part (`nil` removes it).
    mutating func replace(_ table: ReportTable, _ key: String, with line: String?) {
        func edit(_ rows: inout [(key: String, line: String)]) {
            guard let index = rows.firstIndex(where: { $0.key == key }) else {
                preconditionFailure("no row \(key) in the fixture's \(table.rawValue)")
            }
            if let line { rows[index].line = line } else { rows.remove(at: index) }
        }
        switch table {
        case .activeDisclosure: edit(&active)
        case .requests: edit(&requests)
        case .reviewLitigation: edit(&review)
        }
    }

    /// The fixture with one row replaced.
    func replacing(_ table: ReportTable, _ key: String, with line: String?) -> ReportFixture {
        var copy = self
        copy.replace(table, key, with: line)
        return copy
    }
}

/// Runs text through the pipeline pieces.
enum Convert {
    /// The blocks `TextReader` makes of `text`.
    static func blocks(_ text: String) -> [Block] {
        TextReader.parse(text)
    }

    /// The validated report of UTF-8 `text`, through `Pipeline.convert`.
    static func report(_ text: String, fileName: String = "inline.txt") throws -> Report {
        try Pipeline.convert(data: Data(text.utf8), fileName: fileName, format: .text)
    }

    /// The validated report of `fixture`.
    static func report(_ fixture: ReportFixture) throws -> Report {
        try report(fixture.text)
    }
}

/// A block reduced to its texts, for comparing whole block streams.
enum BlockShape: Equatable, CustomStringConvertible {
    case paragraph(String)
    case table([[String]])

    init(_ block: Block) {
        switch block {
        case .paragraph(let paragraph): self = .paragraph(paragraph.text)
        case .table(let table): self = .table(table.rows.map { $0.cells.map(\.text) })
        }
    }

    static func of(_ blocks: [Block]) -> [BlockShape] { blocks.map(BlockShape.init) }

    var description: String {
        switch self {
        case .paragraph(let text): "P(\(text))"
        case .table(let rows): "T(\(rows.map { $0.joined(separator: "|") }.joined(separator: " / ")))"
        }
    }
}

extension Report {
    /// The diagnostics with `code`.
    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    /// The diagnostics with `code` at `path`.
    func diagnostics(_ code: String, at path: String) -> [Diagnostic] { diagnostics.filter { $0.code == code && $0.path == path } }

    /// The values of one row of `table`, in column order.
    func row(_ table: ReportTable, _ key: String) -> [Decimal?] {
        self[table].rows.first { $0.key == key }?.cells.map(\.value) ?? []
    }
}

/// `Decimal` literals for expected rows: `values(3, 1, 0)`.
func values(_ numbers: Decimal?...) -> [Decimal?] { numbers }

extension ReportFixture {
    /// The fixture in the 2021 template (国办公开办函〔2021〕30号), a report on 2021.
    static var v2021: ReportFixture {
        var fixture = ReportFixture()
        fixture.front = ["测试市交通运输局2021年政府信息公开工作年度报告", ""]
        fixture.overview[1] = "2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条。"
        fixture.active = [
            ("h1", "第二十条第（一）项\t\t\t"),
            ("h1c", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"),
            ("regulations", "规章\t0\t0\t0"),
            ("normative_documents", "行政规范性文件\t2\t1\t5"),
            ("h5", "第二十条第（五）项\t\t\t"),
            ("h5c", "信息内容\t本年处理决定数量"),
            ("licensing", "行政许可\t300"),
            ("h6", "第二十条第（六）项\t\t\t"),
            ("h6c", "信息内容\t本年处理决定数量"),
            ("punishment", "行政处罚\t50"),
            ("enforcement", "行政强制\t2"),
            ("h8", "第二十条第（八）项\t\t\t"),
            ("h8c", "信息内容\t本年收费金额（单位：万元）"),
            ("fees", "行政事业性收费\t1.5"),
        ]
        let otherHandling = fixture.requests.firstIndex { $0.key == "other_handling" }!
        let rows2021: [(key: String, line: String)] = [
            ("other_overdue_correction", "\t(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"),
            ("other_overdue_fee", "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0"),
            ("other_misc", "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0"),
        ]
        fixture.requests.replaceSubrange(otherHandling...otherHandling, with: rows2021)
        fixture.trailer = ["", Self.agency, "2022年1月20日"]
        return fixture
    }
}
