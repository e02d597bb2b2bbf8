#!/usr/bin/env python3
"""Every rendering of a folder of DOCX files that the placement soak scores.

usage: render.py DOCX_DIR OUT_DIR [--only NAME,NAME,...] [--skip NAME,...]

Writes OUT_DIR/<rendering>/<stem>.<ext> for each DOCX_DIR/<stem>.docx:

  docx              the DOCX itself (read directly)
  lo-pdf, lo-html   LibreOffice's PDF and HTML (read directly)
  mupdf-pdf         LibreOffice's HTML laid out by MuPDF's Story (Scripts/pdf-fixtures/mupdf_story.py):
                    a second PDF producer
  soffice-txt       LibreOffice "Text" export
  pandoc-plain, pandoc-markdown, docx2txt, mammoth-md, mammoth-raw, python-docx, markitdown-docx
                    from the DOCX
  pdftotext, pdftotext-layout, pdftotext-raw, pymupdf, pdfminer, pdfplumber, markitdown-pdf
                    from LibreOffice's PDF
  html2text, scraper, w3m, inscriptis, markdownify, lynx, trafilatura from LibreOffice's HTML
                    (trafilatura keeps tables as `| … |` rows and drops the part headings; it needs
                    lxml_html_clean with lxml 5.2 or later)

The text tools are run as Scripts/extract-matrix.sh runs them (its python ones are imported from
Scripts/extract-matrix/extract.py). LibreOffice runs once per format over all files, with a
private profile. MuPDF's Story gets 120 s a file (it has been seen looping on one page). A tool that is not installed is skipped with a message; a tool failing on one
file leaves that file out (it then scores as missing).
"""
import argparse, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "extract-matrix"))
import extract  # noqa: E402  (Scripts/extract-matrix/extract.py)

RENDERINGS = ["docx", "lo-pdf", "lo-html", "mupdf-pdf", "soffice-txt", "pandoc-plain", "pandoc-markdown",
              "docx2txt", "mammoth-md", "mammoth-raw", "pdftotext", "pdftotext-layout", "pdftotext-raw",
              "pymupdf", "html2text", "scraper", "w3m", "inscriptis", "markdownify", "lynx", "trafilatura",
              "python-docx", "pdfminer", "pdfplumber", "markitdown-docx", "markitdown-pdf"]


def inscriptis_text(path):
    import inscriptis
    return inscriptis.get_text(extract.read_html(path))


def trafilatura_text(path):
    import trafilatura
    return trafilatura.extract(extract.read_html(path), include_tables=True, output_format="txt") or ""


def markdownify_text(path):
    import markdownify
    return markdownify.markdownify(extract.read_html(path))


def run(cmd, out_path=None, timeout=300):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=timeout)
    if r.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited {r.returncode}")
    if out_path:
        with open(out_path, "wb") as f:
            f.write(r.stdout)


