#!/usr/bin/env python3
"""Render one nianbao JSON report as a government-site web page, the way older sites publish the
annual reports: the whole page in layout tables (site header, menu, breadcrumbs, a left column of
links), the report's title and date line in the content cell, share and font-size tools, the report
itself with its statutory tables (the request table split in two by an editor, blank cells written
as &nbsp;, a label broken by <br>), then attachment links, print/close tools, previous/next links
and a footer; plus script, style, noscript, a hidden block and a comment holding a decoy table.

usage: render_page.py REPORT_JSON [utf-8|gb2312|word] > OUT_HTML   (gb2312 writes GB18030 bytes under a
charset=gb2312 declaration, as such sites do: GB2312 pages are read as GB18030, their superset;
word writes the report alone as Word's "save as web page" does, in GB18030 under charset=gb2312)
"""
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docx-fixtures"))
import render_html  # noqa: E402

esc = render_html.esc


def report_body(report):
    """The report's own part of the page: render_html's body with the editor's touches."""
    page = render_html.render(report)
    body = page.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    # The title goes into the page's own title block (below).
    body = re.sub(r"<h1>.*?</h1>\n", "", body, count=1)
    # Blank cells as editors leave them.
    body = body.replace("<td></td>", "<td>&nbsp;</td>")
    # A label broken over two lines inside its cell.
    body = body.replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                        "（二）部分公开<br>（区分处理的，只计这一情形，不计其他情形）")
    # Part headings as old editors write them: bold paragraphs, not <h2>.
    body = re.sub(r"<h2>(.*?)</h2>", r'<p style="text-indent:2em"><strong>\1</strong></p>', body)
    # The request table split in two by an editor, after the row of 二、上年结转.
    rows = body.split("\n")
    for index, row in enumerate(rows):
        if "二、上年结转政府信息公开申请数量" in row:
            rows[index] = row + "\n</table>\n<p>&nbsp;</p>\n<table border=\"1\" cellspacing=\"0\">"
            break
    return "\n".join(rows)


