import ArgumentParser
import Foundation
import VoxflowApp

/// Messages for people go to standard error; data (JSON, listings) to standard output.
enum Console {
    static func info(_ s: String) { Log.logger.info("\(s)") }
    static func warn(_ s: String) { Log.logger.warning("\(s)") }
    static func debug(_ s: @autoclosure () -> String) { Log.logger.debug("\(s())") }

    /// Logs the error and returns the exit code to throw.
    static func fail(_ s: String) -> ExitCode {
        Log.logger.error("\(s)")
        return ExitCode(1)
    }

    static func printStats(_ report: SayReport, elapsed: Double) {
        var rows: [[String: Any]] = []
        var realtime = timespec()
        clock_gettime(CLOCK_REALTIME, &realtime)
        var mono = timespec()
        clock_gettime(CLOCK_MONOTONIC, &mono)
        // Wall-clock time of the first audio, for tools that timed the process from outside.
        let offset = Double(realtime.tv_sec) + Double(realtime.tv_nsec) / 1e9 - (Double(mono.tv_sec) + Double(mono.tv_nsec) / 1e9)
        for u in report.utterances {
            var row: [String: Any] = ["id": u.id, "frames": u.frames, "seconds": Double(u.frames) / Double(report.rate),
                                      "total_ms": Double(u.totalTime) / 1e6]
            if let t = u.timeToFirstAudio { row["time_to_first_audio_ms"] = Double(t) / 1e6 }
            if let at = u.firstAudioAt { row["first_audio_unix"] = Double(at) / 1e9 + offset }
            for (k, v) in u.sinkStatistics { row["sink_" + k] = v }
            if u.frames > 0 { row["real_time_factor"] = (Double(u.totalTime) / 1e9) / (Double(u.frames) / Double(report.rate)) }
            rows.append(row)
        }
        let doc: [String: Any] = ["utterances": rows, "audio_seconds": report.seconds, "elapsed_seconds": elapsed]
        if let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]) {
            FileHandle.standardError.write(data + Data("\n".utf8))
        }
    }
}
