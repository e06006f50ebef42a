import VoxflowApp
/// Why a dubbing run stopped, in words for the user: what went wrong, where, and what to do.
public enum DubError: Error, Sendable, CustomStringConvertible {
    case io(String, String)
    case cache(String, String)
    case noCues(String)
    /// (source of the voices, message)
    case voices(String, String)
    case graph(String)
    case render(String)
    /// Cues that could not be rendered: (file:line of the cue, why); the report, if any, was written.
    case cuesFailed([(String, String)], report: String?)
    case stopped

    public var description: String {
        switch self {
        case let .io(path, m): return "\(path): \(m)"
        case let .cache(folder, m): return "\(folder): \(m) (choose another folder with --cache, or --no-cache)"
        case let .noCues(file): return "\(file): no cues; nothing to dub"
        case let .voices(source, m): return "\(source): \(m)"
        case let .graph(m): return m
        case let .render(m): return "rendering failed: \(m)"
        case let .cuesFailed(list, report):
            let shown = list.prefix(5).map { "\n  \($0.0): \($0.1)" }.joined()
            let more = list.count > 5 ? "\n  … and \(list.count - 5) more" : ""
            return "\(list.count) cue\(list.count == 1 ? "" : "s") could not be rendered; no output was written:\(shown)\(more)"
                + (report.map { "\nsee \($0) for every cue; finished cues are cached, so a rerun renders only the failed ones" } ?? "")
        case .stopped: return "stopped: the time limit ran out; finished cues are cached"
        }
    }
}
