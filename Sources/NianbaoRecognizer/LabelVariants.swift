import NianbaoModel

/// One label rule: the key it yields and the label variants that yield it.
///
/// Variants are compared against ``LabelText/key(_:)``-normalised text with any leading
/// enumerator removed. A variant starting with `=` must equal the label; any other variant must
/// occur in it.
struct LabelRule: Sendable {
    /// One variant, its `=` marker read once when the table is built rather than on every match.
    struct Variant: Sendable {
        let text: String
        /// `true`: the label must equal ``text``; `false`: ``text`` must occur in the label.
        let isExact: Bool
        /// ``text`` as UTF-8, for the substring search.
        let bytes: [UInt8]

        init(text: String, isExact: Bool) {
            self.text = text
            self.isExact = isExact
            bytes = Array(text.utf8)
        }
    }

    let key: String
    let variants: [Variant]

    init(_ key: String, _ variants: String...) {
        self.key = key
        self.variants = variants.map { variant in
            variant.hasPrefix("=") ? Variant(text: String(variant.dropFirst()), isExact: true) : Variant(text: variant, isExact: false)
        }
    }

    /// `true` when a variant matches `label`, whose UTF-8 is at hand in `utf8`: a label's bytes are
    /// opened once for all the rules it is tried against.
    func matches(_ label: String, utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        variants.contains { variant in
            variant.isExact
                ? label.equalsCanonically(variant.text)
                : variant.bytes.withUnsafeBufferPointer { UTF8Search.contains(utf8, $0) }
        }
    }
}

/// The table of label variants the recognizer matches rows, columns and headings through.
/// Extend this table, not the recognizer, when a report words a label differently.
enum LabelVariants {
    /// First matching rule wins; order more specific rules first.
    static func firstMatch(_ rules: [LabelRule], _ label: String) -> String? {
        var bytes = label
        return bytes.withUTF8 { utf8 in
            rules.first { $0.matches(label, utf8: utf8) }?.key
        }
    }

    // MARK: Part headings

    static let sectionHeadings: [(SectionKey, [String])] = [
        (.overview, ["总体情况", "总体概述", "概述", "基本情况"]),
        (.activeDisclosure, ["主动公开政府信息情况", "主动公开政府信息", "主动公开情况"]),
        (.requests, ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请", "依申请公开政府信息情况", "依申请公开情况", "政府信息公开申请情况"]),
        (.reviewLitigation, ["政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼情况", "行政复议和行政诉讼情况", "行政复议、行政诉讼", "复议、诉讼情况"]),
        (.problems, ["存在的主要问题及改进情况", "存在的主要问题和改进情况", "存在的问题及改进情况", "存在的主要问题", "存在的问题", "主要问题及改进", "问题及改进"]),
        (.other, ["其他需要报告的事项", "其他需要报告事项", "其他事项"]),
    ]

    // MARK: 二、主动公开

    static let activeRows: [LabelRule] = [
        LabelRule("other_services", "对外管理服务"),
        LabelRule("normative_documents", "规范性文件"),
        LabelRule("regulations", "=规章", "规章"),
        LabelRule("licensing", "行政许可"),
        LabelRule("punishment", "行政处罚"),
        LabelRule("enforcement", "行政强制"),
        LabelRule("fees", "行政事业性收费", "事业性收费"),
        LabelRule("procurement", "政府集中采购", "集中采购"),
    ]

    static let activeColumns: [LabelRule] = [
        LabelRule("new_made", "新制作"),
        LabelRule("new_published", "新公开"),
        LabelRule("total_published", "公开总数", "对外公开总"),
        LabelRule("issued", "制发"),
        LabelRule("repealed", "废止"),
        LabelRule("in_force", "现行有效"),
        LabelRule("previous_items", "上一年项目", "上年项目", "上一年度项目"),
        LabelRule("change", "增/减", "增减", "增(减)", "增加/减少"),
        LabelRule("decisions", "处理决定", "决定数量"),
        LabelRule("items", "采购项目", "项目数量"),
        LabelRule("amount_yuan", "采购总金额", "采购金额", "收费金额", "总金额", "金额"),
    ]

    /// Header words of part 二 that are neither rows nor columns.
    static let activeHeaderWords = ["信息内容", "第二十条"]

    /// Words that vote for part 三 when a table is assigned to a part.
    static let requestPartWords = ["申请人", "自然人", "法人或其他组织", "商业企业", "科研机构"]
    /// Words that vote for part 四 when a table is assigned to a part.
    static let reviewPartWords = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "复议后起诉", "直接起诉"]

