-- wrk script: each request places a resting limit buy (far below the market, so it never fills) with a fresh
-- client order id, round-robin over the paper accounts in ACCOUNTS (comma-separated).
local threads = {}
local counter = 0
local accounts = {}
for id in string.gmatch(os.getenv("ACCOUNTS"), "[^,]+") do
  table.insert(accounts, id)
end
local instrument = os.getenv("INSTRUMENT")
local token = os.getenv("TOKEN")

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + tid)
  prefix = string.format("b%d-%d-", tid, math.random(1, 1000000000))
end

function request()
  counter = counter + 1
  local account = accounts[(counter % #accounts) + 1]
  local body = string.format('{"accountId":"%s","clientOrderId":"%s%d","instrument":"%s","side":"buy",'
      .. '"type":"limit","quantity":"0.001","limitPrice":"1000.00"}', account, prefix, counter, instrument)
  return wrk.format("POST", "/api/orders", {["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token}, body)
end

local created = 0
local other = 0
function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("placement: %d requests, %.1f requests/s, p50 %.1f ms, p99 %.1f ms, non-2xx %d\n",
      summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, summary.errors.status))
end