def render(report, charset):
    title = report.get("title") or ""
    published = report.get("published") or "2021-01-01"
    body = report_body(report)
    menu = "".join(f'<li><a href="/col{n}/">{esc(name)}</a></li>' for n, name in enumerate(
        ["首页", "政务动态", "政府信息公开", "政府信息公开年报", "互动交流", "办事服务"]))
    side = "<br>".join(f'<a href="/xxgk/{n}/">{esc(name)}</a>' for n, name in enumerate(
        ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年度报告", "依申请公开"]))
    declaration = ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' if charset == "gb2312"
                   else '<meta charset="utf-8">')
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
{declaration}
<title>{esc(title)}_某某市人民政府门户网站</title>
<meta name="SiteName" content="某某市人民政府门户网站">
<meta name="ArticleTitle" content="{esc(title)}">
<meta name="PubDate" content="{published} 09:30">
<style type="text/css">body {{ font-size: 14px; }} .hide {{ display: none; }}</style>
<script type="text/javascript">var pageTitle = "<p>一、总体情况</p>"; if (a < b && c > d) {{ document.write("<table><tr><td>9</td></tr></table>"); }}</script>
</head>
<body>
<noscript><p>您的浏览器不支持脚本。2019年政府信息公开工作年度报告</p></noscript>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">
  <tr><td colspan="2" class="top"><img src="/images/banner.jpg" alt="某某市人民政府"><span>某某市人民政府门户网站</span></td></tr>
  <tr><td colspan="2"><div class="nav"><ul>{menu}</ul></div></td></tr>
  <tr><td colspan="2"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/nb/">政府信息公开年报</a></div></td></tr>
  <tr>
    <td width="220" valign="top" class="left">
      <table width="100%"><tr><td><b>政府信息公开</b></td></tr><tr><td>{side}</td></tr></table>
    </td>
    <td width="780" valign="top">
      <table width="100%" border="0"><tr><td>
        <div class="article-title"><h1>{esc(title)}</h1></div>
        <div class="info">发布时间：{published}&nbsp;&nbsp;来源：办公室&nbsp;&nbsp;浏览次数：<span id="count">128</span></div>
        <div class="bdsharebuttonbox">分享到：<a href="#" class="bds_weixin">微信</a><a href="#" class="bds_tsina">微博</a></div>
        <div class="tools">字号：<a href="javascript:size(16)">大</a> <a href="javascript:size(14)">中</a> <a href="javascript:size(12)">小</a></div>
        <!-- 旧版正文：<table><tr><td>信息内容</td><td>99</td></tr></table> -->
        <div style="display:none"><p>一、总体情况</p><table><tr><td>行政许可</td><td>99999</td></tr></table></div>
        <div class="TRS_Editor" id="zoom">
{body}
        </div>
        <div class="attach">附件下载：<a href="/xxgk/nb/report.pdf">{esc(title)}.pdf</a></div>
        <p>【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</p>
        <p>上一篇：<a href="/xxgk/nb/1.html">某某市财政局政府信息公开工作年度报告</a></p>
        <p>下一篇：<a href="/xxgk/nb/3.html">某某市教育局政府信息公开工作年度报告</a></p>
      </td></tr></table>
    </td>
  </tr>
  <tr><td colspan="2" class="footer">主办单位：某某市人民政府办公室　版权所有　网站标识码：1234000001　某ICP备12345678号</td></tr>
</table>
<script>var _hmt = _hmt || [];</script>
</body>
</html>
"""


def word_cell(match):
    tag, attributes, text = match.group(1), match.group(2) or "", match.group(3)
    if text == "" or text == "&nbsp;":
        inner = "<p class=MsoNormal align=center><span lang=EN-US>&nbsp;<o:p></o:p></span></p>"
    else:
        text = text.replace("商业企业", "商业<br>企业").replace("科研机构", "科研<br>机构")
        inner = (f"<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;"
                 f"font-family:仿宋_GB2312'>{text}<span lang=EN-US><o:p></o:p></span></span></p>")
    return f"<td{attributes} valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>{inner}</td>"


def render_word(report):
    """The report as Word's "save as web page" writes it: MsoNormal paragraphs and tables, <o:p>,
    conditional comments, spans, headers with <br>, blank cells as &nbsp; (GB18030 under gb2312)."""
    page = render_html.render(report)
    body = page.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    body = re.sub(r"<h1>(.*?)</h1>", r"<p class=MsoNormal align=center style='text-align:center'><b><span "
                  r"style='font-size:22.0pt;font-family:方正小标宋简体'>\1<span lang=EN-US><o:p></o:p></span></span></b></p>", body)
    body = re.sub(r"<h2>(.*?)</h2>", lambda m: "<p class=MsoNormal style='text-indent:32.0pt'><![if !supportLists]><span "
                  "style='font-family:黑体'>" + m.group(1)[:2] + "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;</span></span>"
                  "<![endif]><span style='font-family:黑体'>" + m.group(1)[2:] + "<span lang=EN-US><o:p></o:p></span></span></p>", body)
    body = re.sub(r"<p( style=\"text-align:right\")?>(.*?)</p>", lambda m: "<p class=MsoNormal" + (" align=right" if m.group(1) else
                  " style='text-indent:32.0pt;line-height:28.0pt'") + "><span style='font-size:16.0pt;font-family:仿宋_GB2312'>"
                  + m.group(2) + "<span lang=EN-US><o:p></o:p></span></span></p>", body)
    body = re.sub(r"<(t[hd])((?: (?:colspan|rowspan)=\"\d+\")*)>(.*?)</t[hd]>", word_cell, body)
    body = body.replace("<table border=\"1\">", "<div align=center><table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 "
                        "style='border-collapse:collapse;mso-table-layout-alt:fixed'>")
    body = body.replace("</table>", "<![if !supportMisalignedColumns]><tr height=0><td width=120 style='border:none'></td>"
                        "<td width=60 style='border:none'></td></tr><![endif]></table></div><p class=MsoNormal><span lang=EN-US>"
                        "<o:p>&nbsp;</o:p></span></p>")
    title = esc(report.get("title") or "")
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties><o:Author>办公室</o:Author><o:Pages>5</o:Pages></o:DocumentProperties>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom></w:WordDocument>
</xml><![endif]-->
<style>
<!--
 p.MsoNormal {{ margin:0cm; text-align:justify; font-size:10.5pt; font-family:等线; }}
 @page WordSection1 {{ size:595.3pt 841.9pt; }}
 div.WordSection1 {{ page:WordSection1; }}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
{body}
</div>
</body>
</html>
"""


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "word":
        sys.stdout.buffer.write(render_word(json.load(open(sys.argv[1], encoding="utf-8"))).encode("gb18030"))
        sys.exit(0)
    charset = sys.argv[2] if len(sys.argv) > 2 else "utf-8"
    page = render(json.load(open(sys.argv[1], encoding="utf-8")), charset)
    out = sys.stdout.buffer
    out.write(page.encode("gb18030") if charset == "gb2312" else page.encode("utf-8"))
