-- The default speaking graph, and the graph `voxflow say` uses.
--
-- `voxflow say` loads this file with its command-line options in `voxflow.options` and speaks into
-- the graph it returns. Copy it, change the graph (another voice, a second sink, other pauses), and
-- use the copy with `voxflow say --preset my-say.lua "Text."`.
--
-- Run directly, it speaks its first argument:  voxflow run presets/say.lua "Hello there." hello.wav
local vf = require("voxflow")
local o = vf.options or { output = arg[2] }

-- Into JACK (`voxflow say --jack`) or into a file.
local sink = o.jack
  and { "sink.jack", name = "out", channels = o.channels or 1, connect = o.connect or "" }
  or { "sink.file", name = "out", path = o.output or "say.wav", sample_rate = o.sample_rate or 48000,
       channels = o.channels or 1, encoding = o.encoding or "pcm16" }

local g = vf.graph{
  auto_resample = o.auto_resample ~= false,   -- a resampler goes where rates differ (flite 16 kHz → 48 kHz)
  { "text.normalize", name = "normalize" },
  { "prosody.tag", name = "prosody" },
  { "acoustic.flite", name = "tts", voice = o.voice or "rms", rate = o.rate or 1.0, pitch = o.pitch or 0.0 },
  { "vocoder.passthrough", name = "vocoder" },
  sink,
}

if vf.options then return g end   -- loaded by `voxflow say`, which does the speaking

g:say(arg[1] or "Hello from Voxflow.")
