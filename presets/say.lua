-- The default speaking graph, and the graph `voxflow say` uses.
--
-- `voxflow say` loads this file with its command-line options in `voxflow.options` and speaks into
-- the graph it returns. Copy it, change the graph (another voice, a second sink, other pauses), and
-- use the copy with `voxflow say --preset my-say.lua "Text."`.
--
-- Run directly, it speaks its first argument:  voxflow run presets/say.lua "Hello there." hello.wav
local vf = require("voxflow")
local o = vf.options or { output = arg[2] }

-- Into JACK (`voxflow say --jack`), to a network client (`voxflow serve`), or into a file.
local sink
if o.jack then
  sink = { "sink.jack", name = "out", channels = o.channels or 1, connect = o.connect or "" }
elseif o.stream then
  sink = { "sink.stream", name = "out", sample_rate = o.sample_rate or 48000, channels = o.channels or 1 }
else
  sink = { "sink.file", name = "out", path = o.output or "say.wav", sample_rate = o.sample_rate or 48000,
           channels = o.channels or 1, encoding = o.encoding or "pcm16" }
end

-- The engine: flite for English (the default), espeak-ng for Mandarin (through pinyin) and the
-- other languages, sherpa-onnx for the neural voices of VOXFLOW_VOICES. `voxflow say` picks one
-- from the text and voice (o.engine).
local tts
if o.engine == "sherpa" then
  tts = { "acoustic.sherpa", name = "tts", voice = o.voice or "", rate = o.rate or 1.0, pitch = o.pitch or 0.0 }
elseif o.engine == "espeak" then
  tts = { "acoustic.espeak", name = "tts", voice = o.voice or "en-us", rate = o.rate or 1.0, pitch = o.pitch or 0.0 }
else
  tts = { "acoustic.flite", name = "tts", voice = o.voice or "rms", rate = o.rate or 1.0, pitch = o.pitch or 0.0 }
end

local g = vf.graph{
  auto_resample = o.auto_resample ~= false,   -- a resampler goes where rates differ (flite 16 kHz → 48 kHz)
  { "text.normalize", name = "normalize", markup = o.markup ~= false, language = o.language or "auto" },
  { "prosody.tag", name = "prosody" },
  tts,
  { "vocoder.stretch", name = "vocoder" },   -- fits duration targets, shifts pitch an engine cannot; else passes through
  sink,
}

if vf.options then return g end   -- loaded by `voxflow say`, which does the speaking

g:say(arg[1] or "Hello from Voxflow.")
