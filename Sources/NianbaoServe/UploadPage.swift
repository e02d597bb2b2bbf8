/// `GET /`: the upload page (plain HTML and JavaScript, no build step, served from the binary).
/// Drop files; each is sent to `POST /v1/convert`, its tables are drawn as the official template's
/// parts with `null` cells and cells a rule names marked, its findings listed, and JSON / CSV /
/// DOCX download links offered.
enum UploadPage {
    static let html = #"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>nianbao — 年报 check</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; max-width: 70em; }
#drop { border: 2px dashed #888; padding: 2em; text-align: center; color: #444; }
#drop.over { background: #eef; }
table { border-collapse: collapse; margin: .5em 0 1em; font-size: 90%; }
th, td { border: 1px solid #999; padding: .2em .5em; }
td { text-align: right; }
td.null { background: #fff3b0; }
td.null::after { content: "—"; color: #a60; }
td.broken { background: #ffc9c9; font-weight: bold; }
.error { color: #b00; }
.warning { color: #a60; }
.report { border-top: 1px solid #ccc; margin-top: 1.5em; }
</style>
</head>
<body>
<h1>nianbao: check an annual report (政府信息公开工作年度报告)</h1>
<p>Drop .txt, .md, .docx, .html, .pdf, .doc, .wps, .rtf or .odt files. Cells marked
<span style="background:#ffc9c9">red</span> break a rule (勾稽关系); cells marked
<span style="background:#fff3b0">yellow</span> are missing (null).</p>
<p><label>Token (only when the service needs one): <input id="token" type="password" size="30"></label></p>
<div id="drop">Drop files here, or <input id="files" type="file" multiple></div>
<div id="reports"></div>
<script>
"use strict";
const RULE_CODES = ["requests.balance", "requests.row_total", "requests.results_total", "review_litigation.total", "value.invalid"];
const TABLES = [["active_disclosure", "二、主动公开政府信息情况"], ["requests", "三、收到和处理政府信息公开申请情况"],
                ["review_litigation", "四、政府信息公开行政复议、行政诉讼情况"]];
const LABELS = {
  regulations: "规章", normative_documents: "规范性文件", licensing: "行政许可", other_services: "其他对外管理服务事项",
  punishment: "行政处罚", enforcement: "行政强制", fees: "行政事业性收费", procurement: "政府集中采购",
  new_received: "一、本年新收", carried_over: "二、上年结转", granted: "（一）予以公开", partially_granted: "（二）部分公开",
  denied_state_secret: "不予公开 1.国家秘密", denied_prohibited: "2.法律行政法规禁止公开", denied_security_stability: "3.三安全一稳定",
  denied_third_party: "4.第三方合法权益", denied_internal_affairs: "5.内部事务信息", denied_process_info: "6.过程性信息",
  denied_enforcement_file: "7.行政执法案卷", denied_inquiry: "8.行政查询事项", unavailable_not_held: "无法提供 1.不掌握",
  unavailable_needs_creation: "2.需另行制作", unavailable_unclear: "3.补正后仍不明确", not_processed_petition: "不予处理 1.信访举报投诉",
  not_processed_duplicate: "2.重复申请", not_processed_publication: "3.公开出版物", not_processed_excessive: "4.大量反复申请",
  not_processed_confirmation: "5.确认或重新出具", other_handling: "（六）其他处理", other_overdue_correction: "（六）1.逾期不补正",
  other_overdue_fee: "2.逾期未缴费", other_misc: "3.其他", results_total: "（七）总计", carried_forward: "四、结转下年度",
  review: "行政复议", litigation_direct: "行政诉讼·直接起诉", litigation_after_review: "行政诉讼·复议后起诉",
  natural_person: "自然人", commercial: "商业企业", research: "科研机构", social_welfare: "社会公益组织",
  legal_service: "法律服务机构", other_org: "其他", total: "总计", upheld: "维持", corrected: "纠正", other: "其他结果",
  pending: "尚未审结", new_made: "新制作", new_published: "新公开", total_published: "公开总数", issued: "制发",
  repealed: "废止", in_force: "现行有效", previous_items: "上一年项目数", change: "增/减", decisions: "处理决定",
  items: "项目数", amount_yuan: "金额（元）"
};

/** The paths of cells named by rule-breaking diagnostics, and by any diagnostic. */
function markedPaths(report) {
  const broken = new Set();
  for (const d of report.diagnostics || []) {
    if (d.path && RULE_CODES.includes(d.code)) broken.add(d.path);
    for (const cell of d.cells || []) if (cell.path && RULE_CODES.includes(d.code)) broken.add(cell.path);
  }
  return broken;
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/** One table of the report: rows are the table's row keys, columns the union of their keys. */
function renderTable(report, key, title, broken) {
  const part = report[key];
  if (!part || typeof part !== "object") return null;
  const rows = Object.keys(part);
  const columns = [];
  for (const row of rows) for (const column of Object.keys(part[row] || {})) if (!columns.includes(column)) columns.push(column);
  const table = element("table");
  table.dataset.table = key;
  table.appendChild(element("caption", title));
  const head = element("tr");
  head.appendChild(element("th", ""));
  for (const column of columns) head.appendChild(element("th", LABELS[column] || column));
  table.appendChild(head);
  for (const row of rows) {
    const tr = element("tr");
    tr.appendChild(element("th", LABELS[row] || row));
    for (const column of columns) {
      const values = part[row] || {};
      const path = key + "." + row + "." + column;
      let td;
      if (!(column in values)) td = element("td", "");
      else if (values[column] === null) td = element("td", "", "null");
      else td = element("td", values[column]);
      if (broken.has(path)) td.classList.add("broken");
      td.dataset.path = path;
      td.title = path;
      tr.appendChild(td);
    }
    table.appendChild(tr);
  }
  return table;
}

function renderReport(report, name, file) {
  const section = element("section", null, "report");
  section.appendChild(element("h2", (report.title || name) + (report.year ? "（" + report.year + "）" : "")));
  section.appendChild(element("p", "file " + name + " · agency " + (report.agency || "unknown") + " · template " + report.template));
  const links = element("p");
  for (const to of ["json", "csv", "docx"]) {
    const link = element("a", "download " + to.toUpperCase());
    link.href = "#";
    link.dataset.to = to;
    link.addEventListener("click", (event) => { event.preventDefault(); download(file, to); });
    links.appendChild(link);
    links.appendChild(document.createTextNode(" "));
  }
  section.appendChild(links);
  const broken = markedPaths(report);
  for (const [key, title] of TABLES) {
    const table = renderTable(report, key, title, broken);
    if (table) section.appendChild(table);
  }
  const findings = element("ul", null, "findings");
  for (const d of report.diagnostics || []) {
    const item = element("li", d.severity + " " + d.code + (d.path ? " [" + d.path + "]" : "") + ": " + d.message, d.severity);
    findings.appendChild(item);
  }
  section.appendChild(element("h3", "Findings (" + (report.diagnostics || []).length + ")"));
  section.appendChild(findings);
  return section;
}

function headers() {
  const token = document.getElementById("token").value;
  return token ? { "Authorization": "Bearer " + token } : {};
}

function convertURL(file, to) {
  return "v1/convert?to=" + encodeURIComponent(to) + "&filename=" + encodeURIComponent(file.name);
}

async function download(file, to) {
  const response = await fetch(convertURL(file, to), { method: "POST", body: file, headers: headers() });
  if (!response.ok) { alert((await response.json()).error.message); return; }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = file.name.replace(/\.[^.]*$/, "") + "." + (to === "csv" ? "csv" : to);
  link.click();
}

async function convertFile(file) {
  const target = document.getElementById("reports");
  try {
    const response = await fetch(convertURL(file, "json"), { method: "POST", body: file, headers: headers() });
    const body = await response.json();
    if (!response.ok) {
      const section = element("section", null, "report");
      section.appendChild(element("h2", file.name));
      section.appendChild(element("p", response.status + " " + body.error.code + ": " + body.error.message, "error"));
      target.appendChild(section);
      return;
    }
    target.appendChild(renderReport(body, file.name, file));
  } catch (error) {
    target.appendChild(element("p", file.name + ": " + error, "error"));
  }
}

async function convertFiles(files) {
  for (const file of files) await convertFile(file);
}

const drop = document.getElementById("drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => { event.preventDefault(); drop.classList.remove("over"); convertFiles(event.dataTransfer.files); });
document.getElementById("files").addEventListener("change", (event) => convertFiles(event.target.files));
</script>
</body>
</html>
"""#
}
