import VoxflowKit

/// Why acoustic.fallback cannot be built or could not render, in words for the user.
enum FallbackError: Error, CustomStringConvertible {
    case badList(String)
    case unknownType(String, index: Int)
    case noDecoder([String])
    case mel(String)
    case allFailed(phrase: Int, [String])

    var description: String {
        switch self {
        case let .badList(m):
            return "parameter 'decoders' \(m); expected a list such as {{\"acoustic.sherpa\", voice = \"en_US-amy-low\"}, \"acoustic.flite\"}"
        case let .unknownType(t, i): return "decoder \(i + 1) of acoustic.fallback: unknown node type '\(t)' (see voxflow plugins)"
        case let .noDecoder(reasons): return "acoustic.fallback has no decoder that could be created: \(reasons.joined(separator: "; "))"
        case let .mel(t): return "decoder \(t) renders mel frames; acoustic.fallback takes decoders that render PCM"
        case let .allFailed(phrase, reasons):
            return "every decoder failed on phrase \(phrase + 1): \(reasons.joined(separator: "; "))"
        }
    }

    var nodeError: NodeError { .engine(description) }
}
