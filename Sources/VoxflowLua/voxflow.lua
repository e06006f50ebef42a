-- The `voxflow` module scripts `require`, written in Lua over the host functions (ScriptHost+Functions.swift).
-- Loaded into every script's state before the script runs, as chunk "=voxflow".
local host = __voxflow_host
__voxflow_host = nil
local M = {}
local graphs = {}       -- id -> graph object, in creation order below
local order = {}

-- Host errors are re-raised at the first stack frame outside this module: the script's own line.
local function raise(msg)
  local level = 2
  while true do
    local info = debug.getinfo(level, "S")
    if not info then break end
    if info.source ~= "=voxflow" and info.what ~= "C" then break end
    level = level + 1
  end
  error(msg, level)
end
-- "file:line" of the first frame outside this module (where a node was declared).
local function where()
  local level = 2
  while true do
    local info = debug.getinfo(level, "Sl")
    if not info then return nil end
    if info.source ~= "=voxflow" and info.what ~= "C" then return info.short_src .. ":" .. info.currentline end
    level = level + 1
  end
end
local function call(name, ...)
  local r = table.pack(pcall(host[name], ...))
  if not r[1] then raise(r[2]) end
  return table.unpack(r, 2, r.n)
end

local Graph, Node, Utterance = {}, {}, {}
Graph.__index, Node.__index, Utterance.__index = Graph, Node, Utterance
local kinds = { word = true, start = true, ["end"] = true, error = true, stats = true, warning = true, ["*"] = true }

local function dispatch(g, events)
  for _, ev in ipairs(events) do
    local u = g._utterances[ev.utterance]
    if u then u:_update(ev) end
    for _, key in ipairs({ ev.type, "*" }) do
      for _, fn in ipairs(g._handlers[key] or {}) do fn(ev) end
    end
  end
end

local function pump_all()
  for _, g in ipairs(order) do
    if not g._finished then dispatch(g, select(2, call("graph_pump", g._id, 0, 0))) end
  end
end

local function ref(x)
  if getmetatable(x) == Node then return x.name end
  if type(x) ~= "string" then raise("expected a node or a \"node.pad\" string, got " .. type(x)) end
  return x
end

--- Graphs

