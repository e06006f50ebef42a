#include "vf_lua.h"
#include <time.h>

static int trampoline(lua_State *L) {
    vf_host_fn fn = (vf_host_fn)lua_touserdata(L, lua_upvalueindex(1));
    void *ctx = lua_touserdata(L, lua_upvalueindex(2));
    int n = fn(L, ctx);           /* Swift runs and returns here before anything can longjmp */
    /* Message on top: raise it. The voxflow module's wrappers re-raise it at the script's own
       "file:line:" (the first frame outside the module). */
    if (n < 0) return lua_error(L);
    return n;
}

void vf_push_host_function(lua_State *L, vf_host_fn fn, void *ctx) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushlightuserdata(L, ctx);
    lua_pushcclosure(L, trampoline, 2);
}

int vf_traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static double deadline_of(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, "voxflow.deadline");
    double d = lua_tonumber(L, -1);
    lua_pop(L, 1);
    return d;
}

static void hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double now = ts.tv_sec + ts.tv_nsec / 1e9, d = deadline_of(L);
    if (d > 0 && now > d) {
        luaL_where(L, 0);  /* the line that was running */
        lua_pushstring(L, "timeout: the script ran past its time limit (--timeout)");
        lua_concat(L, 2);
        lua_error(L);
    }
}

void vf_set_deadline(lua_State *L, double deadline) {
    lua_pushnumber(L, deadline);
    lua_setfield(L, LUA_REGISTRYINDEX, "voxflow.deadline");
    lua_sethook(L, deadline > 0 ? hook : NULL, deadline > 0 ? LUA_MASKCOUNT : 0, 1000);
}

void vf_open_libs(lua_State *L, int allow_native) {
    luaL_openlibs(L);
    if (allow_native) return;
    lua_getglobal(L, "package");
    lua_pushnil(L);
    lua_setfield(L, -2, "loadlib");
    lua_getfield(L, -1, "searchers");   /* keep the preload and Lua searchers only */
    lua_pushnil(L); lua_rawseti(L, -2, 4);
    lua_pushnil(L); lua_rawseti(L, -2, 3);
    lua_pop(L, 1);
    lua_pushstring(L, "");
    lua_setfield(L, -2, "cpath");
    lua_pop(L, 1);
}
