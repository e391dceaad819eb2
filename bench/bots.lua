-- wrk script: the authenticated bot list (a page of 50, each bot with its portfolio), with a summary line. LABEL renames the line.
local token = os.getenv("TOKEN")
local label = os.getenv("LABEL") or "bot list"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.path = "/api/bots?limit=50"

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("%s: %d requests, %.1f requests/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
      .. "max %.2f ms, errors %d (non-2xx %d, time-outs %d)\n", label, summary.requests,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, errors, summary.errors.status, summary.errors.timeout))
end
