-- wrk script: every connection loops the full packet lifecycle
--   POST /api/v1/packets → POST /api/v1/packets/{id}/claim
--   → PATCH {status: in_progress} → PATCH {status: completed}
--
-- Usage (scripts/benchmark.sh runs it):
--   wrk -t2 -c50 -d15s -s scripts/bench/lifecycle.lua http://127.0.0.1:PORT \
--       -- <api-key> <path/to/packet.json>
--
-- How the steps are chained: wrk gives Lua no connection identity, and `request()` for a
-- connection runs only when its socket is writable again, so other connections' responses
-- may be handled in between. Each thread therefore keeps a FIFO of follow-up requests:
-- `response()` derives the next step from the response itself (packet id + packet status)
-- and queues it; `request()` sends the oldest queued step, or starts a new lifecycle with
-- a create when the queue is empty. Every response leads to exactly one later request, so
-- each thread always has as many lifecycles in flight as it has connections; a failed
-- step drops its lifecycle (counted in `non2xx`) and the connection starts a new one.
--
-- Finding the packet id: our server serialises JSON objects from a Swift dictionary, so
-- key order is NOT stable (hash order, randomised per process) — the first `"id"` in the
-- body may be `metadata.source_agent.id` or `decisions[0].id`. The packet template uses
-- no UUID-valued nested ids and `parent_packet_id` is null, so the only `"id": "<uuid>"`
-- pair in a response is the top-level packet id; a UUID pattern finds it in one search.
-- This is verified with a depth-aware scan of the top-level object on the first responses
-- of each thread and on every 500th after that (mismatches are counted in `id_mismatch`).
-- Likewise the packet status: nested `"status"` keys exist (dependencies) but only take
-- the values blocked/available/unknown, never a packet status.

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_number", thread_count)
   table.insert(threads, thread)
end

-- Per-thread state (globals so that done() can read them with thread:get).
lifecycles = 0
creates = 0
non2xx = 0
unexpected = 0
id_checks = 0
id_mismatch = 0
first_error = ""

local headers, claim_body
local body_prefix, body_suffix
local seq = 0
local queue, qhead, qtail = {}, 1, 0
local responses_seen = 0

local uuid_pattern = "%x%x%x%x%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x"
local id_pattern = '"id"%s*:%s*"(' .. uuid_pattern .. ')"'

function init(args)
   local api_key = args[1] or os.getenv("HR_API_KEY")
   local template_path = args[2] or "scripts/bench/packet.json"
   if not api_key or api_key == "" then
      error("lifecycle.lua: pass the API key after '--' (wrk ... -- <api-key> <packet.json>)")
   end
   local file = assert(io.open(template_path, "r"), "lifecycle.lua: cannot open " .. template_path)
   local template = file:read("*a")
   file:close()
   -- JSON strings hold no raw newlines, so dropping newline+indentation is safe.
   template = template:gsub("\n%s*", "")
   local marker = template:find("{{SEQ}}", 1, true)
   assert(marker, "lifecycle.lua: the template needs a {{SEQ}} marker")
   body_prefix = template:sub(1, marker - 1)
   body_suffix = template:sub(marker + 7)
   headers = { ["Content-Type"] = "application/json", ["X-API-Key"] = api_key }
   claim_body = '{"agent_id":"bench-worker-' .. ((thread_number or 1) % 2 + 1) ..
      '","agent_name":"BenchWorker","framework":"wrk"}'
end

local function push(req)
   qtail = qtail + 1
   queue[qtail] = req
end

function request()
   if qhead <= qtail then
      local req = queue[qhead]
      queue[qhead] = nil
      qhead = qhead + 1
      return req
   end
   seq = seq + 1
   creates = creates + 1
   local summary_seq = tostring(thread_number or 0) .. "-" .. tostring(seq)
   return wrk.format("POST", "/api/v1/packets", headers, body_prefix .. summary_seq .. body_suffix)
