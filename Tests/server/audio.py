"""Decoding what the server sends, with libsndfile (PyPI soundfile) and numpy."""
import io
import struct

import numpy as np
import soundfile


def decode(data: bytes):
    """(samples as float32 array, rate) of a WAV/FLAC/OGG/MP3/Opus file held in memory."""
    samples, rate = soundfile.read(io.BytesIO(data), dtype="float32")
    return samples, rate


def wav_header(data: bytes):
    """(format tag, channels, rate, bits, data size) of a canonical 44-byte WAV header."""
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE", data[:16]
    tag, channels, rate, _, _, bits = struct.unpack("<HHIIHH", data[20:36])
    assert data[36:40] == b"data"
    return tag, channels, rate, bits, struct.unpack("<I", data[40:44])[0]


def rms(samples) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0