function M.graph(desc)
  if desc ~= nil and type(desc) ~= "table" then raise("voxflow.graph takes a table (a chain of nodes) or nothing") end
  desc = desc or {}
  local g = setmetatable({ _id = call("graph_new", desc.auto_resample ~= false), _handlers = {}, _utterances = {} }, Graph)
  graphs[g._id] = g
  order[#order + 1] = g
  if #desc > 0 then g:chain(desc) end
  return g
end

function Graph:node(type_, params, name)
  if type(params) == "string" and name == nil then params, name = nil, params end
  local n = call("graph_node", self._id, type_, params or {}, name, where())
  return setmetatable({ graph = self, name = n, type = type_ }, Node)
end

function Graph:link(from, to)
  call("graph_link", self._id, ref(from), ref(to))
  return self
end

function Graph:chain(list)
  local prev
  for i, item in ipairs(list) do
    local node
    if getmetatable(item) == Node then
      node = item
    elseif type(item) == "string" and not item:find(".", 1, true) then
      node = item                  -- a node already in the graph, by name (types always have a dot)
    elseif type(item) == "string" then
      node = self:node(item)
    elseif type(item) == "table" and type(item[1]) == "string" then
      local params = {}
      for k, v in pairs(item) do if k ~= 1 and k ~= "name" then params[k] = v end end
      node = self:node(item[1], params, item.name)
    else
      raise("chain item " .. i .. " must be a node type (\"text.normalize\"), a node, or a table {\"type\", param = value, name = \"...\"}")
    end
    if prev then self:link(prev, node) end
    prev = node
  end
  return self
end

function Graph:start() call("graph_start", self._id); return self end
function Graph:dot() return call("graph_dot", self._id) end

function Graph:say(text, opts)
  if opts ~= nil and type(opts) ~= "table" then raise("say: options must be a table") end
  local id = call("graph_say", self._id, text, opts or {})
  local u = setmetatable({ graph = self, id = id, status = "queued", _marks = {} }, Utterance)
  self._utterances[id] = u
  pump_all()
  return u
end

function Graph:on(kind, fn)
  if not kinds[kind] then raise("on: unknown event '" .. tostring(kind) .. "'; events: word, start, end, error, stats, warning, *") end
  if type(fn) ~= "function" then raise("on: the handler must be a function") end
  local list = self._handlers[kind] or {}
  list[#list + 1] = fn
  self._handlers[kind] = list
  return self
end

function Graph:set(node, param, value) call("graph_set", self._id, ref(node), param, value); return self end
function Node:set(param, value) self.graph:set(self.name, param, value); return self end

function Graph:pending() return call("graph_pending", self._id) end

function Graph:wait()
  repeat
    local done, events = call("graph_pump", self._id, 0, 0.05)
    dispatch(self, events)
  until done
  return self
end

function Graph:cancel() call("graph_cancel_all", self._id); return self end

function Graph:finish()
  if self._finished then return self._report end
  self:wait()
  self._finished = true
  self._report = call("graph_finish", self._id)
  return self._report
end

--- Utterances

function Utterance:_update(ev)
  if ev.type == "word" then self._marks[#self._marks + 1] = ev
  elseif ev.type == "start" then self.status = "speaking"
  elseif ev.type == "end" then
    self.status = ev.reason
    self._duration = ev.duration
    self.time_to_first_audio = ev.time_to_first_audio
    self.message = ev.message
  end
end

function Utterance:wait()
  while self.status == "queued" or self.status == "speaking" do
    local done, events = call("graph_pump", self.graph._id, self.id, 0.05)
    dispatch(self.graph, events)
  end
  return self.status
end

function Utterance:cancel() call("utt_cancel", self.graph._id, self.id); return self end
function Utterance:duration() return self._duration end
function Utterance:marks() return self._marks end

--- Workflow helpers

function M.sleep(seconds)
  local deadline = host.time() + (seconds or 0)
  repeat
    pump_all()
    call("sleep_step", math.max(0, deadline - host.time()))
  until host.time() >= deadline or M.checking
  pump_all()
end

function M.time() return host.time() end

function M.lines()
  return function()
    while true do
      local line, why = call("read_line", 0.02)
      pump_all()
      if line then return line end
      if why == "eof" then return nil end
    end
  end
end

function M.subtitles(path) return call("subtitles", path) end
M.json = {
  encode = function(v, pretty) return call("json_encode", v, pretty) end,
  decode = function(s) return call("json_decode", s) end,
}
function M.read_json(path)
  local f, err = io.open(path, "r")
  if not f then raise("read_json: " .. err) end
  local text = f:read("a")
  f:close()
  local ok, v = pcall(host.json_decode, text)
  if not ok then raise(path .. ": " .. v) end
  return v
end
function M.write_json(path, value)
  local text = call("json_encode", value, true)
  local f, err = io.open(path, "w")
  if not f then raise("write_json: " .. err) end
  f:write(text, "\n")
  f:close()
end
function M.voices() return call("voices") end
function M.node_types() return call("node_types") end
-- Models engines hold loaded, shared by every graph (ScriptHost+Models.swift).
function M.models() return call("models") end
function M.unload_model(path) return call("unload_model", path) end
function M.reload_model(path) return call("reload_model", path) end
function M.normalize(text, options) return call("normalize", text, options or {}) end
function M.tag(text, options) return call("tag", text, options or {}) end

-- Subtitle dubbing (ScriptHost+Dub.swift). `voices` may be a table, or a .json file or a .lua
-- file returning a table (speaker = voice).
function M.dub(options)
  if type(options) ~= "table" then raise("dub: give a table: vf.dub{ subtitles = \"subs.srt\", output = \"dub.wav\", graph = g }") end
  local o = {}
  for k, v in pairs(options) do o[k] = v end
  if getmetatable(o.graph) ~= Graph then raise("dub: graph = g is required: the graph made by voxflow.graph that speaks each line (see presets/dub.lua)") end
  o.graph = o.graph._id
  if type(o.voices) == "string" then
    local path = o.voices
    o.voices_source = path
    if path:match("%.lua$") then
      local chunk, err = loadfile(path, "t")
      if not chunk then raise("dub: voices: " .. err) end
      local ok, t = pcall(chunk)
      if not ok then raise("dub: voices: " .. tostring(t)) end
      if type(t) ~= "table" then raise("dub: " .. path .. " must return a table of speaker = voice, returned " .. type(t)) end
      o.voices = t
    else
      o.voices = M.read_json(path)
      if type(o.voices) ~= "table" then raise("dub: " .. path .. " must hold a JSON object of speaker: voice") end
    end
  end
  return call("dub", o)
end
M.checking = host.checking()

function __voxflow_at_exit()
  for _, g in ipairs(order) do g:finish() end
end

package.loaded.voxflow = M
voxflow = M
