-- GET one case, rotating over the case ids the signed-in user can see.
--   TRM_CASE_IDS: comma-separated ids (scripts/bench.sh takes them from a list call)
-- Used unchanged against nginx (which answers any /api/v1/cases/{id} with a
-- static file of the same size), so both see the very same request bytes.
local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")
common.headers()

-- Each wrk thread has its own Lua state; setup (run in the main state) numbers them.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local next_request
function init(args)
  -- Formatted here, not at load time: wrk adds the Host header to
  -- wrk.headers just before calling init.
  local ids = {}
  for id in string.gmatch(os.getenv("TRM_CASE_IDS") or "1", "%d+") do ids[#ids + 1] = id end
  -- Start each thread at a different place in the rotation.
  local shift = ((tid or 1) - 1) * 7
  local reqs = {}
  for k = 1, #ids do
    reqs[k] = wrk.format("GET", "/api/v1/cases/" .. ids[((k + shift - 1) % #ids) + 1])
  end
  next_request = common.rotate(reqs)
end

function request() return next_request() end
done = common.done
