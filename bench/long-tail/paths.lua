-- wrk: each request a path of its own from the file named by PATHS (one a line); thread i of THREADS
-- takes lines i, i+THREADS, ..., so no two requests of a run repeat a path while lines last.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("PATHS")) do
    paths[#paths + 1] = line
  end
  step = tonumber(os.getenv("THREADS") or "1")
  index = id + 1
end

function request()
  local path = paths[index]
  index = index + step
  if index > #paths then index = (index - 1) % #paths + 1 end
  return wrk.format("GET", path)
end
