import CLuaShim
import Foundation

/// One Lua 5.4 state (one per script), used from one thread.
///
/// Safety rules, kept by everything here: Swift never calls a Lua function that can raise an error
/// outside `lua_pcall`, reads values with raw access only (no metamethods run), and host functions
/// report errors by throwing `LuaHostError`, which the C trampoline turns into a Lua error after the
/// Swift frame has returned. So no `longjmp` ever crosses Swift code.
public final class LuaState {
    let L: OpaquePointer
    private var boxes: [HostFunction] = []

    public init(allowNative: Bool) {
        L = luaL_newstate()
        vf_open_libs(L, allowNative ? 1 : 0)
    }

    deinit { lua_close(L) }

    // MARK: Host functions

    final class HostFunction {
        let body: (LuaState, [LuaValue]) throws -> [LuaValue]
        unowned let state: LuaState
        init(_ state: LuaState, _ body: @escaping (LuaState, [LuaValue]) throws -> [LuaValue]) {
            self.state = state
            self.body = body
        }
    }

    /// Sets `table[name]` (table on top of the stack) to a host function.
    func setFunction(_ name: String, _ body: @escaping (LuaState, [LuaValue]) throws -> [LuaValue]) {
        let box = HostFunction(self, body)
        boxes.append(box)
        vf_push_host_function(L, hostDispatch, Unmanaged.passUnretained(box).toOpaque())
        lua_setfield(L, -2, name)
    }

    // MARK: Reading values (never raises)

    func value(at index: Int32, depth: Int = 0) -> LuaValue {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .bool(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(Int(lua_tointegerx(L, index, nil))) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING:
            var len = 0
            guard let p = vf_tostring(L, index, &len) else { return .nil }
            return .string(String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self))
        case LUA_TTABLE:
            guard depth < 32 else { return .opaque("table (nested too deep)") }
            let t = lua_absindex(L, index)
            var fields: [String: LuaValue] = [:]
            var indexed: [Int: LuaValue] = [:]
            lua_pushnil(L)
            while lua_next(L, t) != 0 {
                let v = value(at: -1, depth: depth + 1)
                if lua_type(L, -2) == LUA_TNUMBER && lua_isinteger(L, -2) != 0 {
                    indexed[Int(lua_tointegerx(L, -2, nil))] = v
                } else if lua_type(L, -2) == LUA_TSTRING {
                    var len = 0
                    let p = vf_tostring(L, -2, &len)!
                    fields[String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)] = v
                }
                vf_pop(L, 1)
            }
            var array: [LuaValue] = []
            var i = 1
            while let v = indexed.removeValue(forKey: i) { array.append(v); i += 1 }
            for (k, v) in indexed { fields[String(k)] = v }
            return .table(array: array, fields: fields)
        default:
            return .opaque(String(cString: lua_typename(L, lua_type(L, index))))
        }
    }

    // MARK: Pushing values

    func push(_ v: LuaValue) {
        switch v {
        case .nil, .opaque: lua_pushnil(L)
        case let .bool(b): lua_pushboolean(L, b ? 1 : 0)
        case let .integer(i): lua_pushinteger(L, lua_Integer(i))
        case let .number(d): lua_pushnumber(L, d)
        case let .string(s): push(s)
        case let .table(array, fields):
            lua_createtable(L, Int32(array.count), Int32(fields.count))
            for (i, item) in array.enumerated() {
                push(item)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
            for (k, item) in fields {
                push(k)
                push(item)
                lua_rawset(L, -3)
            }
        }
    }

    func push(_ s: String) {
        var s = s
        s.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in _ = lua_pushlstring(L, chars.baseAddress, chars.count) }
        }
    }

    // MARK: Running code

    /// Runs a chunk of Lua source (the host's own prelude) in protected mode.
    func run(source: String, name: String) -> String? {
        lua_pushcclosure(L, vf_traceback, 0)
        let handler = lua_gettop(L)
        defer { lua_settop(L, handler - 1) }
        if luaL_loadbufferx(L, source, source.utf8.count, "=" + name, "t") != LUA_OK { return value(at: -1).description }
        if vf_pcall(L, 0, 0, handler) != LUA_OK { return value(at: -1).description }
        return nil
    }

    /// Calls global function `name` with arguments, in protected mode; returns its first result.
    func call(global name: String, _ args: [LuaValue]) -> Result<LuaValue, LuaHostError> {
        lua_pushcclosure(L, vf_traceback, 0)
        let handler = lua_gettop(L)
        defer { lua_settop(L, handler - 1) }
        pushGlobals()
        push(name)
        lua_rawget(L, -2)
        vf_remove(L, -2)
        for a in args { push(a) }
        if vf_pcall(L, Int32(args.count), 1, handler) != LUA_OK { return .failure(LuaHostError(value(at: -1).description)) }
        return .success(value(at: -1))
    }

    /// The globals table, read raw from the registry (a script may give _G a metatable).
    func pushGlobals() {
        lua_rawgeti(L, vf_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
    }

    func setDeadline(_ seconds: Double?) {
        guard let seconds else { vf_set_deadline(L, 0); return }
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        vf_set_deadline(L, Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9 + seconds)
    }
}

