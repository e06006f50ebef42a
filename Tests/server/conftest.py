"""Starts real `voxflow serve` processes on loopback ports for the server tests.

The binary is the debug build (`swift build`), or $VOXFLOW_BIN. Every server this file starts is
stopped (SIGTERM, then its exit status is checked) when its test ends.
"""
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# A natural voice installed on the machine (XDG data folders, Python packages) must not become every test's default
# voice: discovery is off for every process the tests start (servers, speechd modules, speech-dispatcher) unless a test
# (or the environment running the tests) turns it on; VOXFLOW_VOICES still works.
os.environ.setdefault("VOXFLOW_VOICE_DISCOVERY", "0")
BIN = os.environ.get("VOXFLOW_BIN", str(ROOT / ".build" / "debug" / "voxflow"))


class Server:
    def __init__(self, *args, env=None):
        if not os.path.exists(BIN):
            raise RuntimeError(f"{BIN} is missing: run `swift build` first (scripts/test does)")
        self.proc = subprocess.Popen([BIN, "serve", "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})})
        self.lines = []
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("voxflow serve exited: " + "".join(self.lines))
            self.lines.append(line)
            m = re.search(r"serving on http://([^/]+)/", line)
            if m:
                self.url = "http://" + m.group(1)
                self.ws_url = "ws://" + m.group(1) + "/ws/tts"
                return
        raise RuntimeError("voxflow serve did not start in 30 s: " + "".join(self.lines))

    def stop(self, timeout=20):
        """SIGTERM, then the exit status (0: shut down cleanly)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("voxflow serve did not stop within %d s of SIGTERM" % timeout)

    def output(self):
        rest = self.proc.stdout.read() if self.proc.poll() is not None else ""
        return "".join(self.lines) + (rest or "")


@pytest.fixture(scope="module")
def server():
    s = Server("--max-text", "2000", "--max-message", "16384", "--idle-timeout", "3")
    yield s
    assert s.stop() == 0, s.output()


@pytest.fixture
def start_server():
    started = []

    def start(*args, **kw):
        s = Server(*args, **kw)
        started.append(s)
        return s
    yield start
    for s in started:
        assert s.stop() == 0, s.output()
