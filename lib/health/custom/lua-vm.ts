import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { LuaEngine, LuaGlobal, LuaWasm } from 'wasmoon';
import { sandboxPrelude } from './sandbox-prelude.js';

/** Per call, as Argo CD gives its scripts a second and Sluice a Lambda of 512 MB that assesses many objects. */
export interface LuaLimits {
  timeMs: number;
  memoryBytes: number;
}

export const defaultLuaLimits: LuaLimits = { timeMs: 100, memoryBytes: 16 * 1024 * 1024 };

export type LuaOutcome =
  | { kind: 'ok'; status: string; message?: string }
  | { kind: 'error'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'time-limit' }
  | { kind: 'memory-limit' };

/** How often (in VM instructions) the clock is checked. */
const hookInterval = 1000;
const timeLimitMessage = 'sluice: time limit exceeded';
/** Lua 5.4's message for a failed allocation. */
const outOfMemory = 'not enough memory';
/** Deeper JSON is not handed to a script (the API server's objects are nowhere near it). */
const maxDepth = 256;
const countHookMask = 8;
/** The garbage the VM may carry between calls before a full collection, in KiB. */
const collectAboveKb = 32 * 1024;

/**
 * One Lua 5.4 VM (wasmoon: the reference interpreter compiled to WebAssembly) for health scripts. The VM has its own
 * linear memory and no access to the host: the sandbox prelude leaves scripts the libraries Argo CD gives them, and
 * every call runs with a deadline (an instruction-count hook reads the clock) and a memory ceiling (the VM's
 * allocator refuses past it). Calls are synchronous; only starting the VM is not.
 */
export class LuaVm {
  #expired = false;
  #deadline = Infinity;
  readonly #compiled = new Map<string, { id: number } | { error: string }>();

