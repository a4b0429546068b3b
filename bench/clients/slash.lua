-- wrk script: signed slash commands, as Slack sends them, on wrk's kept-alive connections.
--
--   BENCH_SECRET=… BENCH_TEXT=list wrk -t2 -c50 -d10s -s bench/clients/slash.lua \
--     http://127.0.0.1:PORT/slack/events
--
-- Every request carries X-Slack-Request-Timestamp and X-Slack-Signature (HMAC-SHA256 over
-- "v0:<timestamp>:<body>", computed here in LuaJIT). The body only changes with the timestamp, so
-- each wrk thread signs once a second. At the end it prints one line for bench/run Peer:
--   WRK-RESULT requests=… duration_us=… p50_us=… p90_us=… p99_us=… max_us=… errors=… non2xx=…
-- Environment: BENCH_SECRET (required), BENCH_TEXT (default "list"), BENCH_CHANNEL, BENCH_USER,
-- BENCH_TEAM, BENCH_APP (defaults: the fake Slack's seeded ids).

local bit = require("bit")
local band, bor, bxor, bnot = bit.band, bit.bor, bit.bxor, bit.bnot
local rshift, lshift, ror, tobit = bit.rshift, bit.lshift, bit.ror, bit.tobit

local K = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

local function sha256(message)
  local length = #message
  local padded = message .. "\128" .. string.rep("\0", (55 - length) % 64)
    .. string.char(0, 0, 0, 0,
      band(rshift(length * 8, 24), 255), band(rshift(length * 8, 16), 255),
      band(rshift(length * 8, 8), 255), band(length * 8, 255))
  local h0, h1, h2, h3 = 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a
  local h4, h5, h6, h7 = 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  local w = {}
  for chunk = 1, #padded, 64 do
    for i = 0, 15 do
      local a, b, c, d = padded:byte(chunk + i * 4, chunk + i * 4 + 3)
      w[i] = bor(lshift(a, 24), lshift(b, 16), lshift(c, 8), d)
    end
    for i = 16, 63 do
      local v15, v2 = w[i - 15], w[i - 2]
      local s0 = bxor(ror(v15, 7), ror(v15, 18), rshift(v15, 3))
      local s1 = bxor(ror(v2, 17), ror(v2, 19), rshift(v2, 10))
      w[i] = tobit(w[i - 16] + s0 + w[i - 7] + s1)
    end
    local a, b, c, d, e, f, g, h = h0, h1, h2, h3, h4, h5, h6, h7
    for i = 0, 63 do
      local s1 = bxor(ror(e, 6), ror(e, 11), ror(e, 25))
      local ch = bxor(band(e, f), band(bnot(e), g))
      local t1 = tobit(h + s1 + ch + K[i + 1] + w[i])
      local s0 = bxor(ror(a, 2), ror(a, 13), ror(a, 22))
      local maj = bxor(band(a, b), band(a, c), band(b, c))
      local t2 = tobit(s0 + maj)
      h, g, f, e = g, f, e, tobit(d + t1)
      d, c, b, a = c, b, a, tobit(t1 + t2)
    end
    h0, h1, h2, h3 = tobit(h0 + a), tobit(h1 + b), tobit(h2 + c), tobit(h3 + d)
    h4, h5, h6, h7 = tobit(h4 + e), tobit(h5 + f), tobit(h6 + g), tobit(h7 + h)
  end
  local out = {}
  for _, v in ipairs({ h0, h1, h2, h3, h4, h5, h6, h7 }) do
    out[#out + 1] = string.char(band(rshift(v, 24), 255), band(rshift(v, 16), 255),
      band(rshift(v, 8), 255), band(v, 255))
  end
  return table.concat(out)
end

local function hmac_sha256_hex(key, message)
  if #key > 64 then
    key = sha256(key)
  end
  key = key .. string.rep("\0", 64 - #key)
  local inner, outer = {}, {}
  for i = 1, 64 do
    inner[i] = string.char(bxor(key:byte(i), 0x36))
    outer[i] = string.char(bxor(key:byte(i), 0x5c))
  end
  local digest = sha256(table.concat(outer) .. sha256(table.concat(inner) .. message))
  return (digest:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local secret = os.getenv("BENCH_SECRET") or error("BENCH_SECRET is required")
local fields = {
  { "token", "bench-verification-token" },
  { "team_id", os.getenv("BENCH_TEAM") or "T0FAKE" },
  { "team_domain", "sevzero-bench" },
  { "channel_id", os.getenv("BENCH_CHANNEL") or "C0GENERAL" },
  { "channel_name", "general" },
  { "user_id", os.getenv("BENCH_USER") or "UALICE" },
  { "user_name", "alice" },
  { "command", "/incident" },
  { "text", os.getenv("BENCH_TEXT") or "list" },
  { "api_app_id", os.getenv("BENCH_APP") or "A0FAKE" },
  { "is_enterprise_install", "false" },
  { "response_url", "http://127.0.0.1:9/unused-response-url" },
  { "trigger_id", "bench.trigger.wrk" },
}
local pairs_encoded = {}
for i, field in ipairs(fields) do
  pairs_encoded[i] = urlencode(field[1]) .. "=" .. urlencode(field[2])
end
local body = table.concat(pairs_encoded, "&")

local signed_at, signed_request = nil, nil

function request()
  local now = os.time()
  if now ~= signed_at then
    local timestamp = tostring(now)
    signed_request = wrk.format("POST", nil, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Slack-Request-Timestamp"] = timestamp,
      ["X-Slack-Signature"] = "v0=" .. hmac_sha256_hex(secret, "v0:" .. timestamp .. ":" .. body),
    }, body)
    signed_at = now
  end
  return signed_request
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "WRK-RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d errors=%d non2xx=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end
