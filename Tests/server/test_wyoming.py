"""`voxflow serve --wyoming`: driven with the PyPI `wyoming` package's own client and event classes
(the library Home Assistant and wyoming-piper use): describe, synthesize, streamed text input,
errors, a client that leaves, limits and metrics."""
import asyncio
import re
import subprocess
import time

import numpy as np
import pytest
import requests
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncTcpClient
from wyoming.error import Error
from wyoming.info import Describe, Info
from wyoming.tts import (Synthesize, SynthesizeChunk, SynthesizeStart, SynthesizeStop, SynthesizeStopped,
                         SynthesizeTextFormat, SynthesizeVoice)

from conftest import BIN

TEN = " ".join("Sentence %d: the kitchen light is on, and the door is locked." % i for i in range(10))
LONG = " ".join("Sentence %d of a long text that keeps the engine busy for a while." % i for i in range(40))


def wyoming_port(server):
    """The port from the server's 'wyoming on tcp://HOST:PORT' line (before or after the HTTP line)."""
    while True:
        for line in server.lines:
            m = re.search(r"wyoming on tcp://[^ ]+:(\d+)", line)
            if m:
                return int(m.group(1))
        line = server.proc.stdout.readline()
        if not line:
            raise AssertionError("no wyoming line: " + "".join(server.lines))
        server.lines.append(line)


@pytest.fixture(scope="module")
def wy(request):
    from conftest import Server
    s = Server("--wyoming", "127.0.0.1:0", "--max-text", "3000", "--idle-timeout", "5")
    s.port = wyoming_port(s)
    yield s
    assert s.stop() == 0, s.output()


def run(coro):
    return asyncio.run(coro)


async def read_until(client, types, timeout=30):
    """Events (typed where the wyoming package has a class) until one whose type is in `types`."""
    events = []
    while True:
        e = await asyncio.wait_for(client.read_event(), timeout)
        assert e is not None, "connection closed after %r" % [x.type for x in events]
        events.append(e)
        if e.type in types:
            return events


def pcm(events):
    chunks = [AudioChunk.from_event(e) for e in events if AudioChunk.is_type(e.type)]
    return np.frombuffer(b"".join(c.audio for c in chunks), dtype="<i2").astype(np.float32) / 32768, chunks


def test_describe_lists_every_voice_with_languages_and_streaming(wy):
    async def go():
        async with AsyncTcpClient("127.0.0.1", wy.port) as c:
            await c.write_event(Describe().event())
            return Info.from_event((await read_until(c, {"info"}))[-1])
    info = run(go())
    assert len(info.tts) == 1
    program = info.tts[0]
    assert program.supports_synthesize_streaming is True and program.installed
    http = requests.get(wy.url + "/api/voices").json()["voices"]
    assert [v.name for v in program.voices] == [v["name"] for v in http]   # every declared voice, same order
    for v, h in zip(program.voices, http):
        assert v.languages and v.languages[0] == h["language"]
        assert v.attribution.name == h["engine"]
        if h.get("speakers", 1) > 1:
            assert len(v.speakers) == h["speakers"]


def test_synthesize_streams_audio_with_first_chunk_early(wy):
    async def go():
        async with AsyncTcpClient("127.0.0.1", wy.port) as c:
            t0 = time.perf_counter()
            await c.write_event(Synthesize(TEN).event())
            events, first = [], None
            while True:
                e = await asyncio.wait_for(c.read_event(), 30)
                events.append(e)
                if first is None and AudioChunk.is_type(e.type):
                    first = time.perf_counter() - t0
                if AudioStop.is_type(e.type) or Error.is_type(e.type):
                    return events, first, time.perf_counter() - t0
    events, first, total = run(go())
    types = [e.type for e in events]
    assert types[0] == "audio-start" and types[-1] == "audio-stop", types
    start = AudioStart.from_event(events[0])
    assert start.width == 2 and start.channels == 1 and start.rate >= 8000
    audio, chunks = pcm(events)
    assert all(c.rate == start.rate for c in chunks) and len(chunks) > 1
    assert 15 < len(audio) / start.rate < 60 and np.sqrt(np.mean(audio ** 2)) > 0.01
    assert first < total / 4, (first, total)   # the first chunk leaves with the first phrase, not at the end
    print("wyoming first audio %.1f ms, whole %.1f ms" % (first * 1000, total * 1000))


def test_streamed_text_is_spoken_sentence_by_sentence(wy):
    """Text arrives in pieces that cut words; audio for the first sentence comes before the last piece is sent.
    The `synthesize` Home Assistant adds inside a stream is ignored (no second copy of the audio)."""
    pieces = ["The first sen", "tence ends here. ", "The second one ", "arrives a little later. ", "And a tail without a stop"]

    async def go():
        async with AsyncTcpClient("127.0.0.1", wy.port) as c:
            await c.write_event(SynthesizeStart(voice=SynthesizeVoice(name="slt")).event())
            got_audio_at = None
            reader = asyncio.create_task(read_until(c, {"synthesize-stopped", "error"}))
            for i, p in enumerate(pieces):
                await c.write_event(SynthesizeChunk(p).event())
                await asyncio.sleep(0.4)
            sent_last = time.perf_counter()
            await c.write_event(Synthesize("".join(pieces)).event())
            await c.write_event(SynthesizeStop().event())
            events = await reader
            return events, sent_last
    events, sent_last = run(go())
    types = [e.type for e in events]
    assert types[-1] == "synthesize-stopped" and "error" not in types, types
    assert types.count("audio-start") == 1 and types.count("audio-stop") == 1   # one continuous audio stream
    assert types.index("audio-stop") < types.index("synthesize-stopped")
    audio, chunks = pcm(events)
    rate = chunks[0].rate
    # three sentences' worth, not six (the compatibility copy was not spoken)
    assert 3.0 < len(audio) / rate < 9.0, len(audio) / rate
    stamps = [c.timestamp for c in chunks]
    assert stamps == sorted(stamps) and stamps[-1] > 2000   # one timeline across the sentences


