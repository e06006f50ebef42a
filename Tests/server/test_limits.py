"""Limits and safety: token auth, the bounded queue (503 + Retry-After), timeouts, shutdown."""
import os
import signal
import subprocess
import tempfile
import threading
import time

import requests

from audio import decode
from conftest import BIN

LONG = " ".join(["Sentence %d of a long text that keeps the engine busy for quite a while." % i for i in range(40)])


def test_token_is_required_when_set(start_server):
    with tempfile.NamedTemporaryFile("w", suffix=".token", delete=False) as f:
        f.write("s3cret-token-for-tests-0123456789\n")
    s = start_server("--token-file", f.name)
    url = s.url + "/api/tts/synthesize"
    r = requests.post(url, json={"text": "Hi."}, timeout=10)
    assert r.status_code == 401 and "Bearer" in r.json()["error"]["message"]
    r = requests.post(url, json={"text": "Hi."}, headers={"Authorization": "Bearer wrong-token-wrong-token"}, timeout=10)
    assert r.status_code == 401 and "not valid" in r.json()["error"]["message"]
    r = requests.post(url, json={"text": "Hi."}, headers={"Authorization": "Bearer s3cret-token-for-tests-0123456789"}, timeout=30)
    assert r.status_code == 200 and decode(r.content)[0].size > 0
    assert requests.get(s.url + "/health", timeout=10).status_code == 200   # liveness stays open
    assert requests.get(s.url + "/metrics", timeout=10).status_code == 401
    os.unlink(f.name)


def test_other_addresses_need_a_token_and_bad_token_files_are_refused():
    r = subprocess.run([BIN, "serve", "--host", "0.0.0.0", "--port", "0"], capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "--token-file" in r.stderr
    with tempfile.NamedTemporaryFile("w", delete=False) as f:
        f.write("short")
    r = subprocess.run([BIN, "serve", "--port", "0", "--token-file", f.name], capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "at least 16 characters" in r.stderr
    os.unlink(f.name)


def test_a_full_server_answers_503_with_retry_after(start_server):
    s = start_server("--max-concurrent", "1", "--max-queue", "1", "--queue-timeout", "1")
    # Hold the only slot: a stream nobody reads stays open (backpressure).
    hold = requests.post(s.url + "/api/tts/synthesize", json={"text": LONG, "stream": True}, stream=True, timeout=60)
    hold.raw.read(1024)
    results = {}

    def queued():
        results["queued"] = requests.post(s.url + "/api/tts/synthesize", json={"text": "Waiting."}, timeout=30)
    t = threading.Thread(target=queued)
    t.start()
    deadline = time.time() + 10   # until the second request waits in the queue
    while requests.get(s.url + "/health", timeout=10).json()["queued_requests"] < 1:
        assert time.time() < deadline, "the second request never queued"
        time.sleep(0.05)
    r = requests.post(s.url + "/api/tts/synthesize", json={"text": "No room."}, timeout=30)
    assert r.status_code == 503 and r.headers["retry-after"] == "1", r.text
    assert "busy" in r.json()["error"]["message"]
    t.join()
    # The queued one waited its 1 s, then was turned away as well.
    assert results["queued"].status_code == 503 and "waited 1 s" in results["queued"].json()["error"]["message"]
    hold.close()
    time.sleep(0.5)
    r = requests.post(s.url + "/api/tts/synthesize", json={"text": "Room again."}, timeout=30)
    assert r.status_code == 200


def test_total_timeout_stops_a_long_synthesis(start_server):
    s = start_server("--total-timeout", "0.3")
    r = requests.post(s.url + "/api/tts/synthesize", json={"text": LONG}, timeout=60)
    assert r.status_code == 500
    assert "longer than the server's limit" in r.json()["error"]["message"]


def test_shutdown_finishes_a_stream_in_flight(start_server):
    s = start_server()
    text = " ".join(["Part %d of a text still streaming when the server is told to stop." % i for i in range(6)])
    r = requests.post(s.url + "/api/tts/synthesize", json={"text": text, "stream": True, "format": "pcm"}, stream=True, timeout=60)
    first = r.raw.read(2048)
    s.proc.send_signal(signal.SIGTERM)   # while the stream is still being written
    rest = r.raw.read()                  # …it completes
    seconds = (len(first) + len(rest)) / 2 / 48000
    assert seconds > 10, seconds
    assert s.proc.wait(20) == 0, s.output()


def test_a_preset_that_cannot_serve_stops_the_server_before_it_listens(tmp_path):
    bad = tmp_path / "bad.lua"
    bad.write_text("local vf = require('voxflow')\nreturn vf.graph{ {'text.normalize'}, {'prosody.tag'}, {'acoustic.flite'},\n"
                   "  {'vocoder.passthrough'}, {'sink.file', name = 'out', path = 'x.wav', sample_rate = 16000} }\n")
    r = subprocess.run([BIN, "serve", "--port", "0", "--preset", str(bad)], capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "no sink.stream named 'out'" in r.stderr, r.stderr
    bad.write_text("return vf.graph{\n")
    r = subprocess.run([BIN, "serve", "--port", "0", "--preset", str(bad)], capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "bad.lua:2" in r.stderr, r.stderr


def test_a_port_in_use_is_named(start_server):
    s = start_server()
    port = s.url.rsplit(":", 1)[1]
    r = subprocess.run([BIN, "serve", "--port", port], capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and f"cannot listen on 127.0.0.1:{port}: the port is in use" in r.stderr, r.stderr


def test_a_client_that_stops_reading_holds_up_no_one_else(start_server):
    """The engines render under a lock shared by every graph of the process (flite, espeak-ng, a
    shared model); a stream whose client stopped reading must not keep that lock."""
    s = start_server()
    for voice in ("rms", "en-us"):   # flite, espeak-ng
        hold = requests.post(s.url + "/api/tts/synthesize", json={"text": LONG, "stream": True, "voice": voice},
                             stream=True, timeout=60)
        hold.raw.read(1024)
        time.sleep(1.0)   # the held stream fills its window and queues, then waits
        started = time.monotonic()
        r = requests.post(s.url + "/api/tts/synthesize", json={"text": "Meanwhile, another client.", "voice": voice}, timeout=20)
        assert r.status_code == 200 and decode(r.content)[0].size > 0
        assert time.monotonic() - started < 10
        hold.close()


def test_slots_come_back_from_clients_that_leave(start_server):
    """A streaming request whose client gave up while it was queued, and a stream whose client
    stopped reading past --total-timeout, both give their synthesis slot back."""
    s = start_server("--max-concurrent", "1", "--max-queue", "4", "--queue-timeout", "20", "--total-timeout", "2")
    url = s.url + "/api/tts/synthesize"
    hold = requests.post(url, json={"text": LONG, "stream": True}, stream=True, timeout=60)
    hold.raw.read(1024)   # …and reads no more: past 2 s the server cuts it off
    try:
        requests.post(url, json={"text": "I give up waiting.", "stream": True}, timeout=0.5)
    except requests.exceptions.ReadTimeout:
        pass   # left while queued
    deadline = time.time() + 15
    while "voxflow_active_streams 0" not in requests.get(s.url + "/metrics", timeout=10).text:
        assert time.time() < deadline, "the stalled stream kept its slot past --total-timeout"
        time.sleep(0.2)
    hold.close()
    r = requests.post(url, json={"text": "The slot is free again."}, timeout=15)
    assert r.status_code == 200, r.text
    time.sleep(0.5)
    m = requests.get(s.url + "/metrics", timeout=10).text
    assert "voxflow_active_streams 0" in m and "voxflow_queued_requests 0" in m, m
