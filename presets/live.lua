-- Lines from standard input, spoken as they arrive.
--
--   voxflow run presets/live.lua [--interrupt] [OUT.wav]
--
-- Each line is queued behind the one being spoken, or, with --interrupt, cuts it off.
-- The speech goes to OUT.wav (default live.wav).
local vf = require("voxflow")
local interrupt, out = false, "live.wav"
for _, a in ipairs(arg) do
  if a == "--interrupt" then interrupt = true else out = a end
end

local g = vf.graph{ "text.normalize", "prosody.tag", { "acoustic.flite", name = "tts" }, "vocoder.passthrough",
                    { "sink.file", name = "out", path = out } }
g:on("end", function(ev)
  io.stderr:write(string.format("live: line %d %s (%.2f s)\n", ev.utterance, ev.reason, ev.duration))
end)

local current
for line in vf.lines() do
  if line:match("%S") then
    if interrupt and current then current:cancel() end
    current = g:say(line)
  end
end
