/// Which statutory template a report follows.
public enum TemplateVersion: String, Sendable, Hashable, CaseIterable {
    /// 国办公开办函〔2019〕60号, for the years 2019–2020.
    case v2019 = "2019"
    /// 国办公开办函〔2021〕30号, since the year 2021.
    case v2021 = "2021"
    /// Not recognised.
    case unknown = "unknown"

    /// The template a report on `year` should use by date alone.
    public static func expected(forYear year: Int) -> TemplateVersion {
        switch year {
        case ..<2019: .unknown
        case 2019...2020: .v2019
        default: .v2021
        }
    }
}

/// The six parts of a report, in template order.
public enum SectionKey: String, Sendable, Hashable, CaseIterable {
    /// 一、总体情况
    case overview
    /// 二、主动公开政府信息情况
    case activeDisclosure = "active_disclosure"
    /// 三、收到和处理政府信息公开申请情况
    case requests
    /// 四、政府信息公开行政复议、行政诉讼情况
    case reviewLitigation = "review_litigation"
    /// 五、存在的主要问题及改进情况
    case problems
    /// 六、其他需要报告的事项
    case other

    /// 1-based part number (一 … 六).
    public var number: Int { (SectionKey.allCases.firstIndex(of: self) ?? 0) + 1 }

    /// The official heading without its number.
    public var officialHeading: String {
        switch self {
        case .overview: "总体情况"
        case .activeDisclosure: "主动公开政府信息情况"
        case .requests: "收到和处理政府信息公开申请情况"
        case .reviewLitigation: "政府信息公开行政复议、行政诉讼情况"
        case .problems: "存在的主要问题及改进情况"
        case .other: "其他需要报告的事项"
        }
    }
}

/// The three statutory tables.
public enum ReportTable: String, Sendable, Hashable, CaseIterable {
    /// 二、主动公开政府信息情况
    case activeDisclosure = "active_disclosure"
    /// 三、收到和处理政府信息公开申请情况
    case requests
    /// 四、政府信息公开行政复议、行政诉讼情况
    case reviewLitigation = "review_litigation"

    /// The part of the report the table belongs to.
    public var section: SectionKey {
        switch self {
        case .activeDisclosure: .activeDisclosure
        case .requests: .requests
        case .reviewLitigation: .reviewLitigation
        }
    }
}
