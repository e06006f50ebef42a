import CSherpa
import Foundation

/// Finds and loads sherpa-onnx's C library once per process, and finds the model checker.
///
/// Where the library is looked for, in order (no Python is run):
/// 1. `VOXFLOW_SHERPA_LIB`: the .so itself or the folder holding it;
/// 2. `sherpa_onnx/lib/` in the site-packages folders of the usual Python installs (`PythonSitePackages`).
enum SherpaLibrary {
    static let fileName = "libsherpa-onnx-c-api.so"

    /// The loaded library's version, or why it could not be loaded. Evaluated once (control thread, first use).
    static let loaded: Result<String, SherpaError> = {
        let found = Self.candidates(environment: ProcessInfo.processInfo.environment)
        guard let path = found.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            return .failure(.libraryNotFound(searched: searchedDescription(found)))
        }
        var message = [CChar](repeating: 0, count: 1024)
        guard vf_sherpa_open(path, &message, Int32(message.count)) == 0 else {
            return .failure(.libraryRefused(String(cString: message)))
        }
        libraryPath = path
        return .success(String(cString: vf_sherpa_version()))
    }()

    nonisolated(unsafe) private(set) static var libraryPath = ""

    /// Loads the library (once); throws what went wrong.
    static func require() throws -> String {
        switch loaded {
        case let .success(v): return v
        case let .failure(e): throw e
        }
    }

    /// Every path the library may be at, most specific first.
    static func candidates(environment env: [String: String]) -> [String] {
        var out: [String] = []
        if let p = env["VOXFLOW_SHERPA_LIB"], !p.isEmpty {
            var isDir: ObjCBool = false
            out.append(FileManager.default.fileExists(atPath: p, isDirectory: &isDir) && isDir.boolValue ? p + "/" + fileName : p)
        }
        return out + PythonSitePackages.candidates(environment: env).map { "\($0)/sherpa_onnx/lib/\(fileName)" }
    }

    /// The searched places, shortened for an error message.
    private static func searchedDescription(_ candidates: [String]) -> [String] {
        let folders = candidates.map { $0.replacingOccurrences(of: "/sherpa_onnx/lib/\(fileName)", with: "") }
        var seen = Set<String>()
        return ["$VOXFLOW_SHERPA_LIB"] + folders.filter { seen.insert($0).inserted }.prefix(8) + (folders.count > 8 ? ["…"] : [])
    }

    /// The model checker: `VOXFLOW_SHERPA_CHECK`, or VoxflowSherpaCheck next to this plugin's library, next to the
    /// running executable, or on PATH.
    static func checker() throws -> String {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let c = env["VOXFLOW_SHERPA_CHECK"], !c.isEmpty { candidates.append(c) }
        let selfPath = String(cString: vf_sherpa_self_path())
        if !selfPath.isEmpty { candidates.append((selfPath as NSString).deletingLastPathComponent + "/VoxflowSherpaCheck") }
        candidates.append((CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/VoxflowSherpaCheck")
        candidates += (env["PATH"] ?? "").split(separator: ":").map { "\($0)/VoxflowSherpaCheck" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw SherpaError.checkerMissing(searched: Array(candidates.prefix(3)))
        }
        return found
    }
}
