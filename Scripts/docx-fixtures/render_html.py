#!/usr/bin/env python3
"""Render one nianbao JSON report (contract: ../shared/spec/contract.md) as an HTML page in the
official layout: title, the six headed parts with their prose, and the statutory tables with the
official merged header cells. LibreOffice and pandoc turn this page into the DOCX fixtures.

usage: render_html.py REPORT_JSON > OUT_HTML
"""
import html
import json
import sys

HEADINGS = [
    ("overview", "一、总体情况"),
    ("active_disclosure", "二、主动公开政府信息情况"),
    ("requests", "三、收到和处理政府信息公开申请情况"),
    ("review_litigation", "四、政府信息公开行政复议、行政诉讼情况"),
    ("problems", "五、存在的主要问题及改进情况"),
    ("other", "六、其他需要报告的事项"),
]

REQUEST_COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
REVIEW_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]


def esc(text):
    return html.escape(str(text), quote=True)


def cell(text, colspan=1, rowspan=1, header=False):
    attributes = ""
    if colspan > 1:
        attributes += f' colspan="{colspan}"'
    if rowspan > 1:
        attributes += f' rowspan="{rowspan}"'
    tag = "th" if header else "td"
    return f"<{tag}{attributes}>{esc(text)}</{tag}>"


def number(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def change(value):
    if value is None:
        return ""
    if value > 0:
        return f"增{value}"
    if value < 0:
        return f"减{-value}"
    return "0"


def get(report, *path):
    node = report
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def active_disclosure_table(report):
    ad = report.get("active_disclosure") or {}
    rows = []

    def group(title):
        rows.append("<tr>" + cell(title, colspan=4, header=True) + "</tr>")

    def labels(*names, spans=None):
        spans = spans or [1] * len(names)
        rows.append("<tr>" + "".join(cell(n, colspan=s, header=True) for n, s in zip(names, spans)) + "</tr>")

    def values(label, items, spans=None):
        spans = spans or [1] * len(items)
        rows.append("<tr>" + cell(label) + "".join(cell(v, colspan=s) for v, s in zip(items, spans)) + "</tr>")

    if report.get("template") == "2021":
        group("第二十条第（一）项")
        labels("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
        for key, label in [("regulations", "规章"), ("normative_documents", "行政规范性文件")]:
            row = ad.get(key) or {}
            values(label, [number(row.get("issued")), number(row.get("repealed")), number(row.get("in_force"))])
        group("第二十条第（五）项")
        labels("信息内容", "本年处理决定数量", spans=[1, 3])
        values("行政许可", [number(get(ad, "licensing", "decisions"))], spans=[3])
        group("第二十条第（六）项")
        labels("信息内容", "本年处理决定数量", spans=[1, 3])
        values("行政处罚", [number(get(ad, "punishment", "decisions"))], spans=[3])
        values("行政强制", [number(get(ad, "enforcement", "decisions"))], spans=[3])
        group("第二十条第（八）项")
        labels("信息内容", "本年收费金额（单位：万元）", spans=[1, 3])
        amount = get(ad, "fees", "amount_yuan")
        values("行政事业性收费", [number(None if amount is None else round(amount / 10000, 4))], spans=[3])
    else:
        group("第二十条第（一）项")
        labels("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")
        for key, label in [("regulations", "规章"), ("normative_documents", "规范性文件")]:
            row = ad.get(key) or {}
            values(label, [number(row.get("new_made")), number(row.get("new_published")), number(row.get("total_published"))])
        for title, items in [("第二十条第（五）项", [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
                             ("第二十条第（六）项", [("punishment", "行政处罚"), ("enforcement", "行政强制")])]:
            group(title)
            labels("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")
            for key, label in items:
                row = ad.get(key) or {}
                values(label, [number(row.get("previous_items")), change(row.get("change")), number(row.get("decisions"))])
        group("第二十条第（八）项")
        labels("信息内容", "上一年项目数量", "本年增/减", spans=[1, 1, 2])
        fees = ad.get("fees") or {}
        values("行政事业性收费", [number(fees.get("previous_items")), change(fees.get("change"))], spans=[1, 2])
        group("第二十条第（九）项")
        labels("信息内容", "采购项目数量", "采购总金额", spans=[1, 1, 2])
        procurement = ad.get("procurement") or {}
        values("政府集中采购", [number(procurement.get("items")), number(procurement.get("amount_yuan"))], spans=[1, 2])
    return "<table border=\"1\">\n" + "\n".join(rows) + "\n</table>"


def requests_table(report):
    rq = report.get("requests") or {}
    is2021 = report.get("template") == "2021"

    def vals(key):
        row = rq.get(key) or {}
        return "".join(cell(number(row.get(column))) for column in REQUEST_COLUMNS)

    rows = [
        "<tr>" + cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3, header=True)
        + cell("申请人情况", colspan=7, header=True) + "</tr>",
        "<tr>" + cell("自然人", rowspan=2, header=True) + cell("法人或其他组织", colspan=5, header=True)
        + cell("总计", rowspan=2, header=True) + "</tr>",
        "<tr>" + "".join(cell(n, header=True) for n in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>",
        "<tr>" + cell("一、本年新收政府信息公开申请数量", colspan=3) + vals("new_received") + "</tr>",
        "<tr>" + cell("二、上年结转政府信息公开申请数量", colspan=3) + vals("carried_over") + "</tr>",
    ]
    groups = [
        (None, [("granted", "（一）予以公开"), ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]),
        ("（三）不予公开", [
            ("denied_state_secret", "1.属于国家秘密"), ("denied_prohibited", "2.其他法律行政法规禁止公开"),
            ("denied_security_stability", "3.危及“三安全一稳定”"), ("denied_third_party", "4.保护第三方合法权益"),
            ("denied_internal_affairs", "5.属于三类内部事务信息"), ("denied_process_info", "6.属于四类过程性信息"),
            ("denied_enforcement_file", "7.属于行政执法案卷"), ("denied_inquiry", "8.属于行政查询事项")]),
        ("（四）无法提供", [
            ("unavailable_not_held", "1.本机关不掌握相关政府信息"), ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
            ("unavailable_unclear", "3.补正后申请内容仍不明确")]),
        ("（五）不予处理", [
            ("not_processed_petition", "1.信访举报投诉类申请"), ("not_processed_duplicate", "2.重复申请"),
            ("not_processed_publication", "3.要求提供公开出版物"), ("not_processed_excessive", "4.无正当理由大量反复申请"),
            ("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息")]),
    ]
    if is2021:
        groups.append(("（六）其他处理", [
            ("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            ("other_misc", "3.其他")]))
    else:
        groups.append((None, [("other_handling", "（六）其他处理")]))
    groups.append((None, [("results_total", "（七）总计")]))
    result_rows = sum(len(items) for _, items in groups)
    first = True
    for title, items in groups:
        for index, (key, label) in enumerate(items):
            lead = cell("三、本年度办理结果", rowspan=result_rows) if first else ""
            first = False
            if title is None:
                rows.append("<tr>" + lead + cell(label, colspan=2) + vals(key) + "</tr>")
            else:
                group_cell = cell(title, rowspan=len(items)) if index == 0 else ""
                rows.append("<tr>" + lead + group_cell + cell(label) + vals(key) + "</tr>")
    rows.append("<tr>" + cell("四、结转下年度继续办理", colspan=3) + vals("carried_forward") + "</tr>")
    return "<table border=\"1\">\n" + "\n".join(rows) + "\n</table>"


def review_table(report):
    rl = report.get("review_litigation") or {}
    labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        "<tr>" + cell("行政复议", colspan=5, header=True) + cell("行政诉讼", colspan=10, header=True) + "</tr>",
        "<tr>" + "".join(cell(n, rowspan=2, header=True) for n in labels)
        + cell("未经复议直接起诉", colspan=5, header=True) + cell("复议后起诉", colspan=5, header=True) + "</tr>",
        "<tr>" + "".join(cell(n, header=True) for n in labels * 2) + "</tr>",
        "<tr>" + "".join(cell(number(get(rl, group, column)))
                         for group in ["review", "litigation_direct", "litigation_after_review"]
                         for column in REVIEW_COLUMNS) + "</tr>",
    ]
    return "<table border=\"1\">\n" + "\n".join(rows) + "\n</table>"


def date_line(published):
    if not published:
        return None
    year, month, day = published.split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


def render(report):
    title = report.get("title") or ""
    sections = report.get("sections") or {}
    out = ["<!DOCTYPE html>", "<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
           f"<title>{esc(title)}</title></head><body>", f"<h1>{esc(title)}</h1>"]
    tables = {"active_disclosure": active_disclosure_table, "requests": requests_table, "review_litigation": review_table}
    for key, heading in HEADINGS:
        out.append(f"<h2>{esc(heading)}</h2>")
        for paragraph in (sections.get(key) or "").split("\n"):
            if paragraph.strip():
                out.append(f"<p>{esc(paragraph)}</p>")
        if key in tables:
            out.append(tables[key](report))
    if report.get("agency"):
        out.append(f"<p style=\"text-align:right\">{esc(report['agency'])}</p>")
    line = date_line(report.get("published"))
    if line:
        out.append(f"<p style=\"text-align:right\">{esc(line)}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render(json.load(open(sys.argv[1], encoding="utf-8"))))
