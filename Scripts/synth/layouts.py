#!/usr/bin/env python3
"""Layout variations of the project's own DOCX writer output, for placement tests.

usage: layouts.py IN_DIR OUT_DIR [--variant NAME] [--manifest FILE]

Every IN_DIR/<stem>.docx (written by `nianbao convert X.json --to docx`) is copied to
OUT_DIR/<stem>.docx with one layout variation, chosen from the stem (so a seed always gives the
same files) unless --variant names one; --manifest FILE (JSON) maps each stem to its variant and
blank-cell mark. The writer's merged header cells (gridSpan, vMerge) are kept in every variant.

  word            as written (a blank cell is an empty cell)
  narrow          the request table's 7 number columns narrowed, the label column widened: header
                  cells wrap over 2-3 lines (商业企/业, 社会公/益组/织)
  landscape       A4 landscape, tables widened to the page: no header wraps
  small-font      table text 7 pt
  large-font      table text 12 pt: long wrapped labels, the request table split across pages
  split-header    the request table starts low on a page and splits, header rows repeated (w:tblHeader)
  split-noheader  the same without repeated header rows (no w:tblHeader, rows may split)
  wps             WPS-like: 仿宋_GB2312/宋体 run fonts and sizes on every run, numbers split over two
                  runs, vMerge written as val="continue", percentage table widths

Independently of the layout, a share of reports write '/' or '—' (or '-') into their blank value
cells instead of leaving them empty (the expected value stays null), and half of them switch the
money unit: 采购总金额 in 万元 instead of 元 (2019 template), 收费金额 in 元 instead of 万元 (2021), the
value rewritten to match (the expected value stays in 元).
"""
import argparse, json, os, random, re, sys, zipfile

VARIANTS = ["word", "narrow", "landscape", "small-font", "large-font", "split-header", "split-noheader", "wps"]
MARKS = ["", "", "", "/", "—", "-"]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def tables(xml):
    """(start, end) of every top-level w:tbl element (the writer does not nest tables)."""
    return [(m.start(), xml.index("</w:tbl>", m.start()) + len("</w:tbl>")) for m in re.finditer(r"<w:tbl>", xml)]


def request_table(xml):
    for start, end in tables(xml):
        if "申请人情况" in xml[start:end]:
            return start, end
    return None


def replace_span(xml, span, fn):
    start, end = span
    return xml[:start] + fn(xml[start:end]) + xml[end:]


def scale_widths(tbl, factor_for_width):
    """Rewrites gridCol and tcW widths with factor_for_width(original) and tblW with the sum."""
    tbl = re.sub(r'<w:gridCol w:w="(\d+)"/>', lambda m: f'<w:gridCol w:w="{factor_for_width(int(m.group(1)))}"/>', tbl)
    cols = [int(x) for x in re.findall(r'<w:gridCol w:w="(\d+)"/>', tbl)]
    return cols, tbl


