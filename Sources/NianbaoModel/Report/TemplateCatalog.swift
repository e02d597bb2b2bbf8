/// A column of a statutory table: its contract key and official label.
public struct ColumnSpec: Sendable, Hashable {
    /// The JSON key, e.g. `"natural_person"`.
    public let key: String
    /// The official Chinese label, e.g. `"自然人"`.
    public let label: String
    /// `true` for money columns held in 元 (yuan).
    public let isMoney: Bool
    /// `true` for the signed `change` column (增/减).
    public let isSigned: Bool

    /// Creates a column spec.
    public init(key: String, label: String, isMoney: Bool = false, isSigned: Bool = false) {
        self.key = key
        self.label = label
        self.isMoney = isMoney
        self.isSigned = isSigned
    }
}

/// A row of a statutory table: its contract key, official label and columns.
public struct RowSpec: Sendable, Hashable {
    /// The JSON key, e.g. `"new_received"`.
    public let key: String
    /// The official Chinese label.
    public let label: String
    /// The group label the row sits under (`"（三）不予公开"`), if any.
    public let group: String?
    /// The row's columns, in template order.
    public let columns: [ColumnSpec]

    /// Creates a row spec.
    public init(key: String, label: String, group: String? = nil, columns: [ColumnSpec]) {
        self.key = key
        self.label = label
        self.group = group
        self.columns = columns
    }
}

/// The contract's tables, rows and columns for each template (../shared/spec/contract.md).
public enum TemplateCatalog {
    /// Rows of `table` under `template`, in contract order. `.unknown` has none.
    public static func rows(_ table: ReportTable, _ template: TemplateVersion) -> [RowSpec] {
        switch (table, template) {
        case (_, .unknown): []
        case (.activeDisclosure, .v2019): activeDisclosure2019
        case (.activeDisclosure, .v2021): activeDisclosure2021
        case (.requests, .v2019): requests2019
        case (.requests, .v2021): requests2021
        case (.reviewLitigation, _): reviewLitigation
        }
    }

    /// The row spec for `key`, if the template has it.
    public static func row(_ table: ReportTable, _ template: TemplateVersion, key: String) -> RowSpec? {
        rows(table, template).first { $0.key.utf8.count == key.utf8.count && $0.key == key }
    }

    // MARK: 二、主动公开

    private static let documents2019 = [
        ColumnSpec(key: "new_made", label: "本年新制作数量"),
        ColumnSpec(key: "new_published", label: "本年新公开数量"),
        ColumnSpec(key: "total_published", label: "对外公开总数量"),
    ]
    private static let items2019 = [
        ColumnSpec(key: "previous_items", label: "上一年项目数量"),
        ColumnSpec(key: "change", label: "本年增/减", isSigned: true),
        ColumnSpec(key: "decisions", label: "处理决定数量"),
    ]
    private static let activeDisclosure2019: [RowSpec] = [
        RowSpec(key: "regulations", label: "规章", group: "第二十条第（一）项", columns: documents2019),
        RowSpec(key: "normative_documents", label: "规范性文件", group: "第二十条第（一）项", columns: documents2019),
        RowSpec(key: "licensing", label: "行政许可", group: "第二十条第（五）项", columns: items2019),
        RowSpec(key: "other_services", label: "其他对外管理服务事项", group: "第二十条第（五）项", columns: items2019),
        RowSpec(key: "punishment", label: "行政处罚", group: "第二十条第（六）项", columns: items2019),
        RowSpec(key: "enforcement", label: "行政强制", group: "第二十条第（六）项", columns: items2019),
        RowSpec(key: "fees", label: "行政事业性收费", group: "第二十条第（八）项", columns: Array(items2019.prefix(2))),
        RowSpec(key: "procurement", label: "政府集中采购", group: "第二十条第（九）项", columns: [
            ColumnSpec(key: "items", label: "采购项目数量"),
            ColumnSpec(key: "amount_yuan", label: "采购总金额", isMoney: true),
        ]),
    ]

    private static let documents2021 = [
        ColumnSpec(key: "issued", label: "本年制发件数"),
        ColumnSpec(key: "repealed", label: "本年废止件数"),
        ColumnSpec(key: "in_force", label: "现行有效件数"),
    ]
    private static let decisions2021 = [ColumnSpec(key: "decisions", label: "本年处理决定数量")]
    private static let activeDisclosure2021: [RowSpec] = [
        RowSpec(key: "regulations", label: "规章", group: "第二十条第（一）项", columns: documents2021),
        RowSpec(key: "normative_documents", label: "行政规范性文件", group: "第二十条第（一）项", columns: documents2021),
        RowSpec(key: "licensing", label: "行政许可", group: "第二十条第（五）项", columns: decisions2021),
        RowSpec(key: "punishment", label: "行政处罚", group: "第二十条第（六）项", columns: decisions2021),
        RowSpec(key: "enforcement", label: "行政强制", group: "第二十条第（六）项", columns: decisions2021),
        RowSpec(key: "fees", label: "行政事业性收费", group: "第二十条第（八）项", columns: [
            ColumnSpec(key: "amount_yuan", label: "本年收费金额（单位：万元）", isMoney: true),
        ]),
    ]

