-- Lines from standard input, spoken as they arrive — into JACK, or into a file.
--
--   voxflow run presets/live.lua [--interrupt] [--connect PATTERN] [OUT.wav]
--
-- Each line is queued behind the one being spoken, or, with --interrupt, cuts it off.
-- Without OUT.wav the speech plays on the JACK port voxflow:out (connected to the ports matching
-- PATTERN, e.g. "system:playback_*" or "obs:in_*"); with it, it goes to that file.
local vf = require("voxflow")
local interrupt, out, connect = false, nil, ""
local i = 1
while arg[i] do
  if arg[i] == "--interrupt" then interrupt = true
  elseif arg[i] == "--connect" then i = i + 1; connect = arg[i]
  else out = arg[i] end
  i = i + 1
end

local sink = out and { "sink.file", name = "out", path = out }
  or { "sink.jack", name = "out", connect = connect, prebuffer = 20 }
-- vocoder.stretch in real-time mode shifts the pitch rms cannot (question rises, [emotion=…] tags)
-- as the audio streams; lines without a shift pass straight through.
local g = vf.graph{ "text.normalize", "prosody.tag", { "acoustic.flite", name = "tts" },
                    { "vocoder.stretch", mode = "realtime" }, sink }
g:on("end", function(ev)
  io.stderr:write(string.format("live: line %d %s (%.2f s)\n", ev.utterance, ev.reason, ev.duration))
end)
g:on("warning", function(ev) io.stderr:write("live: ", ev.message, "\n") end)

local current
for line in vf.lines() do
  if line:match("%S") then
    if interrupt and current then current:cancel() end
    current = g:say(line)
  end
end
