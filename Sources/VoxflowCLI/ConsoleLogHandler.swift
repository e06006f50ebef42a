import Foundation
import Logging

/// swift-log handler for a command-line tool: one line per message on standard error,
/// `voxflow: warning: …` / `voxflow: error: …`, without timestamps.
struct ConsoleLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let tag: String
        switch event.level {
        case .trace, .debug: tag = "debug: "
        case .info, .notice: tag = ""
        case .warning: tag = "warning: "
        case .error, .critical: tag = "error: "
        }
        FileHandle.standardError.write(Data("voxflow: \(tag)\(event.message)\n".utf8))
    }
}

enum Log {
    nonisolated(unsafe) static var logger = Logger(label: "voxflow")

    /// Sets the level from the usual flags: --quiet shows errors only, --verbose shows debug lines.
    static func setup(quiet: Bool, verbose: Bool) {
        LoggingSystem.bootstrap { _ in
            var h = ConsoleLogHandler()
            h.logLevel = quiet ? .error : verbose ? .debug : .info
            return h
        }
        logger = Logger(label: "voxflow")
    }
}