end

-- The value of the top-level "id" member, found by walking the object structure
-- (strings skipped with their escapes); nil when absent.
local function top_level_id(body)
   local depth = 0
   local pos = 1
   while true do
      local at, _, ch = body:find('([{}%[%]"])', pos)
      if not at then return nil end
      if ch == "{" or ch == "[" then
         depth = depth + 1
         pos = at + 1
      elseif ch == "}" or ch == "]" then
         depth = depth - 1
         pos = at + 1
      else
         -- A string: find its closing quote (one not escaped by an odd run of backslashes).
         local close = at
         repeat
            close = body:find('"', close + 1, true)
            if not close then return nil end
            local backslashes = 0
            while body:sub(close - 1 - backslashes, close - 1 - backslashes) == "\\" do
               backslashes = backslashes + 1
            end
         until backslashes % 2 == 0
         local text = body:sub(at + 1, close - 1)
         pos = close + 1
         if depth == 1 and text == "id" then
            local value = body:match('^%s*:%s*"([^"]*)"', pos)
            if value then return value end
         end
      end
   end
end

local function packet_status(body)
   if body:find('"status"%s*:%s*"created"') then return "created" end
   if body:find('"status"%s*:%s*"claimed"') then return "claimed" end
   if body:find('"status"%s*:%s*"in_progress"') then return "in_progress" end
   if body:find('"status"%s*:%s*"completed"') then return "completed" end
   return nil
end

local function note_error(text)
   if first_error == "" then first_error = text:sub(1, 300) end
end

function response(status, _, body)
   responses_seen = responses_seen + 1
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      note_error(tostring(status) .. " " .. (body or ""))
      return
   end
   local id = body:match(id_pattern)
   if not id then
      unexpected = unexpected + 1
      note_error("no packet id in a " .. status .. " response: " .. body)
      return
   end
   if responses_seen <= 8 or responses_seen % 500 == 0 then
      id_checks = id_checks + 1
      local top = top_level_id(body)
      if top ~= id then
         id_mismatch = id_mismatch + 1
         note_error("top-level id " .. tostring(top) .. " differs from matched id " .. id)
      end
   end
   local path = "/api/v1/packets/" .. id
   local state = packet_status(body)
   if state == "created" then
      push(wrk.format("POST", path .. "/claim", headers, claim_body))
   elseif state == "claimed" then
      push(wrk.format("PATCH", path, headers, '{"status":"in_progress"}'))
   elseif state == "in_progress" then
      push(wrk.format("PATCH", path, headers, '{"status":"completed"}'))
   elseif state == "completed" then
      lifecycles = lifecycles + 1
   else
      unexpected = unexpected + 1
      note_error("unknown packet status in response: " .. body:sub(1, 200))
   end
end

function done(summary, latency, requests)
   local totals = { lifecycles = 0, creates = 0, non2xx = 0, unexpected = 0, id_checks = 0, id_mismatch = 0 }
   local errors_text = ""
   for _, thread in ipairs(threads) do
      for name, _ in pairs(totals) do
         totals[name] = totals[name] + (tonumber(thread:get(name)) or 0)
      end
      local text = thread:get("first_error")
      if errors_text == "" and text and text ~= "" then errors_text = text end
   end
   local seconds = summary.duration / 1e6
   local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
   io.write(string.format(
      "RESULT lifecycles=%d lifecycles_per_s=%.1f requests=%d requests_per_s=%.1f " ..
      "p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d unexpected=%d id_checks=%d id_mismatch=%d\n",
      totals.lifecycles, totals.lifecycles / seconds, summary.requests, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, totals.non2xx, socket_errors,
      totals.unexpected, totals.id_checks, totals.id_mismatch))
   if errors_text ~= "" then
      io.write("FIRST_ERROR " .. errors_text:gsub("\n", " ") .. "\n")
   end
end
