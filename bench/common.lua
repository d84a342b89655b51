-- Shared by the wrk scripts in bench/: the session header and a one-line,
-- machine-readable summary that scripts/bench.sh parses.
--   TRM_TOKEN: bearer token (from POST /api/v1/auth/sign-in)
local M = {}

function M.headers()
  local token = os.getenv("TRM_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

-- Requests are formatted once, in init, so that wrk's per-request Lua cost is
-- an array lookup (wrk.format on every request would slow the load generator,
-- and it shares the 2 cores with the servers under test).
function M.rotate(reqs)
  local i = 0
  local n = #reqs
  return function()
    i = i + 1
    if i > n then i = 1 end
    return reqs[i]
  end
end

function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d " ..
    "bytes=%d err_status=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    summary.bytes, e.status, e.connect, e.read, e.write, e.timeout))
end

return M
