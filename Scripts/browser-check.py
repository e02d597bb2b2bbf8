#!/usr/bin/env python3
"""The upload page (`GET /` of `nianbao serve`) in a real headless Chromium, driven by selenium.

    Scripts/browser-check.py [--url http://127.0.0.1:PORT/] [--bin .build/debug/nianbao]

Without --url it starts `nianbao serve` (--bin, default .build/debug/nianbao) on a free port.
It uploads two files through the page's file input:
  * a DOCX fixture (Tests/NianbaoTests/Fixtures/docx/001_73cfe548748cf452.lo.docx), and
  * a text sample with one total altered (一、本年新收 总计 1 → 3: rules 1 and 2 break) and one
    cell of part 四 blanked (行政复议 结果纠正 → null),
waits for both reports to be drawn and checks, against the JSON the service answers for the
same file (and against fixed values): every cell of the three tables shows its value in the
cell of its row and column; the cells the broken rules name are marked `broken`, the blanked
cell `null`, and no other cell is marked; the findings list has one line per diagnostic; the
JSON / CSV / DOCX download links download the service's bytes. Exit status 0 when all holds.
Needs: chromium and chromedriver (Debian: apt-get install chromium chromium-driver), selenium.
"""
import argparse, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCX = os.path.join(ROOT, "Tests/NianbaoTests/Fixtures/docx/001_73cfe548748cf452.lo.docx")
SAMPLE = os.path.join(ROOT, "Samples/001_73cfe548748cf452.txt")
TABLES = ["active_disclosure", "requests", "review_litigation"]
RULE_CODES = {"requests.balance", "requests.row_total", "requests.results_total", "review_litigation.total", "value.invalid"}
failures = []
checked = [0]