def regrid(tbl, new_cols):
    """Sets the table grid to new_cols and every cell's tcW to the sum of the columns it spans."""
    tbl = re.sub(r"<w:tblGrid>.*?</w:tblGrid>", "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in new_cols) + "</w:tblGrid>", tbl, count=1)
    tbl = re.sub(r'<w:tblW w:w="\d+" w:type="dxa"/>', f'<w:tblW w:w="{sum(new_cols)}" w:type="dxa"/>', tbl, count=1)

    def row(m):
        r, col, out, pos = m.group(0), 0, [], 0
        for c in re.finditer(r"<w:tc>.*?</w:tc>", r, re.S):
            span = re.search(r'<w:gridSpan w:val="(\d+)"/>', c.group(0))
            n = int(span.group(1)) if span else 1
            width = sum(new_cols[col:col + n])
            col += n
            out.append(r[pos:c.start()])
            out.append(re.sub(r'<w:tcW w:w="\d+" w:type="dxa"/>', f'<w:tcW w:w="{width}" w:type="dxa"/>', c.group(0), count=1))
            pos = c.end()
        out.append(r[pos:])
        return "".join(out)
    return re.sub(r"<w:tr>.*?</w:tr>", row, tbl, flags=re.S)


def grid(tbl):
    return [int(x) for x in re.findall(r'<w:gridCol w:w="(\d+)"/>', tbl)]


def narrow(xml, styles):
    span = request_table(xml)
    if span:
        def f(tbl):
            cols = grid(tbl)
            total = sum(cols)
            numbers = [560] * 7
            rest = total - sum(numbers)
            head = cols[:len(cols) - 7]
            scaled = [max(300, w * rest // sum(head)) for w in head]
            scaled[-1] += rest - sum(scaled)
            return regrid(tbl, scaled + numbers)
        xml = replace_span(xml, span, f)
    styles = set_table_font(styles, 20)
    return xml, styles


def landscape(xml, styles):
    xml = xml.replace('<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>')
    page = 16838 - 2 * 1418

    def widen(tbl):
        cols = grid(tbl)
        total = sum(cols)
        new = [w * page // total for w in cols]
        new[-1] += page - sum(new)
        return regrid(tbl, new)
    for span in reversed(tables(xml)):
        xml = replace_span(xml, span, widen)
    return xml, styles


def set_table_font(styles, half_points):
    def f(m):
        s = m.group(0)
        s = re.sub(r'<w:sz w:val="\d+"/>', f'<w:sz w:val="{half_points}"/>', s)
        return re.sub(r'<w:szCs w:val="\d+"/>', f'<w:szCs w:val="{half_points}"/>', s)
    return re.sub(r'<w:style w:type="paragraph" w:styleId="TableText">.*?</w:style>', f, styles, flags=re.S)


def split(xml, styles, repeat):
    span = request_table(xml)
    if span:
        heading = xml.rfind("<w:p>", 0, span[0])  # the part heading before the table
        # a page break, then an empty line 8000 twips high at the top of the new page (space before
        # a paragraph is dropped at a page top; an exact line height is not): the table starts in
        # the lower half of a page and splits
        spacer = ('<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
                  '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="8000" w:lineRule="exact"/></w:pPr>'
                  '<w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>')
        xml = xml[:heading] + spacer + xml[heading:]
        if not repeat:
            span = request_table(xml)
            xml = replace_span(xml, span, lambda t: t.replace("<w:tblHeader/>", "").replace("<w:cantSplit/>", ""))
    styles = set_table_font(styles, 21)
    return xml, styles


def wps(xml, styles):
    def run(m):
        text = m.group(1)
        rpr = '<w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
        if re.fullmatch(r"-?\d{3,}", text):
            cut = len(text) // 2
            return f"<w:r>{rpr}<w:t>{text[:cut]}</w:t></w:r><w:r>{rpr}<w:t>{text[cut:]}</w:t></w:r>"
        return f"<w:r>{rpr}<w:t>{text}</w:t></w:r>"
    xml = re.sub(r"<w:r><w:t>([^<]*)</w:t></w:r>", run, xml)
    xml = xml.replace("<w:vMerge/>", '<w:vMerge w:val="continue"/>')
    xml = re.sub(r'<w:tblW w:w="\d+" w:type="dxa"/>', '<w:tblW w:w="5000" w:type="pct"/>', xml)
    return xml, styles


def mark_blanks(xml, mark):
    """Writes `mark` into the empty value cells of the tables (cells without text that are not the
    continuation of a vertical merge)."""
    if not mark:
        return xml

    def cell(m):
        c = m.group(0)
        if "<w:t>" in c or "<w:t " in c or "vMerge" in c:
            return c
        return re.sub(r"(<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>)(</w:p>)", lambda p: p.group(1) + f"<w:r><w:t>{mark}</w:t></w:r>" + p.group(2), c, count=1)
    out, pos = [], 0
    for start, end in tables(xml):
        out.append(xml[pos:start])
        out.append(re.sub(r"<w:tc>.*?</w:tc>", cell, xml[start:end], flags=re.S))
        pos = end
    out.append(xml[pos:])
    return "".join(out)


def switch_money_unit(xml):
    """采购总金额（元） → （万元） or 收费金额（单位：万元） → （元）, with the amount cell rewritten."""
    if "采购总金额（元）" in xml:
        xml, label, factor = xml.replace("采购总金额（元）", "采购总金额（万元）"), "政府集中采购", 0.0001
    elif "本年收费金额（单位：万元）" in xml:
        xml, label, factor = xml.replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）"), "行政事业性收费", 10000
    else:
        return xml
    at = xml.find(f"<w:t>{label}</w:t>")
    if at < 0:
        return xml
    end = xml.index("</w:tr>", at)
    last_cell = xml.rfind("<w:tc>", at, end) - at  # the amount is the row's last cell
    values = [m for m in re.finditer(r"<w:t>(-?[0-9.]+)</w:t>", xml[at:end]) if m.start() > last_cell]
    if not values:
        return xml  # a blank amount: only the unit changes
    m = values[-1]
    amount = float(m.group(1)) * factor
    text = f"{amount:.6f}".rstrip("0").rstrip(".")
    start = at + m.start(1)
    return xml[:start] + text + xml[at + m.end(1):]


def apply(src, dst, variant, mark, money):
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    styles = parts["word/styles.xml"].decode("utf-8")
    xml = mark_blanks(xml, mark)
    if money:
        xml = switch_money_unit(xml)
    if variant == "narrow":
        xml, styles = narrow(xml, styles)
    elif variant == "landscape":
        xml, styles = landscape(xml, styles)
    elif variant == "small-font":
        styles = set_table_font(styles, 14)
    elif variant == "large-font":
        styles = set_table_font(styles, 24)
    elif variant in ("split-header", "split-noheader"):
        xml, styles = split(xml, styles, variant == "split-header")
    elif variant == "wps":
        xml, styles = wps(xml, styles)
    parts["word/document.xml"] = xml.encode("utf-8")
    parts["word/styles.xml"] = styles.encode("utf-8")
    tmp = dst + ".part"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    os.replace(tmp, dst)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("inp")
    p.add_argument("out")
    p.add_argument("--variant", choices=VARIANTS)
    p.add_argument("--manifest")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    chosen = {}
    for name in sorted(os.listdir(a.inp)):
        if not name.endswith(".docx"):
            continue
        stem = name[:-5]
        rng = random.Random("layout/" + stem)
        variant = a.variant or VARIANTS[rng.randrange(len(VARIANTS))]
        mark = rng.choice(MARKS)
        money = rng.random() < 0.5
        apply(os.path.join(a.inp, name), os.path.join(a.out, name), variant, mark, money)
        chosen[stem] = {"variant": variant, "blank_mark": mark, "money_unit_switched": money}
    if a.manifest:
        with open(a.manifest, "w", encoding="utf-8") as f:
            json.dump(chosen, f, ensure_ascii=False, indent=1)
    print(f"{len(chosen)} DOCX written to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
