"""HTTP: /api/tts/synthesize (complete and streamed, every format), /api/voices, /health, /metrics."""
import json
import time

import pytest
import requests

from audio import decode, rms, wav_header

SENTENCE = "The quick brown fox jumps over the lazy dog, and then it runs away."


def synth(server, **body):
    return requests.post(server.url + "/api/tts/synthesize", json={"text": SENTENCE, **body}, timeout=60)


def test_health_lists_plugins_engines_and_jack(server):
    h = requests.get(server.url + "/health", timeout=10).json()
    assert h["status"] == "ok"
    assert {"acoustic.flite", "acoustic.espeak"} <= {e["node"] for e in h["engines"]}
    assert any("sink.file" in p["node_types"] for p in h["plugins"])
    assert h["jack"]["running"] in (True, False)
    assert h["limits"]["max_text"] == 2000


def test_voices_and_filters(server):
    v = requests.get(server.url + "/api/voices", timeout=10).json()
    names = {(x["engine"], x["name"]) for x in v["voices"]}
    assert ("acoustic.flite", "rms") in names and ("acoustic.espeak", "cmn-latn-pinyin") in names
    assert v["aliases"]["alloy"] in {n for _, n in names}
    zh = requests.get(server.url + "/api/voices?language=cmn", timeout=10).json()["voices"]
    assert zh and all(x["language"].startswith("cmn") for x in zh)


def test_complete_wav_is_speech_of_the_right_length(server):
    r = synth(server, voice="slt")
    assert r.status_code == 200 and r.headers["content-type"] == "audio/wav"
    tag, channels, rate, bits, size = wav_header(r.content)
    assert (tag, channels, rate, bits) == (1, 1, 48000, 16) and size == len(r.content) - 44
    samples, rate = decode(r.content)
    assert 2.0 < len(samples) / rate < 8.0 and rms(samples) > 0.01
    assert abs(float(r.headers["x-audio-seconds"]) - len(samples) / rate) < 0.01


@pytest.mark.parametrize("fmt", ["wav", "flac", "ogg", "mp3", "opus"])
def test_every_format_decodes_to_the_same_speech(server, fmt):
    ref, ref_rate = decode(synth(server, format="wav", sample_rate=24000).content)
    r = synth(server, format=fmt, sample_rate=24000)
    assert r.status_code == 200, r.text
    samples, rate = decode(r.content)
    assert rate == 24000
    # lossy codecs pad a little at the ends; the speech is the same length
    assert abs(len(samples) - len(ref)) / 24000 < 0.1, (fmt, len(samples), len(ref))
    assert rms(samples) > 0.5 * rms(ref)


def test_pcm_declares_its_layout(server):
    r = synth(server, format="pcm", sample_format="f32le", sample_rate=16000, channels=2)
    assert r.headers["x-audio-format"] == "f32le; rate=16000; channels=2"
    import numpy as np
    pcm = np.frombuffer(r.content, dtype="<f4").reshape(-1, 2)
    assert np.array_equal(pcm[:, 0], pcm[:, 1]) and 2.0 < len(pcm) / 16000 < 8.0


def test_stream_sends_audio_while_synthesizing_and_waits_for_a_slow_client(server):
    """A long text streamed: the first bytes arrive long before the engine could have finished, and
    while the client reads nothing the stream stays open (backpressure), instead of the server
    racing ahead and buffering a minute of audio."""
    text = " ".join(["Sentence number %d of a long text that keeps the engine busy for a while." % i for i in range(25)])
    started = time.monotonic()
    r = requests.post(server.url + "/api/tts/synthesize", json={"text": text, "stream": True}, stream=True, timeout=60)
    assert r.status_code == 200 and r.headers.get("transfer-encoding") == "chunked"
    body = r.raw.read(4096)
    assert body[:4] == b"RIFF"
    _, _, _, _, size = wav_header(body)
    assert size == 0xFFFFFFFF   # open length: a stream
    time.sleep(2.0)   # reading nothing: the engine (RTF ~0.03, ~2 min of audio) must be held back
    metrics = requests.get(server.url + "/metrics", timeout=10).text
    assert "voxflow_active_streams 1" in metrics, metrics
    rest = r.raw.read()
    total = len(body) + len(rest)
    seconds = (total - 44) / 2 / 48000
    assert seconds > 60, seconds
    assert time.monotonic() - started > 2.0


def test_errors_name_the_field(server):
    cases = [
        ({"text": SENTENCE, "voice": "nobody"}, "voice", "unknown voice 'nobody'"),
        ({"text": SENTENCE, "rate": 9}, "rate", "out of range"),
        ({"text": SENTENCE, "rate": "fast"}, "rate", "must be a number"),
        ({"text": SENTENCE, "stream": "yes"}, "stream", "true or false"),
        ({"text": SENTENCE, "emotion": "bored"}, "emotion", "not one of"),
        ({"text": SENTENCE, "format": "flac", "stream": True}, "format", "cannot be streamed"),
        ({"text": SENTENCE, "format": "opus", "sample_rate": 44100}, "sample_rate", "opus takes"),
        ({"txt": SENTENCE}, "txt", "unknown field"),
        ({"text": SENTENCE, "preset": "evil.lua"}, "preset", "unknown field"),   # clients never send scripts
        ({}, "text", "is required"),
        ({"text": "   "}, "text", "is empty"),
        ({"text": "x" * 2001}, "text", "2001 characters"),
        ({"text": 'Bad <break time="soon"/> markup.'}, "text", "line 1, column"),
    ]
    for body, field, words in cases:
        r = requests.post(server.url + "/api/tts/synthesize", json=body, timeout=10)
        assert r.status_code == 400, (body, r.status_code)
        e = r.json()["error"]
        assert e["param"] == field and words in e["message"], (body, e)
    r = requests.post(server.url + "/api/tts/synthesize", data=b'{"text": "unfinished', timeout=10)
    assert r.status_code == 400 and "not valid JSON" in r.json()["error"]["message"]
    r = requests.post(server.url + "/api/tts/synthesize", data=b"[1, 2]", timeout=10)
    assert r.status_code == 400 and "JSON object" in r.json()["error"]["message"]
    r = requests.post(server.url + "/api/tts/synthesize", json={"text": "y" * 20000}, timeout=10)
    assert r.status_code == 413 and "16384 bytes" in r.json()["error"]["message"]
    assert requests.get(server.url + "/nowhere", timeout=10).status_code == 404


def test_metrics_count_requests_errors_and_time_to_first_audio(server):
    synth(server)
    requests.post(server.url + "/api/tts/synthesize", json={"text": SENTENCE, "voice": "nobody"}, timeout=10)
    m = requests.get(server.url + "/metrics", timeout=10).text
    assert 'voxflow_requests_total{endpoint="synthesize"}' in m
    assert 'voxflow_errors_total{endpoint="synthesize",status="400"}' in m
    count = [l for l in m.splitlines() if l.startswith("voxflow_time_to_first_audio_seconds_count")]
    assert count and float(count[0].split()[-1]) >= 1
    for name in ["voxflow_real_time_factor_bucket", "voxflow_stream_underruns_total", "voxflow_active_streams"]:
        assert name in m