def check(condition, message):
    checked[0] += 1
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def broken_sample(folder):
    """The sample with 一、本年新收 总计 changed from 1 to 3 and 行政复议 结果纠正 left blank."""
    with open(SAMPLE, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    # Line 109 is 一、本年新收's 总计 ("1 "), line 376 行政复议's 结果纠正 (" 0"), 1-based.
    assert lines[108].strip() == "1" and lines[101].strip().startswith("一、本年新收"), "sample changed: line 109"
    assert lines[375].strip() == "0" and lines[346].startswith("四、"), "sample changed: line 376"
    lines[108] = "\t3 "
    lines[375] = "\t"
    path = os.path.join(folder, "broken-total.txt")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    return path


def convert(base, path, to, token):
    request = urllib.request.Request(base + "v1/convert?to=" + to + "&filename=" + urllib.parse.quote(os.path.basename(path)),
                                     data=open(path, "rb").read(), method="POST")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


def shown(value):
    """A JSON number as the page writes it (JavaScript's String(number))."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def check_report(driver, section, name, report):
    """The section drawn for `report`: cells, marks, findings, links."""
    from selenium.webdriver.common.by import By
    marked_broken = set()
    for diagnostic in report["diagnostics"]:
        if diagnostic["code"] in RULE_CODES and diagnostic.get("path"):
            marked_broken.add(diagnostic["path"])
    for key in TABLES:
        tables = section.find_elements(By.CSS_SELECTOR, f'table[data-table="{key}"]')
        check(len(tables) == 1, f"{name}: one table {key}, found {len(tables)}")
        if not tables:
            continue
        cells = {}
        for cell in tables[0].find_elements(By.CSS_SELECTOR, "td[data-path]"):
            cells[cell.get_attribute("data-path")] = (cell.get_attribute("textContent"), set((cell.get_attribute("class") or "").split()))
        expected = {f"{key}.{row}.{column}": value for row, values in report[key].items() for column, value in values.items()}
        for path, value in expected.items():
            check(path in cells, f"{name}: no cell {path}")
            if path not in cells:
                continue
            text, classes = cells[path]
            check(text == shown(value), f"{name}: cell {path} shows {text!r}, the report has {value!r}")
            check(("null" in classes) == (value is None), f"{name}: cell {path} null mark {classes} for {value!r}")
            check(("broken" in classes) == (path in marked_broken), f"{name}: cell {path} broken mark {classes}")
        extra = [path for path, (text, classes) in cells.items() if path not in expected and (text or classes)]
        check(not extra, f"{name}: cells not in the report are filled or marked: {extra[:5]}")
        # The cell of a path is in the row of its row label and the column of its column label.
        rows = tables[0].find_elements(By.CSS_SELECTOR, "tr")
        header = [th.get_attribute("textContent") for th in rows[0].find_elements(By.CSS_SELECTOR, "th")]
        check(len(rows) - 1 == len(report[key]), f"{name}: {key} has {len(rows) - 1} rows, the report {len(report[key])}")
        for tr, row in zip(rows[1:], report[key]):
            tds = tr.find_elements(By.CSS_SELECTOR, "td")
            for index, td in enumerate(tds):
                path = td.get_attribute("data-path")
                check(path.split(".")[1] == row, f"{name}: cell {path} drawn in row {row}")
                check(header[index + 1] == label(driver, path.split(".")[2]), f"{name}: cell {path} under header {header[index + 1]!r}")
    findings = section.find_elements(By.CSS_SELECTOR, "ul.findings li")
    check(len(findings) == len(report["diagnostics"]), f"{name}: {len(findings)} findings listed, report has {len(report['diagnostics'])}")
    for item, diagnostic in zip(findings, report["diagnostics"]):
        text = item.get_attribute("textContent")
        check(diagnostic["code"] in text and diagnostic["message"] in text and diagnostic["severity"] in (item.get_attribute("class") or ""),
              f"{name}: finding {text!r} is not {diagnostic['code']}: {diagnostic['message']}")
    links = {link.get_attribute("data-to"): link for link in section.find_elements(By.CSS_SELECTOR, "a[data-to]")}
    check(sorted(links) == ["csv", "docx", "json"], f"{name}: download links {sorted(links)}")
    return links


_labels = {}


def label(driver, column):
    """The page's header text for a column key."""
    if not _labels:
        _labels.update(driver.execute_script("return LABELS"))
    return _labels.get(column, column)


def wait_for_file(folder, name, seconds=60):
    path = os.path.join(folder, name)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if os.path.exists(path) and not os.path.exists(path + ".crdownload"):
            return path
        time.sleep(0.1)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="the running service's base URL (default: start one)")
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/nianbao"))
    parser.add_argument("--token", default="")
    arguments = parser.parse_args()
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        print("browser-check: SKIPPED: selenium is not installed (pip install selenium)")
        return 77
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver")
    if not browser or not driver_path:
        print("browser-check: SKIPPED: no chromium and chromedriver on PATH (apt-get install chromium chromium-driver)")
        return 77

    folder = tempfile.mkdtemp(prefix="nianbao-browser-check-")
    server = None
    driver = None
    try:
        base = arguments.url
        if not base:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
            server = subprocess.Popen([arguments.bin, "serve", "--port", str(port)], stderr=subprocess.DEVNULL)
            base = f"http://127.0.0.1:{port}/"
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "healthz", timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.1)
        if not base.endswith("/"):
            base += "/"
        downloads = os.path.join(folder, "downloads")
        os.mkdir(downloads)
        broken = broken_sample(folder)
        inputs = [DOCX, broken]
        reports = {os.path.basename(path): json.loads(convert(base, path, "json", arguments.token)) for path in inputs}

        # Fixed values, so that a page and a service wrong the same way do not pass.
        bad = reports["broken-total.txt"]
        check(bad["requests"]["new_received"]["total"] == 3, "service: the altered total is not 3")
        check(bad["review_litigation"]["review"]["corrected"] is None, "service: the blanked cell is not null")
        codes = {(d["code"], d.get("path")) for d in bad["diagnostics"]}
        check(("requests.row_total", "requests.new_received.total") in codes, f"service: no row_total finding: {codes}")
        check(("requests.balance", "requests.carried_forward.total") in codes, f"service: no balance finding: {codes}")

        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
            options.add_argument(flag)
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
        from selenium.webdriver.chrome.service import Service
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        driver.get(base)
        check("nianbao" in driver.title, f"page title {driver.title!r}")
        if arguments.token:
            driver.find_element(By.ID, "token").send_keys(arguments.token)
        driver.find_element(By.ID, "files").send_keys("\n".join(inputs))
        WebDriverWait(driver, 120).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "section.report")) == len(inputs))
        errors = driver.find_elements(By.CSS_SELECTOR, "#reports p.error")
        check(not errors, f"page shows errors: {[e.text for e in errors]}")
        sections = driver.find_elements(By.CSS_SELECTOR, "section.report")
        for section, path in zip(sections, inputs):
            name = os.path.basename(path)
            check(name in section.text, f"section of {name} does not name it")
            links = check_report(driver, section, name, reports[name])
            for to, extension in [("json", "json"), ("csv", "csv"), ("docx", "docx")]:
                if to not in links:
                    continue
                links[to].click()
                saved = wait_for_file(downloads, os.path.splitext(name)[0] + "." + extension)
                check(saved is not None, f"{name}: download {to} did not arrive")
                if saved:
                    check(open(saved, "rb").read() == convert(base, path, to, arguments.token), f"{name}: downloaded {to} differs from the service's")
                    os.remove(saved)

        # The marks of the broken report, looked up by path.
        section = sections[1]
        def classes(path):
            return set((section.find_element(By.CSS_SELECTOR, f'td[data-path="{path}"]').get_attribute("class") or "").split())
        check("broken" in classes("requests.new_received.total"), "altered total not marked broken")
        check("broken" in classes("requests.carried_forward.total"), "balance cell not marked broken")
        check("null" in classes("review_litigation.review.corrected"), "blanked cell not marked null")
        check(section.find_element(By.CSS_SELECTOR, 'td[data-path="requests.new_received.total"]').get_attribute("textContent") == "3",
              "altered total does not show 3")
        check(not sections[0].find_elements(By.CSS_SELECTOR, "td.broken"), "the DOCX report has cells marked broken")
        browser_errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
        check(not browser_errors, f"browser console errors: {browser_errors[:3]}")
        print(f"browser-check: {driver.capabilities.get('browserVersion', '?')} headless, {len(inputs)} uploads, {checked[0]} checks, "
              f"{'FAILED ' + str(len(failures)) + ' checks' if failures else 'all checks passed'}")
        return 1 if failures else 0
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