def soffice(docs, target, outdir, profile):
    os.makedirs(outdir, exist_ok=True)
    # batches keep one command line short and bound the loss when soffice stalls on one file
    for i in range(0, len(docs), 100):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                        "--outdir", outdir] + docs[i:i + 100], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=3600)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("docx_dir")
    p.add_argument("out_dir")
    p.add_argument("--only", default="")
    p.add_argument("--skip", default="")
    a = p.parse_args()
    wanted = [r for r in RENDERINGS if (not a.only or r in a.only.split(",")) and r not in a.skip.split(",")]
    stems = sorted(n[:-5] for n in os.listdir(a.docx_dir) if n.endswith(".docx"))
    docs = [os.path.abspath(os.path.join(a.docx_dir, s + ".docx")) for s in stems]
    out = a.out_dir
    for r in wanted:
        os.makedirs(os.path.join(out, r), exist_ok=True)
    work = tempfile.mkdtemp(prefix="nianbao-render-")
    try:
        profile = os.path.join(work, "profile")
        needs = set(wanted)
        has = {tool: shutil.which(tool) is not None for tool in ["soffice", "pandoc", "pdftotext", "w3m", "lynx"]}
        if not has["soffice"]:
            print("soffice not installed: LibreOffice renderings skipped", file=sys.stderr)
        lo_pdf = os.path.join(work, "pdf")
        lo_html = os.path.join(work, "html")
        if has["soffice"]:
            if needs & {"lo-pdf", "pdftotext", "pdftotext-layout", "pdftotext-raw", "pymupdf", "pdfminer", "pdfplumber", "markitdown-pdf"}:
                soffice(docs, "pdf", lo_pdf, profile)
            if needs & {"lo-html", "mupdf-pdf", "html2text", "scraper", "w3m", "inscriptis", "markdownify", "lynx", "trafilatura"}:
                soffice(docs, "html", lo_html, profile)
            if "soffice-txt" in needs:
                soffice(docs, "txt:Text (encoded):UTF8", os.path.join(out, "soffice-txt"), profile)
        failures = {}

        def attempt(rendering, fn):
            try:
                fn()
            except Exception as e:  # one tool failing on one file never stops the others
                failures.setdefault(rendering, []).append(f"{stem}: {e}")

        def python_tool(rendering, fn, src):
            def go():
                if not os.path.exists(src):
                    raise RuntimeError("no input " + os.path.basename(src))
                text = fn(src)
                with open(os.path.join(out, rendering, stem + ".txt"), "w", encoding="utf-8") as f:
                    f.write(text)
            attempt(rendering, go)

        for stem, doc in zip(stems, docs):
            pdf = os.path.join(lo_pdf, stem + ".pdf")
            html = os.path.join(lo_html, stem + ".html")
            if "docx" in needs:
                shutil.copyfile(doc, os.path.join(out, "docx", stem + ".docx"))
            if "lo-pdf" in needs and os.path.exists(pdf):
                shutil.copyfile(pdf, os.path.join(out, "lo-pdf", stem + ".pdf"))
            if "lo-html" in needs and os.path.exists(html):
                shutil.copyfile(html, os.path.join(out, "lo-html", stem + ".html"))
            if "mupdf-pdf" in needs and os.path.exists(html):
                attempt("mupdf-pdf", lambda: run([sys.executable, os.path.join(HERE, "..", "pdf-fixtures", "mupdf_story.py"),
                                                  html, os.path.join(out, "mupdf-pdf", stem + ".pdf")], timeout=120))
            if has["pandoc"]:
                for fmt in ("plain", "markdown"):
                    if "pandoc-" + fmt in needs:
                        attempt("pandoc-" + fmt, lambda: run(["pandoc", "-f", "docx", "-t", fmt, "-o",
                                                              os.path.join(out, "pandoc-" + fmt, stem + ".txt"), doc]))
            for tool in ("docx2txt", "mammoth-md", "mammoth-raw", "python-docx"):
                if tool in needs:
                    python_tool(tool, extract.TOOLS[tool], doc)
            if "markitdown-docx" in needs:
                python_tool("markitdown-docx", extract.TOOLS["markitdown"], doc)
            if has["pdftotext"] and os.path.exists(pdf):
                for rendering, flags in (("pdftotext", []), ("pdftotext-layout", ["-layout"]), ("pdftotext-raw", ["-raw"])):
                    if rendering in needs:
                        attempt(rendering, lambda: run(["pdftotext", "-enc", "UTF-8"] + flags +
                                                       [pdf, os.path.join(out, rendering, stem + ".txt")]))
            for tool in ("pymupdf", "pdfminer", "pdfplumber"):
                if tool in needs:
                    python_tool(tool, extract.TOOLS[tool], pdf)
            if "markitdown-pdf" in needs:
                python_tool("markitdown-pdf", extract.TOOLS["markitdown"], pdf)
            for rendering, fn in (("html2text", extract.TOOLS["html2text"]), ("scraper", extract.TOOLS["scraper"]),
                                  ("inscriptis", inscriptis_text), ("markdownify", markdownify_text),
                                  ("trafilatura", trafilatura_text)):
                if rendering in needs:
                    python_tool(rendering, fn, html)
            if "w3m" in needs and has["w3m"] and os.path.exists(html):
                attempt("w3m", lambda: run(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", html],
                                           os.path.join(out, "w3m", stem + ".txt")))
            if "lynx" in needs and has["lynx"] and os.path.exists(html):
                attempt("lynx", lambda: run(["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8",
                                             html], os.path.join(out, "lynx", stem + ".txt")))
        for rendering, errors in failures.items():
            print(f"{rendering}: {len(errors)} file(s) failed, first: {errors[0]}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for r in wanted:
        if not os.listdir(os.path.join(out, r)):
            os.rmdir(os.path.join(out, r))
    print(f"{len(stems)} DOCX rendered into {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
