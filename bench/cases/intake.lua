-- wrk script for bench_intake.py: one connection per thread (-t N -c N), so each response
-- belongs to the request just sent. Every key is sent once, or twice (a client retrying after
-- a lost answer) with probability BENCH_RETRY_SHARE. Keys answered with an accepted status are
-- written to BENCH_ACKS-<thread>, so the benchmark can check that none was lost.
local token = os.getenv("BENCH_TOKEN")
local path = os.getenv("BENCH_PATH")
local share = tonumber(os.getenv("BENCH_RETRY_SHARE"))
local template = os.getenv("BENCH_BODY")
local accepted = {}
for code in string.gmatch(os.getenv("BENCH_OK"), "%d+") do accepted[tonumber(code)] = true end
local threads = {}
local counter, sends_left, current, acks = 0, 0, nil, nil

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  math.randomseed(id * 7919)
  acks = io.open(os.getenv("BENCH_ACKS") .. "-" .. id, "w")
end

function request()
  if sends_left == 0 then
    counter = counter + 1
    current = "w" .. id .. "-" .. counter
    if math.random() < share then sends_left = 2 else sends_left = 1 end
  end
  sends_left = sends_left - 1
  local body = string.gsub(template, "KEYMARK", current)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Token " .. token,
    ["Idempotency-Key"] = current,
  }, body)
end

function response(status, headers, body)
  if accepted[status] then
    acks:write(current, "\n")
    acks:flush()
  end
end

function done(summary, latency, requests)
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, '
    .. '"status": %d, "timeout": %d, "p50_ms": %.1f, "p99_ms": %.1f}\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
