"""`voxflow speechd-module`: speech-dispatcher's module protocol scripted over stdin/stdout, and the
real thing — Debian's speech-dispatcher with a private configuration whose only module is Voxflow,
driven by `spd-say -w`, its audio captured by an ALSA file device (no sound card)."""
import os
import shutil
import signal
import subprocess
import threading
import time

import numpy as np
import pytest

from conftest import BIN

LONG = " ".join("Sentence %d of a long text that keeps the engine busy." % i for i in range(40))


class Module:
    """A running module; reads its output (lines and 705 audio blocks) on a thread."""

    def __init__(self):
        self.proc = subprocess.Popen([BIN, "speechd-module", "/dev/null"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.lines, self.audio, self.blocks = [], bytearray(), []
        self.cv = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        f = self.proc.stdout
        while True:
            line = f.readline()
            if not line:
                break
            if line.startswith(b"705-AUDIO"):
                # NUL, then HDLC-escaped samples up to a bare newline
                raw = line[len(b"705-AUDIO") + 1:-1]
                out, i = bytearray(), 0
                while i < len(raw):
                    if raw[i] == 0x7D:
                        out.append(raw[i + 1] ^ 0x20)
                        i += 2
                    else:
                        out.append(raw[i])
                        i += 1
                with self.cv:
                    self.audio += out
                    self.blocks.append((len(self.lines), len(out)))
                continue
            with self.cv:
                self.lines.append(line.decode().rstrip("\n"))
                self.cv.notify_all()

    def send(self, *lines):
        self.proc.stdin.write(("\n".join(lines) + "\n").encode())
        self.proc.stdin.flush()

    def wait_for(self, text, timeout=20):
        deadline = time.time() + timeout
        with self.cv:
            while not any(l == text for l in self.lines):
                left = deadline - time.time()
                assert left > 0, "no %r in %r" % (text, self.lines[-20:])
                self.cv.wait(left)
            return [l for l in self.lines]

    def close(self):
        if self.proc.poll() is None:
            self.send("QUIT")
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def module():
    m = Module()
    yield m
    m.close()


def test_scripted_conversation(module):
    m = module
    m.send("INIT")
    m.wait_for("299 OK LOADED SUCCESSFULLY")
    m.send("AUDIO", "audio_output_method=server", ".")
    m.wait_for("203 OK AUDIO INITIALIZED")
    m.send("LOGLEVEL", "log_level=3", ".")
    m.wait_for("203 OK LOGLEVEL SET")
    m.send("SET", "rate=0", "pitch=0", "language=en", "synthesis_voice=NULL", "voice_type=MALE1", "punctuation_mode=some", ".")
    m.wait_for("203 OK SETTINGS RECEIVED")
    m.send("LIST VOICES en")
    lines = m.wait_for("200 OK VOICE LIST SENT")
    voices = [l[4:].split("\t") for l in lines if l.startswith("200-")]
    assert voices and all(v[1].lower().startswith("en") for v in voices)
    m.send("SPEAK", '<speak>Hello <mark name="__spd_1"/>world. ..A line that starts with a dot.</speak>', ".")
    lines = m.wait_for("702 END")
    i = lines.index("202 OK RECEIVING MESSAGE")
    assert lines[i + 1:i + 3] == ["200 OK SPEAKING", "701 BEGIN"]
    assert "700-__spd_1" in lines and lines[lines.index("700-__spd_1") + 1] == "700 INDEX MARK"
    samples = np.frombuffer(bytes(m.audio), dtype="<i2") / 32768
    assert len(samples) > 16000 and np.sqrt(np.mean(samples ** 2)) > 0.01
    assert all(n <= 10000 for _, n in m.blocks)
    m.send("CHAR", "a", ".")
    m.wait_for("702 END")
    m.send("KEY", "shift_a", ".")
    m.send("FROB")
    m.wait_for("300 ERR UNKNOWN COMMAND")
    m.send("QUIT")
    m.wait_for("210 OK QUIT")
    assert m.proc.wait(10) == 0


def test_stop_silences_within_a_chunk(module):
    m = module
    m.send("INIT", "AUDIO", "audio_output_method=server", ".")
    m.wait_for("203 OK AUDIO INITIALIZED")
    m.send("SPEAK", LONG, ".")
    deadline = time.time() + 20
    while not m.blocks and time.time() < deadline:
        time.sleep(0.01)
    m.send("STOP")
    with m.cv:
        at_stop = len(m.audio)
    lines = m.wait_for("703 STOP")
    assert "702 END" not in lines
    time.sleep(0.5)
    # at most the chunk being written when STOP arrived (a chunk is a phrase's piece: < 1 s at the voice's rate)
    assert len(m.audio) - at_stop < 2 * 48000
    assert len(m.audio) < len(LONG) * 1000   # far from the whole text
    # the module goes on: the next message speaks
    m.send("SPEAK", "Again.", ".")
    m.wait_for("702 END")


@pytest.mark.skipif(shutil.which("speech-dispatcher") is None or shutil.which("spd-say") is None,
                    reason="Debian's speech-dispatcher is not installed (scripts/bootstrap installs it)")
def test_through_speech_dispatcher(tmp_path):
    conf = tmp_path / "conf"
    (conf / "modules").mkdir(parents=True)
    (conf / "modules" / "voxflow.conf").write_text("")
    home, run = tmp_path / "home", tmp_path / "run"
    home.mkdir()
    run.mkdir()
    wrapper = tmp_path / "sd_voxflow"
    wrapper.write_text('#!/bin/sh\nexec "%s" speechd-module "$@"\n' % BIN)
    wrapper.chmod(0o755)
    capture = tmp_path / "capture.raw"
    (conf / "speechd.conf").write_text(
        'AddModule "voxflow" "%s" "voxflow.conf"\nDefaultModule voxflow\nAudioOutputMethod "alsa"\n'
        'AudioALSADevice "vfcapture"\nDefaultLanguage "en"\n' % wrapper)
    # ALSA's file plugin over its null device: what speech-dispatcher plays lands in a file
    (home / ".asoundrc").write_text('pcm.vfcapture {\n type file\n slave.pcm "null"\n file "%s"\n format "raw"\n}\n' % capture)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(run)}
    sock = run / "sd.sock"
    pidfile = tmp_path / "sd.pid"
    sd = subprocess.Popen(["speech-dispatcher", "-s", "-C", str(conf), "-c", "unix_socket", "-S", str(sock), "-t", "0",
                           "-L", str(tmp_path), "-P", str(pidfile)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 10
        while not sock.exists() and time.time() < deadline:
            time.sleep(0.05)
        t0 = time.time()
        r = subprocess.run(["spd-say", "-w", "Hello from Voxflow, through speech dispatcher."], env={**env, "SPEECHD_ADDRESS": "unix_socket:%s" % sock},
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        audio = np.frombuffer(capture.read_bytes(), dtype="<i2") / 32768
        assert len(audio) > 16000 * 1.5 and np.sqrt(np.mean(audio ** 2)) > 0.01
        print("spd-say -w: %.2f s of audio captured, %.2f s wall" % (len(audio) / 16000, time.time() - t0))
    finally:
        pid = int(pidfile.read_text()) if pidfile.exists() else sd.pid
        os.kill(pid, signal.SIGTERM)
        try:
            sd.wait(10)
        except subprocess.TimeoutExpired:
            os.kill(pid, signal.SIGKILL)
            sd.wait()
        time.sleep(0.5)
    # the module went with its server
    assert subprocess.run(["pgrep", "-f", "speechd-module .*%s" % tmp_path], capture_output=True).returncode != 0