  private constructor(private readonly engine: LuaEngine, readonly limits: LuaLimits) {
    const lua = this.lua;
    const hook = lua.module.addFunction((state: number) => {
      if (Date.now() <= this.#deadline) return;
      this.#expired = true;
      lua.lua_pushstring(state, timeLimitMessage);
      lua.lua_error(state);
    }, 'vii');
    lua.lua_sethook(this.state, hook, countHookMask, hookInterval);
    const expired = lua.module.addFunction((state: number) => {
      lua.lua_pushboolean(state, this.#expired ? 1 : 0);
      return 1;
    }, 'ii');
    lua.lua_pushcclosure(this.state, expired, 0);
    lua.lua_setglobal(this.state, '__sluice_expired');
    lua.lua_pushstring(this.state, timeLimitMessage);
    lua.lua_setglobal(this.state, '__sluice_time_limit_message');
    engine.doStringSync(sandboxPrelude);
  }

  static async start(limits: LuaLimits = defaultLuaLimits): Promise<LuaVm> {
    // Loaded on first use: processes that never meet a health script do not parse the VM.
    const { LuaFactory } = await import('wasmoon');
    const factory = new LuaFactory(wasmLocation());
    const engine = await factory.createEngine({ openStandardLibs: true, injectObjects: false, enableProxy: false, traceAllocations: true });
    return new LuaVm(engine, limits);
  }

  private get global(): LuaGlobal {
    return this.engine.global;
  }

  private get lua(): LuaWasm {
    return this.engine.global.lua;
  }

  private get state(): number {
    return this.engine.global.address;
  }

  /** Compiles a script once per VM; the same text is compiled once whatever the number of keys naming it. */
  compile(source: string): { id: number } | { error: string } {
    const known = this.#compiled.get(source);
    if (known) return known;
    const { lua, state } = this;
    const top = lua.lua_gettop(state);
    lua.lua_getglobal(state, '__sluice_compile');
    lua.lua_pushstring(state, source);
    const code = lua.lua_pcallk(state, 1, 2, 0, 0, null);
    const result = code !== 0 ? { error: lua.lua_tolstring(state, -1, null) }
      : lua.lua_type(state, -2) === luaNumber ? { id: Number(lua.lua_tonumberx(state, -2, null)) }
        : { error: lua.lua_tolstring(state, -1, null) };
    lua.lua_settop(state, top);
    this.#compiled.set(source, result);
    return result;
  }

  /** Runs a compiled script with `obj` set to `object`; never throws for anything the script does. */
  run(id: number, object: unknown, openLibs: boolean): LuaOutcome {
    const { lua, state, global } = this;
    const top = lua.lua_gettop(state);
    try {
      lua.lua_getglobal(state, '__sluice_collect');
      lua.lua_pushinteger(state, BigInt(collectAboveKb));
      lua.lua_pcallk(state, 1, 0, 0, 0, null);
      lua.lua_settop(state, top);

      lua.lua_getglobal(state, '__sluice_run');
      lua.lua_pushinteger(state, BigInt(id));
      if (!this.push(object, 0)) {
        return { kind: 'invalid', message: `the object nests deeper than ${maxDepth} levels; not handed to the script` };
      }
      lua.lua_pushboolean(state, openLibs ? 1 : 0);
      this.#expired = false;
      global.setMemoryMax(global.getMemoryUsed() + this.limits.memoryBytes);
      this.#deadline = Date.now() + this.limits.timeMs;
      const code = lua.lua_pcallk(state, 3, 3, 0, 0, null);
      this.#deadline = Infinity;
      global.setMemoryMax(undefined);
      if (this.#expired) return { kind: 'time-limit' };
      if (code !== 0) {
        const message = lua.lua_tolstring(state, -1, null) ?? '';
        return message === outOfMemory ? { kind: 'memory-limit' } : { kind: 'error', message };
      }
      const kind = lua.lua_tolstring(state, -3, null);
      const first = lua.lua_type(state, -2) === luaString ? lua.lua_tolstring(state, -2, null) : undefined;
      const second = lua.lua_type(state, -1) === luaString ? lua.lua_tolstring(state, -1, null) : undefined;
      if (kind === 'ok') return { kind, status: first ?? '', ...(second !== undefined ? { message: second } : {}) };
      if (first === outOfMemory) return { kind: 'memory-limit' };
      return { kind: kind === 'error' ? 'error' : 'invalid', message: first ?? '' };
    } finally {
      this.#deadline = Infinity;
      global.setMemoryMax(undefined);
      lua.lua_settop(state, top);
    }
  }

  /**
   * Pushes JSON data as Lua values: objects and arrays as tables (arrays from 1), null as nil, whole numbers as
   * integers. Through the module's raw exports, not wasmoon's wrappers: a large object is thousands of calls.
   */
  private push(value: unknown, depth: number): boolean {
    const raw = this.raw;
    const state = this.state;
    if (depth > maxDepth || !raw._lua_checkstack(state, 3)) return false;
    if (value === null || value === undefined) raw._lua_pushnil(state);
    else if (typeof value === 'boolean') raw._lua_pushboolean(state, value ? 1 : 0);
    else if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) raw._lua_pushinteger(state, BigInt(value));
      else raw._lua_pushnumber(state, value);
    } else if (typeof value === 'string') this.pushString(value);
    else if (Array.isArray(value)) {
      raw._lua_createtable(state, value.length, 0);
      for (let index = 0; index < value.length; index++) {
        if (!this.push(value[index], depth + 1)) return false;
        raw._lua_rawseti(state, -2, BigInt(index + 1));
      }
    } else if (typeof value === 'object') {
      const entries = Object.entries(value);
      raw._lua_createtable(state, 0, entries.length);
      for (const [key, item] of entries) {
        this.pushString(key);
        if (!this.push(item, depth + 1)) return false;
        raw._lua_rawset(state, -3);
      }
    } else raw._lua_pushnil(state);
    return true;
  }

  #scratch = { pointer: 0, size: 0 };

  /** A string as UTF-8 with its length (so NUL bytes survive), written into a scratch buffer the VM copies from. */
  private pushString(text: string): void {
    const raw = this.raw;
    const needed = text.length * 3;
    if (needed > this.#scratch.size) {
      if (this.#scratch.pointer) raw._free(this.#scratch.pointer);
      const size = Math.max(4096, needed * 2);
      this.#scratch = { pointer: raw._malloc(size), size };
    }
    const { pointer, size } = this.#scratch;
    const { written } = utf8.encodeInto(text, raw.HEAPU8.subarray(pointer, pointer + size));
    raw._lua_pushlstring(this.state, pointer, written);
  }

  private get raw(): RawLua {
    return this.lua.module as unknown as RawLua;
  }
}

/** The Lua C API as the WebAssembly module exports it. */
interface RawLua {
  HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(pointer: number): void;
  _lua_checkstack(state: number, n: number): number;
  _lua_pushnil(state: number): void;
  _lua_pushboolean(state: number, value: number): void;
  _lua_pushinteger(state: number, value: bigint): void;
  _lua_pushnumber(state: number, value: number): void;
  _lua_pushlstring(state: number, pointer: number, length: number): number;
  _lua_createtable(state: number, arrayItems: number, fields: number): void;
  _lua_rawseti(state: number, index: number, n: bigint): void;
  _lua_rawset(state: number, index: number): void;
}

const utf8 = new TextEncoder();

const luaNumber = 3;
const luaString = 4;

/**
 * wasmoon's WebAssembly file: beside this module when bundled (the Lambda package copies it there), else in the
 * installed package.
 */
function wasmLocation(): string {
  const beside = fileURLToPath(new URL('glue.wasm', import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve('wasmoon/dist/glue.wasm');
}

let started: Promise<LuaVm> | undefined;

/** The process's VM, started on first use; a VM that failed to start is tried again on the next call. */
export function luaVm(): Promise<LuaVm> {
  started ??= LuaVm.start().catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}