/// The one C-callable entry for every host function: reads the arguments, runs the Swift body,
/// pushes the results, or pushes the error message and returns -1 (the trampoline raises it).
private func hostDispatch(_ L: OpaquePointer?, _ ctx: UnsafeMutableRawPointer?) -> Int32 {
    let box = Unmanaged<LuaState.HostFunction>.fromOpaque(ctx!).takeUnretainedValue()
    let state = box.state
    let n = lua_gettop(L)
    let args = n > 0 ? (1...n).map { state.value(at: $0) } : []
    do {
        let results = try box.body(state, args)
        for r in results { state.push(r) }
        return Int32(results.count)
    } catch let e as LuaHostError {
        state.push(e.message)
        return -1
    } catch {
        state.push("\(error)")
        return -1
    }
}

extension LuaState {
    /// Runs a file in protected mode and keeps its first return value.
    func runReturning(file path: String, chunkName: String) -> (String?, LuaValue) {
        guard let source = FileManager.default.contents(atPath: path) else {
            return ("cannot read \(path): no such file or not readable", .nil)
        }
        lua_pushcclosure(L, vf_traceback, 0)
        let handler = lua_gettop(L)
        defer { lua_settop(L, handler - 1) }
        let status = source.withUnsafeBytes { buf in
            luaL_loadbufferx(L, buf.baseAddress?.assumingMemoryBound(to: CChar.self), buf.count, "@" + chunkName, "t")
        }
        if status != LUA_OK { return (value(at: -1).description, .nil) }
        if vf_pcall(L, 0, 1, handler) != LUA_OK { return (value(at: -1).description, .nil) }
        return (nil, value(at: -1))
    }

    /// Sets `voxflow.options` (the module table is `package.loaded.voxflow`).
    func setOptions(_ v: LuaValue) {
        lua_rawgeti(L, vf_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        push("voxflow")
        lua_rawget(L, -2)
        if lua_type(L, -1) == LUA_TTABLE {
            push("options")
            push(v)
            lua_rawset(L, -3)
        }
        vf_pop(L, 2)
    }
}

extension LuaState {
    /// The global `arg`: arg[0] the script, arg[1…] its arguments (as the `lua` program does).
    func setArg(script: String, _ arguments: [String]) {
        lua_rawgeti(L, vf_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        push("arg")
        push(.list(arguments.map { .string($0) }))
        push(script)
        lua_rawseti(L, -2, 0)
        lua_rawset(L, -3)
        vf_pop(L, 1)
    }
}

extension LuaState {
    /// Sets global `name` (raw) to a new table that `fill` defines functions in; the table is on
    /// top of the stack while `fill` runs.
    func setGlobalTable(_ name: String, _ fill: () -> Void) {
        pushGlobals()
        push(name)
        vf_newtable(L)
        fill()
        lua_rawset(L, -3)
        vf_pop(L, 1)
    }
}
