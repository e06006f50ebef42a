"""Neural voices through the server: a tiny Piper voice made at test time (scripts/tiny-tts-models)
found through VOXFLOW_VOICES, spoken, listed at /api/models, unloaded and reloaded without a restart."""
import subprocess
import sys

import requests

from audio import decode
from conftest import ROOT


def test_models_load_once_unload_and_reload(start_server, tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "tiny-tts-models"), str(tmp_path), "piper"],
                         capture_output=True, text=True, check=True).stdout
    model = out.split()[1]
    voice_dir = str(tmp_path / "piper-en")
    s = start_server(env={"VOXFLOW_VOICES": voice_dir})
    voices = requests.get(s.url + "/api/voices?engine=sherpa", timeout=10).json()["voices"]
    assert len(voices) == 1, voices
    name = voices[0]["name"]

    def speak():
        r = requests.post(s.url + "/api/tts/synthesize", json={"text": "Hello there.", "voice": name}, timeout=60)
        assert r.status_code == 200, r.text
        samples, rate = decode(r.content)
        assert len(samples) > 0 and rate == 48000
        return len(samples)

    first = speak()
    models = requests.get(s.url + "/api/models", timeout=10).json()["models"]
    assert [m["voice"] for m in models] == [name] and models[0]["path"].startswith(voice_dir[:20])
    assert speak() == first   # the same model, already loaded, the same audio length
    assert len(requests.get(s.url + "/api/models", timeout=10).json()["models"]) == 1   # loaded once, shared
    r = requests.post(s.url + "/api/models/unload", json={}, timeout=30).json()
    assert r["unloaded"] == 1 and r["models"] == []
    assert speak() == first   # loaded again on demand
    r = requests.post(s.url + "/api/models/reload", json={"path": name}, timeout=30)
    assert r.status_code == 200 and len(r.json()["models"]) == 1, r.text
    r = requests.post(s.url + "/api/models/reload", json={"path": str(tmp_path / "missing.onnx")}, timeout=30)
    assert r.status_code == 422 and r.json()["error"]["param"] == "path" and "missing.onnx" in r.json()["error"]["message"]
    r = requests.post(s.url + "/api/models/unload", json={"path": "no-such-model"}, timeout=30)
    assert r.status_code == 404
    assert model.endswith("voice.onnx")
