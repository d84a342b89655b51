-- POST /api/v1/cases: create a case. Each request is one durable transaction
-- writing the case row (person encrypted), its case_team row and an audit row
-- (and advancing the audit head). The bodies rotate over a few names.
local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")
common.headers()

local people = {
  {"Sokha", "Chan", "KH", "km"},
  {"Malai", "Srisuk", "TH", "th"},
  {"Thi Lan", "Nguyen", "VN", "vi"},
  {"Khin", "Aung", "MM", "my"},
  {"Noy", "Phommachanh", "LA", "lo"},
  {"Dara", "Sok", "KH", "km"},
  {"Ploy", "Chaiyaporn", "TH", "th"},
  {"Mai", "Tran", "VN", "vi"},
}

local next_request
function init(args)
  -- Formatted here, not at load time: wrk adds the Host header to
  -- wrk.headers just before calling init.
  local reqs = {}
  for _, p in ipairs(people) do
    local body = string.format(
      '{"person":{"first_name":"%s","second_name":"%s","gender":"Feminine",' ..
      '"citizenship":["%s"],"languages":["%s"]}}', p[1], p[2], p[3], p[4])
    -- wrk.format uses the headers given instead of wrk.headers: copy them in.
    local headers = {["Content-Type"] = "application/json"}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    reqs[#reqs + 1] = wrk.format("POST", "/api/v1/cases", headers, body)
  end
  next_request = common.rotate(reqs)
end

function request() return next_request() end
done = common.done
