/// The page at `GET /`. Kept in Swift so the binary serves it wherever it is installed.
enum WebPage {
    static let html = #"""
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Voxflow</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
 body{font:16px system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
 textarea{width:100%;height:7rem;font:inherit;padding:.5rem;box-sizing:border-box}
 .row{display:flex;gap:.75rem;align-items:center;margin:.75rem 0;flex-wrap:wrap}
 #words{line-height:2;min-height:2rem;margin-top:1rem} #words span{padding:.1rem .2rem;border-radius:.25rem}
 #words span.on{background:#ffd54a} #status{color:#666;font-size:.9rem}
</style></head>
<body>
<h1>Voxflow</h1>
<textarea id="text">Hello! This is Voxflow, speaking as the words arrive.</textarea>
<div class="row">
 <label>Voice <select id="voice"></select></label>
 <label>Emotion <select id="emotion"><option value="">none</option></select></label>
 <label>Rate <input id="rate" type="number" min="0.5" max="2" step="0.1" value="1" style="width:4rem"></label>
 <button id="speak">Speak</button> <button id="stop">Stop</button>
</div>
<div id="status">ready</div>
<div id="words"></div>
<script>
"use strict";
// Plays /ws/tts through Web Audio: each binary chunk (f32le PCM) is scheduled right after the
// previous one, so the chunks join without gaps; each word lights up when its audio plays.
const params = new URLSearchParams(location.search);
const token = params.get("token");
const report = window.voxflowReport = {samples: 0, marks: [], events: [], done: false, error: null, started: 0};
const $ = (id) => document.getElementById(id);
const emotions = ["happy","sad","angry","afraid","surprised","disgusted","calm","melancholic"];
for (const e of emotions) $("emotion").add(new Option(e, e));
let ctx = null, ws = null, nextTime = 0, rate = 48000, currentId = 0, wordSpans = [];

function status(s) { $("status").textContent = s; }
async function loadVoices() {
  const r = await fetch("/api/voices" + (token ? "?token=" + encodeURIComponent(token) : ""));
  const j = await r.json();
  for (const v of j.voices) $("voice").add(new Option(`${v.name} (${v.quality}, ${v.language})`, v.name, v.default, v.default));
}
function connect() {
  return new Promise((resolve, reject) => {
    if (ws && ws.readyState === 1) return resolve(ws);
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws/tts" + (token ? "?token=" + encodeURIComponent(token) : "");
    ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => resolve(ws);
    ws.onerror = () => { report.error = "websocket error"; status("connection failed"); reject(new Error("websocket")); };
    ws.onclose = (e) => status("disconnected" + (e.reason ? ": " + e.reason : ""));
    ws.onmessage = onMessage;
  });
}
function onMessage(m) {
  if (typeof m.data !== "string") return play(new Float32Array(m.data));
  const e = JSON.parse(m.data);
  report.events.push(e.event);
  if (e.event === "started") { rate = e.sample_rate; report.sampleRate = rate; utteranceStart = null; report.started++; status("speaking…"); }
  else if (e.event === "mark" && e.kind === "word") { report.marks.push({text: e.text, time: e.time}); highlight(e); }
  else if (e.event === "done") { report.done = true; report.doneEvent = e; status(e.cancelled ? "stopped" : `done: ${e.audio_seconds.toFixed(2)} s of audio, first audio after ${Math.round(e.time_to_first_audio_ms || 0)} ms`); }
  else if (e.event === "error") { report.error = e.error.message; status("error: " + e.error.message); }
}
// Marks arrive before the chunk that holds their start; the first chunk fixes where the
// utterance starts on the audio clock, and each mark is lit at that start plus its time.
let utteranceStart = null, pendingMarks = [];
function play(samples) {
  report.samples += samples.length;
  const buf = ctx.createBuffer(1, samples.length, rate);
  buf.copyToChannel(samples, 0);
  const src = ctx.createBufferSource();
  src.buffer = buf; src.connect(ctx.destination);
  if (nextTime < ctx.currentTime + 0.02) nextTime = ctx.currentTime + 0.05;   // first chunk, or the stream fell behind
  if (utteranceStart === null) utteranceStart = nextTime;
  src.start(nextTime);
  nextTime += buf.duration;
  for (const m of pendingMarks.splice(0)) schedule(m);
}
function highlight(mark) {
  const span = document.createElement("span");
  span.textContent = mark.text; $("words").append(span, " ");
  wordSpans.push(span);
  pendingMarks.push({span, time: mark.time});
}
function schedule(m) {
  const delay = Math.max(0, (utteranceStart + m.time - ctx.currentTime) * 1000);
  setTimeout(() => { for (const s of wordSpans) s.classList.remove("on"); m.span.classList.add("on"); }, delay);
}
async function speak() {
  ctx = ctx || new AudioContext();
  if (ctx.state === "suspended") await ctx.resume();
  await connect();
  $("words").textContent = ""; wordSpans = [];
  report.done = false; report.samples = 0; report.marks = [];
  const req = {type: "synthesize", id: String(++currentId), text: $("text").value, voice: $("voice").value || undefined,
               rate: Number($("rate").value), format: "pcm", sample_format: "f32le", sample_rate: ctx.sampleRate};
  if ($("emotion").value) req.emotion = $("emotion").value;
  ws.send(JSON.stringify(req));
}
$("speak").onclick = () => speak().catch((e) => { report.error = String(e); });
$("stop").onclick = () => { if (ws) ws.send(JSON.stringify({type: "cancel"})); };
loadVoices().then(() => { if (params.get("text")) $("text").value = params.get("text"); if (params.has("autoplay")) $("speak").click(); })
  .catch((e) => { report.error = String(e); status("cannot list voices: " + e); });
</script>
</body></html>
"""#
}
