#!/usr/bin/env python3
"""Opens every page of a published site in headless Chromium and checks it.

Usage: site_check.py SITE_DIR SCREENSHOT_DIR [CHAPTER.md ...]

For each HTML page it checks that every math span was typeset by KaTeX with no
.katex-error, that every image loaded (naturalWidth > 0), that the page holds as
many tables as its Markdown source has GFM tables, that nothing was requested
from outside the site, and that no script threw. It saves a full-page screenshot
at desktop width and the first screen at phone width. It talks to Chromium over
the DevTools protocol on a pipe (--remote-debugging-pipe), so it needs only the
standard library.
"""
import base64
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not chromium:
            sys.exit("error: Chromium is not installed (apt-get install chromium)")
        self.profile = tempfile.mkdtemp(prefix="site-check-")
        to_child_read, self.to_child = os.pipe()
        self.from_child, from_child_write = os.pipe()

        def wire_pipes():
            os.dup2(to_child_read, 3)
            os.dup2(from_child_write, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--hide-scrollbars", "--user-data-dir=" + self.profile, "about:blank"],
            pass_fds=(3, 4), preexec_fn=wire_pipes, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child_read)
        os.close(from_child_write)
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self.read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def read(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, session, timeout=60):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(index)
            self.events.append(self.read(deadline))

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        self.process.wait(timeout=20)
        shutil.rmtree(self.profile, ignore_errors=True)


# The page's own view of what the check needs, once KaTeX and the fonts are done.
PROBE = """
document.fonts.ready.then(() => JSON.stringify({
  math: document.querySelectorAll('.math').length,
  typeset: document.querySelectorAll('.math > .katex, .math > .katex-display').length,
  katexErrors: document.querySelectorAll('.katex-error').length,
  images: Array.from(document.images).map(i => ({src: i.getAttribute('src'), complete: i.complete, width: i.naturalWidth})),
  tables: document.querySelectorAll('table').length,
  cjkText: /[\\u4e00-\\u9fff]/.test(document.body.innerText),
}))
"""

DELIMITER_ROW = re.compile(r"^[ \t>]*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")


def markdown_tables(path):
    """GFM tables in a chapter: delimiter rows with a row of pipes above, outside code fences."""
    count, fence, previous = 0, None, ""
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
        elif opened:
            fence = opened.group(1)
        elif DELIMITER_ROW.match(line) and "-" in line and "|" in previous + line and "|" in previous:
            count += 1
        previous = line
    return count


def check_page(browser, session, page, screenshots, expected_tables):
    browser.events.clear()
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session)
    browser.send("Page.navigate", {"url": page.resolve().as_uri()}, session)
    browser.wait_for("Page.loadEventFired", session)
    result = browser.send("Runtime.evaluate", {"expression": PROBE, "awaitPromise": True, "returnByValue": True}, session)
    facts = json.loads(result["result"]["value"])
    requests = [e["params"]["request"]["url"] for e in browser.events
                if e.get("method") == "Network.requestWillBeSent" and e.get("sessionId") == session]
    exceptions = [e["params"]["exceptionDetails"].get("text", "") for e in browser.events
                  if e.get("method") == "Runtime.exceptionThrown" and e.get("sessionId") == session]
    problems = []
    if facts["typeset"] != facts["math"]:
        problems.append(f"{facts['math'] - facts['typeset']} of {facts['math']} math spans not typeset")
    if facts["katexErrors"]:
        problems.append(f"{facts['katexErrors']} KaTeX errors")
    broken = [i["src"] for i in facts["images"] if not i["complete"] or i["width"] == 0]
    if broken:
        problems.append("images that did not load: " + ", ".join(broken))
    if expected_tables is not None and facts["tables"] != expected_tables:
        problems.append(f"{facts['tables']} tables, but the Markdown has {expected_tables}")
    outside = [url for url in requests if not url.startswith(("file://", "data:", "about:"))]
    if outside:
        problems.append("requests outside the site: " + ", ".join(outside))
    if exceptions:
        problems.append("script errors: " + "; ".join(exceptions))

    shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)
    (screenshots / (page.stem + ".png")).write_bytes(base64.b64decode(shot["data"]))
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}, session)
    browser.send("Page.reload", {}, session)
    browser.wait_for("Page.loadEventFired", session)
    browser.send("Runtime.evaluate", {"expression": PROBE, "awaitPromise": True, "returnByValue": True}, session)
    overflow = browser.send("Runtime.evaluate", {
        "expression": "document.documentElement.scrollWidth - document.documentElement.clientWidth",
        "returnByValue": True}, session)["result"]["value"]
    if overflow > 0:
        problems.append(f"at phone width the page scrolls sideways by {overflow}px")
    shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
    (screenshots / (page.stem + "-phone.png")).write_bytes(base64.b64decode(shot["data"]))
    return facts, len(requests), problems


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    site, screenshots = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    sources = {pathlib.Path(p).stem: p for p in sys.argv[3:]}
    screenshots.mkdir(parents=True, exist_ok=True)
    pages = sorted(site.glob("*.html"))
    if not pages:
        sys.exit(f"error: no pages in {site}")
    browser = Browser()
    failures = 0
    totals = {"math": 0, "images": 0, "tables": 0, "requests": 0}
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            browser.send(domain + ".enable", {}, session)
        for page in pages:
            expected = markdown_tables(sources[page.stem]) if page.stem in sources else None
            facts, requests, problems = check_page(browser, session, page, screenshots, expected)
            totals["math"] += facts["typeset"]
            totals["images"] += len(facts["images"])
            totals["tables"] += facts["tables"]
            totals["requests"] += requests
            status = "ok" if not problems else "FAILED: " + "; ".join(problems)
            loaded = sum(1 for i in facts["images"] if i["complete"] and i["width"] > 0)
            print(f"{page.name}: {facts['typeset']}/{facts['math']} math typeset, {facts['katexErrors']} KaTeX errors, "
                  f"{loaded}/{len(facts['images'])} images loaded, {facts['tables']} tables, {requests} requests: {status}")
            failures += bool(problems)
    finally:
        browser.close()
    print(f"{len(pages)} pages, {totals['math']} math spans typeset, {totals['images']} images, {totals['tables']} tables, "
          f"{totals['requests']} requests; screenshots in {screenshots}")
    if failures:
        sys.exit(f"error: {failures} of {len(pages)} pages failed the check")


if __name__ == "__main__":
    main()