    // MARK: 三、申请

    static let requestRows: [LabelRule] = [
        LabelRule("new_received", "本年新收", "新收政府信息公开申请"),
        LabelRule("carried_over", "上年结转"),
        LabelRule("carried_forward", "结转下年", "转下年度"),
        LabelRule("partially_granted", "部分公开"),
        LabelRule("granted", "予以公开"),
        LabelRule("denied_state_secret", "国家秘密"),
        LabelRule("denied_prohibited", "禁止公开"),
        LabelRule("denied_security_stability", "三安全一稳定", "危及"),
        LabelRule("denied_third_party", "第三方"),
        LabelRule("denied_internal_affairs", "内部事务"),
        LabelRule("denied_process_info", "过程性"),
        LabelRule("denied_enforcement_file", "执法案卷"),
        LabelRule("denied_inquiry", "查询事项", "行政查询"),
        LabelRule("unavailable_not_held", "不掌握"),
        LabelRule("unavailable_needs_creation", "另行制作", "没有现成"),
        LabelRule("unavailable_unclear", "不明确"),
        LabelRule("not_processed_petition", "信访", "举报投诉"),
        LabelRule("not_processed_duplicate", "重复申请"),
        LabelRule("not_processed_publication", "出版物"),
        LabelRule("not_processed_excessive", "大量反复"),
        LabelRule("not_processed_confirmation", "重新出具", "确认或"),
        LabelRule("other_overdue_correction", "不补正"),
        LabelRule("other_overdue_fee", "缴纳费用", "收费通知"),
        LabelRule("other_misc", "=其他", "=其它", "=其他情形"),
        LabelRule("other_handling", "其他处理", "其它处理"),
        LabelRule("results_total", "=总计", "=合计", "总计"),
    ]

    /// Group labels of part 三 (no values of their own in either template, except 其他处理 in 2019).
    static let requestGroups: [LabelRule] = [
        LabelRule("results", "本年度办理结果", "办理结果"),
        LabelRule("denied", "不予公开"),
        LabelRule("unavailable", "无法提供"),
        LabelRule("not_processed", "不予处理"),
        LabelRule("other_handling_group", "其他处理", "其它处理"),
    ]

    static let requestColumns: [LabelRule] = [
        LabelRule("natural_person", "自然人"),
        LabelRule("commercial", "商业企业", "商业机构", "企业"),
        LabelRule("research", "科研机构", "科研"),
        LabelRule("social_welfare", "社会公益组织", "公益组织"),
        LabelRule("legal_service", "法律服务机构", "法律服务"),
        LabelRule("other_org", "=其他", "=其它", "其他组织"),
        LabelRule("total", "=总计", "=合计"),
    ]

    // MARK: 四、复议诉讼

    static let reviewGroups: [LabelRule] = [
        LabelRule("litigation_direct", "未经复议", "直接起诉"),
        LabelRule("litigation_after_review", "复议后起诉", "经复议"),
        LabelRule("review", "=行政复议"),
    ]

    static let reviewColumns: [LabelRule] = [
        LabelRule("upheld", "维持"),
        LabelRule("corrected", "纠正"),
        LabelRule("other", "其他结果", "其它结果"),
        LabelRule("pending", "尚未审结", "未审结"),
        LabelRule("total", "=总计", "=合计"),
    ]

    // MARK: Template signals

    /// Labels only the 2021 template has.
    static let template2021Signals = ["本年制发件数", "制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额", "不补正", "收费通知", "行政规范性文件"]
    /// Labels only the 2019 template has.
    static let template2019Signals = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "其他对外管理服务事项", "政府集中采购", "采购总金额"]
}
