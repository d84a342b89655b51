-- GET /api/v1/cases?page_size=20: the first page of the user's cases.
local common = dofile(os.getenv("BENCH_DIR") .. "/common.lua")
common.headers()
wrk.method = "GET"
wrk.path = "/api/v1/cases?page_size=20"
done = common.done
