import VoxflowKit

/// One thing wrong with a graph description. A build reports all of them at once.
public enum GraphProblem: Sendable, Hashable, CustomStringConvertible {
    case duplicateNode(String)
    case unknownNodeType(node: String, type: String, suggestion: String?)
    case unknownParameter(node: String, parameter: String, known: [String])
    case missingParameter(node: String, parameter: String, summary: String)
    case badParameter(node: String, parameter: String, problem: ParameterProblem)
    case unknownNode(String, inLink: String)
    case unknownPad(node: String, pad: String, direction: String, known: [String])
    case padLinkedTwice(PadRef)
    case unlinkedPad(node: String, pad: String, direction: String, caps: Caps)
    case noInput
    case cycle([String])
    case capsMismatch(from: String, fromCaps: Caps, to: String, toCaps: Caps, hint: String?)
    case nodeFailed(node: String, message: String)
    case noResampler(from: String, to: String)

    public var description: String {
        switch self {
        case let .duplicateNode(n):
            return "node '\(n)' is defined twice; give each node its own name"
        case let .unknownNodeType(node, type, suggestion):
            return "node '\(node)': unknown node type '\(type)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + " (`voxflow plugins` lists the types)"
        case let .unknownParameter(node, p, known):
            let alt = closest(p, in: known).map { "did you mean '\($0)'? " } ?? ""
            return "node '\(node)': unknown parameter '\(p)'; \(alt)known: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case let .missingParameter(node, p, summary):
            return "node '\(node)': missing required parameter '\(p)' (\(summary))"
        case let .badParameter(node, p, problem):
            return "node '\(node)': parameter '\(p)' \(problem)"
        case let .unknownNode(n, link):
            return "link \(link): no node named '\(n)'"
        case let .unknownPad(node, pad, direction, known):
            return "node '\(node)' has no \(direction) pad '\(pad)'; its \(direction) pads: \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case let .padLinkedTwice(ref):
            return "pad '\(ref)' is linked more than once; a pad takes one link"
        case let .unlinkedPad(node, pad, direction, caps):
            return "\(direction) pad '\(node).\(pad)' (\(caps)) is not linked"
        case .noInput:
            return "the graph has no text input: one node needs an unlinked sink pad that takes text"
        case let .cycle(nodes):
            return "the links form a cycle: \((nodes + [nodes[0]]).joined(separator: " → "))"
        case let .capsMismatch(from, fc, to, tc, hint):
            return "cannot link '\(from)' (\(fc)) to '\(to)' (\(tc)): no common format" + (hint.map { "; \($0)" } ?? "")
        case let .nodeFailed(node, message):
            return "node '\(node)': \(message)"
        case let .noResampler(from, to):
            return "'\(from)' and '\(to)' run at different sample rates and no resampler plugin is loaded"
        }
    }
}

extension GraphProblem {
    /// The node a problem is about, when it is about one.
    public var node: String? {
        switch self {
        case let .duplicateNode(n), let .unknownNodeType(n, _, _), let .unknownParameter(n, _, _), let .missingParameter(n, _, _),
             let .badParameter(n, _, _), let .unknownPad(n, _, _, _), let .unlinkedPad(n, _, _, _), let .nodeFailed(n, _):
            return n
        case let .capsMismatch(_, _, to, _, _): return String(to.prefix { $0 != "." })
        default: return nil
        }
    }
}

/// Every problem of a graph, reported together.
public struct GraphValidationError: Error, Sendable, CustomStringConvertible {
    public var problems: [GraphProblem]
    public init(_ problems: [GraphProblem]) { self.problems = problems }
    public var description: String {
        "the graph is not valid (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
public func closest(_ word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var prev = row[0]
            row[0] = i + 1
            for (j, cb) in b.enumerated() {
                let cur = row[j + 1]
                row[j + 1] = min(row[j + 1] + 1, row[j] + 1, prev + (ca == cb ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
    let w = Array(word)
    let best = candidates.map { ($0, distance(w, Array($0))) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}
