"""/ws/tts with a real WebSocket client (PyPI websockets): events, audio, marks, cancel, flush, limits."""
import asyncio
import json

import numpy as np
import pytest
import websockets

LONG = " ".join(["Sentence %d of a long text that keeps the engine busy." % i for i in range(30)])


async def collect(ws, until):
    """Events and binary sizes until an event satisfies `until`."""
    events, binary = [], []
    while True:
        m = await asyncio.wait_for(ws.recv(), 30)
        if isinstance(m, bytes):
            binary.append(m)
            events.append({"event": "binary", "size": len(m)})
            continue
        e = json.loads(m)
        events.append(e)
        if until(e):
            return events, binary


def run(coro):
    return asyncio.run(coro)


def test_requests_stream_audio_with_marks_in_order(server):
    async def go():
        async with websockets.connect(server.ws_url) as ws:
            await ws.send(json.dumps({"id": "one", "text": "Hello there, this is the first request.", "sample_format": "f32le"}))
            await ws.send(json.dumps({"id": "two", "text": "And this is the second.", "voice": "slt", "sample_rate": 16000}))
            return await collect(ws, lambda e: e.get("event") == "done" and e.get("id") == "two")
    events, binary = run(go())
    kinds = [e["event"] for e in events]
    assert kinds[0] == "started" and events[0]["id"] == "one" and events[0]["sample_format"] == "f32le"
    first_done = kinds.index("done")
    assert events[first_done]["id"] == "one" and kinds.index("started", 1) > first_done   # one after the other
    # request one: f32le at 48 kHz; the bytes match the reported length
    one = [e for e in events[:first_done] if e["event"] == "binary"]
    audio = np.frombuffer(b"".join(binary[:len(one)]), dtype="<f4")
    assert abs(len(audio) / 48000 - events[first_done]["audio_seconds"]) < 0.001
    assert np.sqrt(np.mean(audio ** 2)) > 0.01
    words = [e for e in events[:first_done] if e["event"] == "mark" and e["kind"] == "word"]
    assert [w["text"].lower().strip(",.") for w in words][:3] == ["hello", "there", "this"]
    times = [w["time"] for w in words]
    assert times == sorted(times) and times[-1] < events[first_done]["audio_seconds"]
    assert events[first_done]["time_to_first_audio_ms"] > 0 and events[first_done]["cancelled"] is False
    # request two: s16le at 16 kHz
    two = b"".join(binary[len(one):])
    assert abs(len(two) / 2 / 16000 - events[-1]["audio_seconds"]) < 0.001
    assert any(e["event"] == "progress" for e in events)


def test_cancel_stops_audio_within_a_chunk(server):
    """Chunks already on the wire when the cancel arrives still come; after the server's
    "cancelled" confirmation at most the chunk it was writing may follow."""
    async def go():
        async with websockets.connect(server.ws_url) as ws:
            await ws.send(json.dumps({"id": "long", "text": LONG}))
            after_ack = None
            sent = False
            while True:
                m = await asyncio.wait_for(ws.recv(), 30)
                if isinstance(m, bytes):
                    if not sent:
                        await ws.send(json.dumps({"type": "cancel", "id": "long"}))
                        sent = True
                    elif after_ack is not None:
                        after_ack += 1
                    continue
                e = json.loads(m)
                if e["event"] == "cancelled":
                    assert e["id"] == "long"
                    after_ack = 0
                if e["event"] == "done":
                    return e, after_ack
    done, after = run(go())
    assert done["cancelled"] is True and done["audio_seconds"] < 10
    assert after is not None and after <= 1, after


def test_flush_waits_for_earlier_requests_and_cancel_all_skips_queued(server):
    async def go():
        async with websockets.connect(server.ws_url) as ws:
            await ws.send(json.dumps({"id": "a", "text": "First."}))
            await ws.send(json.dumps({"id": "b", "text": "Second."}))
            await ws.send(json.dumps({"type": "flush"}))
            ev1, _ = await collect(ws, lambda e: e.get("event") == "flushed")
            await ws.send(json.dumps({"id": "c", "text": LONG}))
            await ws.send(json.dumps({"id": "d", "text": "Never spoken."}))
            await ws.send(json.dumps({"type": "cancel"}))
            await ws.send(json.dumps({"type": "flush"}))
            ev2, _ = await collect(ws, lambda e: e.get("event") == "flushed")
            return ev1, ev2
    ev1, ev2 = run(go())
    assert [e["id"] for e in ev1 if e["event"] == "done"] == ["a", "b"]
    done2 = {e["id"]: e for e in ev2 if e["event"] == "done"}
    assert done2["d"]["cancelled"] is True and done2["d"]["audio_seconds"] == 0


