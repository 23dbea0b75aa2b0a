/**
 * The Lua half of the sandbox, run once when the VM starts. It keeps what it needs in locals, builds a fresh
 * environment for every call (so one script cannot leave anything behind for the next), and leaves the global
 * table to the host: scripts run with their own `_ENV` and never see it.
 *
 * What a script gets, after Argo CD (util/lua/lua.go): the base library without `load`, `loadstring`, `dofile`,
 * `loadfile` and `collectgarbage`; `table`; a safe `os` (`clock`, `date`, `difftime`, `time`); and `require` for those
 * modules only. With useOpenLibs also `string` (and string methods), `math`, `utf8` and `coroutine`. Never `io`,
 * the rest of `os`, `debug` or `package`: Argo CD's open libraries include them, but on a worker they would read
 * its files and environment (its AWS credentials).
 */
export const sandboxPrelude = String.raw`
local next, pcall, xpcall, error, type, tostring, rawget, setmetatable, select = next, pcall, xpcall, error, type, tostring, rawget, setmetatable, select
local setupvalue = debug.setupvalue
local load, collectgarbage = load, collectgarbage
local expired = __sluice_expired
local timeLimit = __sluice_time_limit_message
local stringLib, tableLib, mathLib, utf8Lib, coroutineLib, osLib = string, table, math, utf8, coroutine, os

local function copy(library)
  local out = {}
  for key, value in next, library do out[key] = value end
  return out
end

-- A script's pcall must not swallow the time limit: once it has passed, every protected call fails outwards.
local function outwardsIfExpired(ok, ...)
  if not ok and expired() then error(timeLimit, 0) end
  return ok, ...
end

local base = {}
for _, name in next, { 'assert', 'error', 'getmetatable', 'ipairs', 'next', 'pairs', 'rawequal', 'rawget', 'rawlen', 'rawset', 'select', 'setmetatable', 'tonumber', 'tostring', 'type' } do
  base[name] = _G[name]
end
base._VERSION = _VERSION
base.print = function() end
-- A finalizer would run later, outside the call and its time limit: metatables with __gc are refused.
local setMetatable = setmetatable
base.setmetatable = function(t, mt)
  if type(mt) == 'table' and rawget(mt, '__gc') ~= nil then error('__gc metamethods are not allowed in health scripts', 2) end
  return setMetatable(t, mt)
end
base.pcall = function(f, ...) return outwardsIfExpired(pcall(f, ...)) end
base.xpcall = function(f, handler, ...) return outwardsIfExpired(xpcall(f, handler, ...)) end

local safeOs = { clock = osLib.clock, date = osLib.date, difftime = osLib.difftime, time = osLib.time }
local coroutineResume = coroutineLib.resume
local openLibs = false

-- String methods ("abc"):upper() go through the strings' shared metatable: offered only to useOpenLibs scripts.
local stringMeta = getmetatable('')
stringMeta.__metatable = false
stringMeta.__index = function(_, key)
  if openLibs then return stringLib[key] end
  error('string methods need the string library: set resource.customizations.useOpenLibs.<group>_<kind> to "true"', 2)
end

local function newEnv(withOpenLibs)
  local env = copy(base)
  env._G = env
  env.table = copy(tableLib)
  env.os = copy(safeOs)
  local modules = { table = env.table, os = env.os }
  if withOpenLibs then
    env.string = copy(stringLib)
    env.math = copy(mathLib)
    env.utf8 = copy(utf8Lib)
    env.coroutine = copy(coroutineLib)
    env.coroutine.resume = function(co, ...) return outwardsIfExpired(coroutineResume(co, ...)) end
    modules.string, modules.math, modules.utf8, modules.coroutine = env.string, env.math, env.utf8, env.coroutine
  end
  env.require = function(name)
    local module = modules[name]
    if module == nil then error('module ' .. tostring(name) .. ' is not available in Sluice\'s Lua sandbox' .. (withOpenLibs and '' or ' without useOpenLibs'), 2) end
    return module
  end
  return env
end

local compiled = {}
local detached = {}

function __sluice_compile(source)
  local chunk, problem = load(source, '=health.lua', 't', detached)
  if not chunk then return nil, problem end
  compiled[#compiled + 1] = chunk
  return #compiled
end

local function describeError(value)
  if type(value) == 'string' then return value end
  if type(value) == 'number' then return tostring(value) end
  return 'the script raised an error value of type ' .. type(value)
end

-- 'ok', status, message | 'error', message | 'invalid', problem
function __sluice_run(id, obj, withOpenLibs)
  local chunk = compiled[id]
  local env = newEnv(withOpenLibs)
  env.obj = obj
  setupvalue(chunk, 1, env)
  openLibs = withOpenLibs
  local ok, result = pcall(chunk)
  openLibs = false
  setupvalue(chunk, 1, detached)
  if not ok then return 'error', describeError(result) end
  if type(result) ~= 'table' then return 'invalid', 'returned ' .. type(result) .. ' instead of a table such as { status = "Healthy", message = "..." }' end
  local status, message = rawget(result, 'status'), rawget(result, 'message')
  if type(message) == 'number' then message = tostring(message) end
  if message ~= nil and type(message) ~= 'string' then return 'invalid', 'returned a message of type ' .. type(message) .. '; it should be a string' end
  if type(status) ~= 'string' then return 'invalid', 'returned ' .. (status == nil and 'no status' or 'a status of type ' .. type(status)), message end
  return 'ok', status, message
end

function __sluice_collect(limitKb)
  if collectgarbage('count') > limitKb then collectgarbage('collect') end
end

-- The host keeps its handles; the script-visible world is built by newEnv above.
for _, name in next, { 'io', 'os', 'debug', 'package', 'require', 'load', 'loadstring', 'dofile', 'loadfile', 'collectgarbage', 'string', 'math', 'utf8', 'coroutine', 'table', 'print' } do
  _G[name] = nil
end
`;
