"""The phrase cache (`voxflow serve --cache DIR`): a repeat is served without synthesis (metrics and
timing), complete, streamed and WebSocket responses share an entry, ETag revalidation, the size
bound holds by evicting the least recently used, failed or cancelled syntheses are not stored, and a
rebuilt plugin does not serve the old audio."""
import asyncio
import json
import os
import re
import shutil
import time
from pathlib import Path

import requests
import websockets

from conftest import BIN

PHRASE = "The front door is open. Please close it before you leave the house."


def metric(server, name):
    text = requests.get(server.url + "/metrics").text
    m = re.search(r"^%s(?:\{[^}]*\})? ([0-9.e+]+)$" % re.escape(name), text, re.M)
    return float(m.group(1)) if m else 0.0


def say(server, text=PHRASE, **kw):
    t0 = time.perf_counter()
    r = requests.post(server.url + "/api/tts/synthesize", json={"text": text, **kw})
    assert r.status_code == 200, r.text
    return r, time.perf_counter() - t0


def entries(d):
    return [p for p in Path(d).iterdir() if p.suffix == ".vfpc"]


def test_repeat_is_served_from_cache(start_server, tmp_path):
    s = start_server("--cache", str(tmp_path / "c"))
    first, t_miss = say(s)
    assert metric(s, "voxflow_phrase_cache_misses_total") == 1 and metric(s, "voxflow_phrase_cache_hits_total") == 0
    ttfa_count = metric(s, "voxflow_time_to_first_audio_seconds_count")
    times = []
    for _ in range(5):
        again, t = say(s)
        assert again.content == first.content and again.headers["ETag"] == first.headers["ETag"]
        times.append(t)
    assert metric(s, "voxflow_phrase_cache_hits_total") == 5 and metric(s, "voxflow_phrase_cache_hit_ratio") > 0.8
    assert metric(s, "voxflow_phrase_cache_entries") == 1 and metric(s, "voxflow_phrase_cache_size_bytes") > 0
    print("phrase cache: miss %.1f ms, hit median %.1f ms" % (t_miss * 1000, sorted(times)[2] * 1000))
    assert sorted(times)[2] < t_miss / 2
    # the same entry serves another encoding, a stream and the WebSocket
    mp3, _ = say(s, format="mp3")
    streamed = requests.post(s.url + "/api/tts/synthesize", json={"text": PHRASE, "stream": True, "format": "pcm"}, stream=True)
    body = b"".join(streamed.iter_content(4096))
    assert len(body) == (len(first.content) - 44)   # same samples, without the WAV header

    async def ws():
        async with websockets.connect(s.ws_url) as c:
            await c.send(json.dumps({"id": "a", "text": PHRASE}))
            events, audio = [], b""
            while True:
                m = await asyncio.wait_for(c.recv(), 30)
                if isinstance(m, bytes):
                    audio += m
                    continue
                e = json.loads(m)
                events.append(e)
                if e["event"] == "done":
                    return events, audio
    events, audio = asyncio.run(ws())
    assert audio == body and any(e["event"] == "mark" for e in events)   # marks are cached with the audio
    assert metric(s, "voxflow_phrase_cache_hits_total") == 8 and metric(s, "voxflow_phrase_cache_entries") == 1
    assert metric(s, "voxflow_time_to_first_audio_seconds_count") > ttfa_count   # hits are still measured


def test_etag_revalidates_without_synthesis(start_server, tmp_path):
    s = start_server("--cache", str(tmp_path / "c"))
    r, _ = say(s)
    etag = r.headers["ETag"]
    again = requests.post(s.url + "/api/tts/synthesize", json={"text": PHRASE}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == etag
    other = requests.post(s.url + "/api/tts/synthesize", json={"text": PHRASE, "voice": "slt"}, headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["ETag"] != etag


def test_eviction_keeps_the_bound(start_server, tmp_path):
    d = tmp_path / "c"
    s = start_server("--cache", str(d), "--cache-size", "1")   # 1 MB: a few of these phrases (float samples at 48 kHz)
    phrases = ["Train %d leaves now." % i for i in range(10)]
    for p in phrases:
        say(s, p)
        size = sum(p.stat().st_size for p in entries(d))
        assert size <= 1024 * 1024
    kept = len(entries(d))
    assert 2 <= kept < 10
    assert metric(s, "voxflow_phrase_cache_misses_total") == 10
    assert metric(s, "voxflow_phrase_cache_evictions_total") == 10 - kept
    assert metric(s, "voxflow_phrase_cache_size_bytes") == sum(p.stat().st_size for p in entries(d))
    say(s, phrases[-1])   # the newest is kept
    assert metric(s, "voxflow_phrase_cache_hits_total") == 1
    say(s, phrases[0])    # the least recently used went first
    assert metric(s, "voxflow_phrase_cache_hits_total") == 1


def test_failed_and_cancelled_syntheses_are_not_stored(start_server, tmp_path):
    d = tmp_path / "c"
    s = start_server("--cache", str(d), "--total-timeout", "0.05")
    long = " ".join("Sentence %d keeps the engine busy for longer than the limit." % i for i in range(60))
    r = requests.post(s.url + "/api/tts/synthesize", json={"text": long})
    assert r.status_code == 500 and "--total-timeout" in r.text
    assert entries(d) == [] and metric(s, "voxflow_phrase_cache_entries") == 0
    # a client that leaves a stream early: cancelled, not stored
    s = start_server("--cache", str(d))
    with requests.post(s.url + "/api/tts/synthesize", json={"text": long, "stream": True, "format": "pcm"}, stream=True) as resp:
        next(resp.iter_content(1024))
    time.sleep(1)
    assert entries(d) == [] and metric(s, "voxflow_phrase_cache_entries") == 0


def test_rebuilt_plugin_does_not_serve_stale_audio(start_server, tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    for so in Path(BIN).parent.glob("libVoxflowPlugin*.so"):
        shutil.copy2(so, plugins / so.name)
    env = {"VOXFLOW_PLUGIN_PATH": str(plugins)}
    d = str(tmp_path / "c")
    s = start_server("--cache", d, env=env)
    say(s)
    assert s.stop() == 0
    s = start_server("--cache", d, env=env)   # same builds: the entry from the last run is served
    say(s)
    assert metric(s, "voxflow_phrase_cache_hits_total") == 1
    assert s.stop() == 0
    flite = next(plugins.glob("*AcousticFlite*.so"))
    os.utime(flite, (time.time() + 5, time.time() + 5))   # as a rebuild leaves it: a new file time
    s = start_server("--cache", d, env=env)
    say(s)
    assert metric(s, "voxflow_phrase_cache_hits_total") == 0 and metric(s, "voxflow_phrase_cache_misses_total") == 1
    assert len(entries(d)) == 2