def test_bad_messages_get_error_events_and_the_connection_stays(server):
    async def go():
        async with websockets.connect(server.ws_url) as ws:
            out = []
            for msg in ['{"text": ', '{"id": "v", "text": "Hi.", "voice": "nobody"}', '{"id": "f", "text": "Hi.", "format": "mp3"}',
                        '{"type": "dance"}', b"\x00\x01", '{"type": "cancel", "id": "nope"}', '{"text": "Hi.", "language": "not a tag"}']:
                await ws.send(msg)
                out.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
            await ws.send(json.dumps({"id": "ok", "text": "Still here."}))
            ev, _ = await collect(ws, lambda e: e.get("event") == "done")
            return out, ev[-1]
    errors, done = run(go())
    assert all(e["event"] == "error" for e in errors)
    assert "not valid JSON" in errors[0]["error"]["message"]
    assert errors[1]["id"] == "v" and errors[1]["error"]["param"] == "voice"
    assert errors[2]["error"]["param"] == "format"
    assert errors[3]["error"]["param"] == "type"
    assert "JSON text" in errors[4]["error"]["message"]
    assert errors[5]["id"] == "nope" and errors[5]["error"]["param"] == "id"
    assert errors[6]["error"]["param"] == "language"
    assert done["id"] == "ok" and done["audio_seconds"] > 0.3


def test_oversized_message_closes_with_1009_and_idle_connections_close(server):
    async def big():
        async with websockets.connect(server.ws_url, max_size=None) as ws:
            await ws.send(json.dumps({"text": "z" * 20000}))
            with pytest.raises(websockets.ConnectionClosed) as e:
                await asyncio.wait_for(ws.recv(), 10)
            return e.value.rcvd.code if e.value.rcvd else None
    assert run(big()) == 1009

    async def idle():
        async with websockets.connect(server.ws_url) as ws:
            with pytest.raises(websockets.ConnectionClosed) as e:
                await asyncio.wait_for(ws.recv(), 10)   # the fixture's --idle-timeout is 3 s
            return e.value.rcvd
    rcvd = run(idle())
    assert rcvd is not None and rcvd.code == 1000 and "idle" in rcvd.reason


def test_shutdown_tells_websocket_clients(start_server):
    s = start_server()

    async def go():
        async with websockets.connect(s.ws_url) as ws:
            await ws.send(json.dumps({"id": "long", "text": LONG}))
            while not isinstance(await ws.recv(), bytes):
                pass
            s.proc.send_signal(2)   # SIGINT, as Ctrl-C
            events = []
            with pytest.raises(websockets.ConnectionClosed) as closed:
                while True:
                    m = await asyncio.wait_for(ws.recv(), 10)
                    if isinstance(m, str):
                        events.append(json.loads(m))
            return events, closed.value.rcvd
    events, rcvd = run(go())
    errors = [e for e in events if e["event"] == "error"]
    assert errors and errors[-1]["id"] == "long" and "shutting down" in errors[-1]["error"]["message"]
    assert rcvd.code == 1001 and rcvd.reason == "server shutting down"
    assert s.proc.wait(10) == 0


def test_wav_on_request_starts_with_a_header(server):
    async def go():
        async with websockets.connect(server.ws_url) as ws:
            await ws.send(json.dumps({"id": "w", "text": "A short one.", "format": "wav", "sample_rate": 22050}))
            return await collect(ws, lambda e: e.get("event") == "done")
    events, binary = run(go())
    assert events[0]["format"] == "wav" and binary[0][:4] == b"RIFF"
    data = b"".join(binary)
    import struct
    assert struct.unpack("<I", data[24:28])[0] == 22050 and data[36:40] == b"data"
    assert abs((len(data) - 44) / 2 / 22050 - events[-1]["audio_seconds"]) < 0.001
