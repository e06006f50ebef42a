-- Several voices, one file each: the same text spoken by every voice of the flite engine.
--
--   voxflow run presets/voices-to-files.lua ["TEXT"] [FOLDER]
local vf = require("voxflow")
local text = arg[1] or "The quick brown fox jumps over the lazy dog."
local dir = arg[2] or "."

for _, v in ipairs(vf.voices()) do
  if v.engine == "acoustic.flite" then
    local path = dir .. "/" .. v.name .. ".wav"
    local g = vf.graph{ "text.normalize", "prosody.tag", { "acoustic.flite", voice = v.name }, "vocoder.passthrough",
                        { "sink.file", path = path } }
    g:say(text)
    print(path)
  end
end
