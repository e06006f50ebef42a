/*
 * Helpers for calling Lua 5.4 from Swift safely.
 *
 * Lua raises errors with longjmp. A longjmp must never cross a Swift frame, so:
 *  - host functions are Swift functions of type vf_host_fn, registered through a C trampoline
 *    (vf_push_host_function). A host function returns the number of results, or -1 after
 *    pushing an error message; the trampoline then raises the error from C, after Swift returned;
 *  - Swift code reads Lua values only with functions that cannot raise (raw access, lua_type,
 *    lua_tonumberx, lua_toboolean, vf_tostring on strings and numbers);
 *  - Swift calls into Lua only through lua_pcall, with vf_traceback as the message handler.
 */
#ifndef VF_LUA_H
#define VF_LUA_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

typedef int (*vf_host_fn)(lua_State *L, void *ctx);

/* Pushes a Lua function that calls fn(L, ctx). */
void vf_push_host_function(lua_State *L, vf_host_fn fn, void *ctx);

/* Message handler for lua_pcall: the message with "file:line:" plus a stack traceback. */
int vf_traceback(lua_State *L);

/* Stops the script with the error "timeout: …" once CLOCK_MONOTONIC passes `deadline` (seconds);
   checked every 1000 VM instructions. deadline <= 0 turns it off. */
void vf_set_deadline(lua_State *L, double deadline);

/* Opens the standard libraries; without `allow_native`, `package.loadlib` and the C searchers
   are removed so that `require` loads only Lua source files. */
void vf_open_libs(lua_State *L, int allow_native);

static inline void vf_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void vf_remove(lua_State *L, int i) { lua_remove(L, i); }
static inline void vf_newtable(lua_State *L) { lua_newtable(L); }
static inline int vf_pcall(lua_State *L, int nargs, int nresults, int msgh) { return lua_pcall(L, nargs, nresults, msgh); }
static inline int vf_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline int vf_registryindex(void) { return LUA_REGISTRYINDEX; }
/* The string at `i` if it is a string or a number (never raises but on memory exhaustion). */
static inline const char *vf_tostring(lua_State *L, int i, size_t *len) {
    int t = lua_type(L, i);
    return (t == LUA_TSTRING || t == LUA_TNUMBER) ? lua_tolstring(L, i, len) : NULL;
}

#endif
