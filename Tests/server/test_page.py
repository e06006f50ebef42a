"""The web page at / in headless Chromium (Debian's chromium), driven over the DevTools protocol:
it lists the voices, speaks through the WebSocket, plays the PCM through Web Audio and reports
the samples and word marks it received (window.voxflowReport)."""
import asyncio
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse

import requests
import websockets


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    raise AssertionError("chromium is missing: scripts/bootstrap installs it (apt-get install chromium)")


async def evaluate(ws, expression, ident=[0]):
    ident[0] += 1
    await ws.send(json.dumps({"id": ident[0], "method": "Runtime.evaluate",
                              "params": {"expression": expression, "returnByValue": True}}))
    while True:
        m = json.loads(await ws.recv())
        if m.get("id") == ident[0]:
            return m["result"]["result"].get("value")


def test_page_plays_a_stream_and_highlights_words(server):
    port = free_port()
    profile = tempfile.mkdtemp(prefix="voxflow-chromium-")
    browser = subprocess.Popen([chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--autoplay-policy=no-user-gesture-required", f"--remote-debugging-port={port}",
                                "--remote-allow-origins=*", f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while True:
            try:
                pages = requests.get(f"http://127.0.0.1:{port}/json/list", timeout=2).json()
                page = next(p for p in pages if p["type"] == "page")
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        text = "Hello from the web page. Every word lights up as it is spoken."
        url = server.url + "/?autoplay=1&text=" + urllib.parse.quote(text)

        async def drive():
            async with websockets.connect(page["webSocketDebuggerUrl"], max_size=None) as ws:
                await ws.send(json.dumps({"id": 0, "method": "Page.navigate", "params": {"url": url}}))
                report = None
                for _ in range(300):
                    await asyncio.sleep(0.1)
                    report = await evaluate(ws, "window.voxflowReport && JSON.stringify(window.voxflowReport)")
                    if report and (json.loads(report)["done"] or json.loads(report)["error"]):
                        break
                await asyncio.sleep(1.0)   # let a few scheduled highlights fire
                lit = await evaluate(ws, "Array.from(document.querySelectorAll('#words span')).map(s => s.textContent + (s.classList.contains('on') ? '*' : ''))")
                voices = await evaluate(ws, "document.getElementById('voice').options.length")
                status = await evaluate(ws, "document.getElementById('status').textContent")
                return json.loads(report), lit, voices, status
        report, words, voices, status = asyncio.run(drive())
    finally:
        browser.terminate()
        browser.wait(10)
        shutil.rmtree(profile, ignore_errors=True)
    assert report["error"] is None, report
    assert report["done"] and report["doneEvent"]["cancelled"] is False
    seconds = report["doneEvent"]["audio_seconds"]
    # every sample the server sent was received and scheduled (f32 mono at the page's rate)
    assert report["samples"] > 0 and abs(report["samples"] - seconds * report["sampleRate"]) < 2, report
    marked = [m["text"].lower().strip(",.") for m in report["marks"]]
    assert marked[:4] == ["hello", "from", "the", "web"], marked
    assert [w.rstrip("*") for w in words][:2] == ["Hello", "from"] and len(words) == len(report["marks"])
    assert voices > 100 and status.startswith("done")