def test_streamed_audio_starts_before_the_text_ends(wy):
    async def go():
        async with AsyncTcpClient("127.0.0.1", wy.port) as c:
            await c.write_event(SynthesizeStart().event())
            await c.write_event(SynthesizeChunk("This sentence is complete. ").event())
            t0 = time.perf_counter()
            first = await read_until(c, {"audio-chunk"}, timeout=10)   # before synthesize-stop was sent
            waited = time.perf_counter() - t0
            await c.write_event(SynthesizeChunk("This one comes later.").event())
            await c.write_event(SynthesizeStop().event())
            rest = await read_until(c, {"synthesize-stopped"})
            return first + rest, waited
    events, waited = run(go())
    assert events[0].type == "audio-start" and waited < 5
    print("wyoming streamed first audio %.1f ms after the first sentence" % (waited * 1000))


def test_ssml_and_language_choose_what_is_spoken(wy):
    async def go(**kw):
        async with AsyncTcpClient("127.0.0.1", wy.port) as c:
            await c.write_event(Synthesize(**kw).event())
            return await read_until(c, {"audio-stop", "error"})
    ssml = run(go(text='<speak>Wait <break time="900ms"/> now.</speak>', text_format=SynthesizeTextFormat.SSML))
    assert ssml[-1].type == "audio-stop"
    plain = run(go(text="Wait now."))
    assert len(pcm(ssml)[0]) > len(pcm(plain)[0]) + 0.5 * AudioStart.from_event(ssml[0]).rate   # the break was read as SSML
    de = run(go(text="Guten Morgen.", voice=SynthesizeVoice(language="de")))
    assert de[-1].type == "audio-stop"


def test_bad_voice_is_an_error_event_and_the_connection_stays_usable(wy):
    async def go():
        async with AsyncTcpClient("127.0.0.1", wy.port) as c:
            await c.write_event(Synthesize("Hi.", voice=SynthesizeVoice(name="nobody")).event())
            err = await read_until(c, {"error", "audio-start"})
            await c.write_event(Synthesize("x" * 4000).event())
            too_long = await read_until(c, {"error", "audio-start"})
            await c.write_event(Synthesize("Still here.").event())
            ok = await read_until(c, {"audio-stop", "error"})
            return err[-1], too_long[-1], ok
    err, too_long, ok = run(go())
    e = Error.from_event(err)
    assert "nobody" in e.text and e.code == "bad-voice"
    assert Error.from_event(too_long).code == "bad-text" and "--max-text" in Error.from_event(too_long).text
    assert ok[-1].type == "audio-stop"


def test_client_that_leaves_mid_synthesis_is_cancelled(wy):
    def metric(name):
        text = requests.get(wy.url + "/metrics").text
        m = re.search(r"^%s(?:\{[^}]*\})? ([0-9.e+]+)$" % re.escape(name), text, re.M)
        return float(m.group(1)) if m else 0.0
    before = metric("voxflow_cancelled_total")

    async def go():
        c = AsyncTcpClient("127.0.0.1", wy.port)
        await c.connect()
        await c.write_event(Synthesize(LONG).event())
        await read_until(c, {"audio-chunk"})
        await c.disconnect()
    run(go())
    deadline = time.time() + 10
    while time.time() < deadline and metric("voxflow_cancelled_total") <= before:
        time.sleep(0.1)
    assert metric("voxflow_cancelled_total") == before + 1
    assert metric("voxflow_active_streams") == 0
    assert 'voxflow_requests_total{endpoint="wyoming"}' in requests.get(wy.url + "/metrics").text


def test_non_loopback_needs_an_allow_list():
    r = subprocess.run([BIN, "serve", "--port", "0", "--wyoming", "0.0.0.0:0"], capture_output=True, text=True, timeout=30)
    assert r.returncode != 0 and "--wyoming-allow" in r.stderr + r.stdout


def test_wyoming_only_server(start_server):
    from conftest import Server
    proc = subprocess.Popen([BIN, "serve", "--no-http", "--wyoming", "127.0.0.1:0"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        port = int(re.search(r"wyoming on tcp://[^ ]+:(\d+)", line).group(1))

        async def go():
            async with AsyncTcpClient("127.0.0.1", port) as c:
                await c.write_event(Synthesize("Only Wyoming.").event())
                return await read_until(c, {"audio-stop", "error"})
        assert run(go())[-1].type == "audio-stop"
    finally:
        proc.terminate()
        assert proc.wait(20) == 0
