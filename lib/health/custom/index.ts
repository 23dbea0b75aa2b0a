export { prepareCustomHealth, withHealthScriptErrors, type CustomHealth } from './custom-health.js';
export { defaultLuaLimits, type LuaLimits } from './lua-vm.js';
