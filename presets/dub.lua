-- Subtitles in, a dubbed track out: every cue synthesized, fitted to its slot and placed at its
-- cue time, sample-accurately (see `voxflow dub --help` and docs/lua-api.md, voxflow.dub).
--
--   voxflow dub SUBS.srt -o dub.wav --voices voices.json --stems stems/ --report report.csv
--   voxflow run presets/dub.lua SUBS.srt|SUBS.vtt [OUT.wav] [VOICES.json|VOICES.lua]
--
-- `voxflow dub` runs this file with its options in `voxflow.options`. Copy it to change the
-- graph or the voices, and use the copy with `voxflow dub --preset my-dub.lua SUBS.srt`.
--
-- Speakers (`ALICE: …`, `[Bob] …`, WebVTT `<v Bob>`) get voices from the voices file, e.g.
-- {"ALICE": "en_US-joe-medium", "Bob": "slt"} (or a Lua file returning such a table); speakers it
-- does not name get the pool's voices in turn, and cues without a speaker the pool's first.
local vf = require("voxflow")
local o = vf.options or { subtitles = arg[1], output = arg[2] or "dub.wav", voices = arg[3] }
if not o.subtitles then error("usage: voxflow run presets/dub.lua SUBS.srt [OUT.wav] [VOICES.json|VOICES.lua]", 0) end

-- The engine: acoustic.auto speaks each line with the engine of its voice, so one track mixes voices of any engines
-- (a neural voice for ALICE, a flite voice for BOB). Speakers the voices file does not name get the best installed
-- voices for the subtitles' language in turn (vf.dub's pool; give `pool = {…}` to choose them yourself).
-- The graph that speaks one line. vf.dub points its sink.file into the cache (one file per line,
-- named by the line's key), so the sink needs no path here; its rate is the track's.
local g = vf.graph{
  { "text.normalize", name = "normalize" },
  { "prosody.tag", name = "prosody" },
  { "acoustic.auto", name = "tts" },   -- at the default voice's rate: stretching works on the voice's own samples
  { "vocoder.stretch", name = "vocoder" },
  { "sink.file", name = "out", sample_rate = o.sample_rate or 48000 },
}

local summary = vf.dub{
  subtitles = o.subtitles, output = o.output, graph = g, voices = o.voices,
  stems = o.stems, report = o.report, length = o.length, borrow_gap = o.borrow_gap, overlap = o.overlap,
  fit = o.fit, cache = o.cache, encoding = o.encoding, progress = o.progress, verbose = o.verbose,
}
if vf.options then return summary end   -- `voxflow dub` prints the summary itself

local named = {}
for _, v in ipairs(summary.voices) do named[#named + 1] = (v.speaker or "(no speaker)") .. " → " .. v.voice end
io.stderr:write("dub: voices: ", table.concat(named, ", "), "\n")
if vf.checking then return end   -- `voxflow check`: planned and validated, nothing rendered
for _, w in ipairs(summary.warnings) do io.stderr:write("dub: ", w, "\n") end
for _, c in ipairs(summary.cues) do
  for _, w in ipairs(c.warnings) do io.stderr:write(string.format("dub: %s:%d: cue %d: %s\n", o.subtitles, c.line, c.index, w)) end
end
local spoken = #summary.cues - summary.skipped
print(string.format("%s: %d cue%s from %s (%d rendered, %d cached), %.2f s", summary.output, spoken, spoken == 1 and "" or "s",
                    o.subtitles, summary.rendered, summary.cached, summary.seconds))
