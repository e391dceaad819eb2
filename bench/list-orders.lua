-- wrk script: the authenticated order list (newest first, a page of 50), with a summary line.
local token = os.getenv("TOKEN")
wrk.headers["Authorization"] = "Bearer " .. token
wrk.path = "/api/orders?limit=50"

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
      + summary.errors.status
  io.write(string.format("order list: %d requests, %.1f requests/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
      .. "max %.2f ms, errors %d (non-2xx %d)\n", summary.requests, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, errors, summary.errors.status))
end