    // MARK: 三、申请

    /// The seven applicant columns of the requests table.
    public static let applicantColumns = [
        ColumnSpec(key: "natural_person", label: "自然人"),
        ColumnSpec(key: "commercial", label: "商业企业"),
        ColumnSpec(key: "research", label: "科研机构"),
        ColumnSpec(key: "social_welfare", label: "社会公益组织"),
        ColumnSpec(key: "legal_service", label: "法律服务机构"),
        ColumnSpec(key: "other_org", label: "其他"),
        ColumnSpec(key: "total", label: "总计"),
    ]

    private static func request(_ key: String, _ label: String, _ group: String? = nil) -> RowSpec {
        RowSpec(key: key, label: label, group: group, columns: applicantColumns)
    }

    private static let results = "三、本年度办理结果"
    private static let otherHandling = request("other_handling", "（六）其他处理", results)
    private static let otherHandling2021 = [
        request("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
        request("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "（六）其他处理"),
        request("other_misc", "3.其他", "（六）其他处理"),
    ]

    // Built once: every report asks for these rows many times.
    private static let requests2019 = requests(other: [otherHandling])
    private static let requests2021 = requests(other: otherHandling2021)

    private static func requests(other: [RowSpec]) -> [RowSpec] {
        let denied = "（三）不予公开", unavailable = "（四）无法提供", notProcessed = "（五）不予处理"
        return [
            request("new_received", "一、本年新收政府信息公开申请数量"),
            request("carried_over", "二、上年结转政府信息公开申请数量"),
            request("granted", "（一）予以公开", results),
            request("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", results),
            request("denied_state_secret", "1.属于国家秘密", denied),
            request("denied_prohibited", "2.其他法律行政法规禁止公开", denied),
            request("denied_security_stability", "3.危及“三安全一稳定”", denied),
            request("denied_third_party", "4.保护第三方合法权益", denied),
            request("denied_internal_affairs", "5.属于三类内部事务信息", denied),
            request("denied_process_info", "6.属于四类过程性信息", denied),
            request("denied_enforcement_file", "7.属于行政执法案卷", denied),
            request("denied_inquiry", "8.属于行政查询事项", denied),
            request("unavailable_not_held", "1.本机关不掌握相关政府信息", unavailable),
            request("unavailable_needs_creation", "2.没有现成信息需要另行制作", unavailable),
            request("unavailable_unclear", "3.补正后申请内容仍不明确", unavailable),
            request("not_processed_petition", "1.信访举报投诉类申请", notProcessed),
            request("not_processed_duplicate", "2.重复申请", notProcessed),
            request("not_processed_publication", "3.要求提供公开出版物", notProcessed),
            request("not_processed_excessive", "4.无正当理由大量反复申请", notProcessed),
            request("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", notProcessed),
        ] + other + [
            request("results_total", "（七）总计", results),
            request("carried_forward", "四、结转下年度继续办理"),
        ]
    }

    /// Keys of the result rows whose sum is `results_total` (rule 3), for `template`.
    public static func resultRowKeys(_ template: TemplateVersion) -> [String] {
        let keys = rows(.requests, template).map(\.key)
        guard let first = keys.firstIndex(of: "granted"), let last = keys.firstIndex(of: "results_total") else { return [] }
        return Array(keys[first..<last])
    }

    // MARK: 四、复议诉讼

    /// The five outcome columns of each review/litigation group.
    public static let outcomeColumns = [
        ColumnSpec(key: "upheld", label: "结果维持"),
        ColumnSpec(key: "corrected", label: "结果纠正"),
        ColumnSpec(key: "other", label: "其他结果"),
        ColumnSpec(key: "pending", label: "尚未审结"),
        ColumnSpec(key: "total", label: "总计"),
    ]

    private static let reviewLitigation = [
        RowSpec(key: "review", label: "行政复议", columns: outcomeColumns),
        RowSpec(key: "litigation_direct", label: "未经复议直接起诉", group: "行政诉讼", columns: outcomeColumns),
        RowSpec(key: "litigation_after_review", label: "复议后起诉", group: "行政诉讼", columns: outcomeColumns),
    ]
}
