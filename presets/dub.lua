-- Subtitles in, timeline-aligned speech out: every cue starts at its cue time.
--
--   voxflow run presets/dub.lua SUBS.srt|SUBS.vtt [OUT.wav] [VOICES.json]
--
-- Speakers (`ALICE: …`, `[Bob] …`, WebVTT `<v Bob>`) get voices from VOICES.json, e.g.
-- {"ALICE": "slt", "Bob": "awb"}; speakers it does not name get the next voice in turn.
-- (Fitting each line into its slot comes with duration control; here a line that runs long
-- pushes the next one back, with a warning.)
local vf = require("voxflow")
local subs, out, map = arg[1], arg[2] or "dub.wav", arg[3]
if not subs then error("usage: voxflow run presets/dub.lua SUBS.srt [OUT.wav] [VOICES.json]", 0) end

local cues = vf.subtitles(subs)
local voices = map and vf.read_json(map) or {}
local pool, turn = { "rms", "slt", "awb", "kal16" }, 1
local function voice_for(speaker)
  if not speaker then return "rms" end
  if not voices[speaker] then
    voices[speaker] = pool[turn]
    turn = turn % #pool + 1
  end
  return voices[speaker]
end

local g = vf.graph{ "text.normalize", "prosody.tag", { "acoustic.flite", name = "tts" }, "vocoder.passthrough",
                    { "sink.file", name = "out", path = out } }
g:on("warning", function(ev) io.stderr:write("dub: ", ev.message, "\n") end)

local spoken = 0
for _, cue in ipairs(cues) do
  if cue.text:match("%S") then
    g:say(cue.text, { voice = voice_for(cue.speaker), at = cue.start })
    spoken = spoken + 1
  end
end
g:finish()
print(string.format("%s: %d cue%s from %s", out, spoken, spoken == 1 and "" or "s", subs))
