import Foundation

/// Whether a JACK server is running, asked the way a client would (`jack_client_open` with
/// JackNoStartServer), through libjack loaded on first use: the server does not link libjack.
enum JackProbe {
    private typealias Open = @convention(c) (UnsafePointer<CChar>, Int32, UnsafeMutablePointer<Int32>?) -> OpaquePointer?
    private typealias Close = @convention(c) (OpaquePointer) -> Int32
    private typealias Rate = @convention(c) (OpaquePointer) -> UInt32
    private typealias ErrorFunction = @convention(c) (@convention(c) (UnsafePointer<CChar>?) -> Void) -> Void

    /// `["running": true, "sample_rate": 48000]`, or why not.
    static func state() -> [String: Any] {
        guard let lib = dlopen("libjack.so.0", RTLD_NOW | RTLD_LOCAL) else {
            return ["running": false, "reason": "libjack is not installed"]
        }
        guard let o = dlsym(lib, "jack_client_open"), let c = dlsym(lib, "jack_client_close"), let r = dlsym(lib, "jack_get_sample_rate")
        else { return ["running": false, "reason": "libjack lacks jack_client_open"] }
        if let e = dlsym(lib, "jack_set_error_function"), let i = dlsym(lib, "jack_set_info_function") {
            unsafeBitCast(e, to: ErrorFunction.self)({ _ in })
            unsafeBitCast(i, to: ErrorFunction.self)({ _ in })
        }
        var status: Int32 = 0
        let noStartServer: Int32 = 0x01
        guard let client = unsafeBitCast(o, to: Open.self)("voxflow-health", noStartServer, &status) else {
            return ["running": false, "server": ProcessInfo.processInfo.environment["JACK_DEFAULT_SERVER"] ?? "default"]
        }
        let rate = unsafeBitCast(r, to: Rate.self)(client)
        _ = unsafeBitCast(c, to: Close.self)(client)
        return ["running": true, "sample_rate": Int(rate), "server": ProcessInfo.processInfo.environment["JACK_DEFAULT_SERVER"] ?? "default"]
    }
}
