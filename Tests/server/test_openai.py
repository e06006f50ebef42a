"""OpenAI's own Python client, unchanged, against /v1/audio/speech."""
import openai
import pytest

from audio import decode, rms


def client(server):
    return openai.OpenAI(base_url=server.url + "/v1", api_key="not-needed-on-loopback", max_retries=0)


@pytest.mark.parametrize("fmt", ["mp3", "wav", "opus", "flac"])
def test_speech_create(server, fmt):
    r = client(server).audio.speech.create(model="tts-1", voice="alloy", input="Hello from the speech endpoint.",
                                           response_format=fmt)
    samples, rate = decode(r.content)
    assert rate == 24000 and 1.0 < len(samples) / rate < 5 and rms(samples) > 0.01


def test_streaming_pcm_and_speed(server):
    c = client(server)
    text = "This sentence is read at two speeds."
    sizes = {}
    for speed in (1.0, 1.5):
        with c.audio.speech.with_streaming_response.create(model="tts-1", voice="onyx", input=text,
                                                           response_format="pcm", speed=speed) as r:
            chunks = list(r.iter_bytes())
        assert len(chunks) >= 1
        sizes[speed] = sum(map(len, chunks)) / 2 / 24000   # 24 kHz s16le mono, as OpenAI's pcm
    assert 1.2 < sizes[1.0] / sizes[1.5] < 1.8, sizes


def test_errors_come_back_as_openai_errors(server):
    c = client(server)
    with pytest.raises(openai.BadRequestError) as e:
        c.audio.speech.create(model="tts-1", voice="nobody", input="Hi.")
    assert e.value.body["param"] == "voice"
    with pytest.raises(openai.BadRequestError) as e:
        c.audio.speech.create(model="tts-1", voice="alloy", input="Hi.", response_format="aac")
    assert e.value.body["param"] == "response_format" and "aac" in e.value.body["message"]
    with pytest.raises(openai.BadRequestError) as e:
        c.audio.speech.create(model="tts-1", voice="alloy", input="")
    assert e.value.body["param"] == "input"
