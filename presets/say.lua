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

-- The engine: acoustic.auto speaks each phrase with the engine of its voice — the one named (o.voice, SSML
-- <voice name="…">), else the best installed voice for the phrase's language (a natural neural voice when one is
-- installed; Mandarin runs go to a Mandarin voice, English runs to an English one) — and joins them at the rate of
-- the default voice (phrases of other voices converted), so the vocoder works at the voice's own rate and a resampler
-- is inserted before the sink. A script that wants one engine names it instead: { "acoustic.flite", voice = "slt" }.
local tts = { "acoustic.auto", name = "tts", voice = o.voice or "", rate = o.rate or 1.0, pitch = o.pitch or 0.0 }

local g = vf.graph{
  auto_resample = o.auto_resample ~= false,   -- a resampler goes where rates differ (a JACK server's own rate)
  { "text.normalize", name = "normalize", markup = o.markup ~= false, language = o.language or "auto" },
  { "prosody.tag", name = "prosody" },
  tts,
  { "vocoder.stretch", name = "vocoder" },   -- fits duration targets, shifts pitch an engine cannot; else passes through
  sink,
}

if vf.options then return g end   -- loaded by `voxflow say`, which does the speaking

g:say(arg[1] or "Hello from Voxflow.")
