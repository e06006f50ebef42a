import VoxflowKit

/// A validated graph: every node created, every link's caps fixed, in topological order.
/// Made only by `GraphBuilder.build`; run by `Pipeline`.
///
/// ```
/// [input] → norm → prosody → tts → voc → (auto resampler) → out
/// ```
/// Invariants: links join an existing src pad to an existing sink pad with fixed, intersecting
/// caps; every required pad is linked except the one text input; there is no cycle.
public final class Graph: @unchecked Sendable {
    public struct Element {
        public let name: String
        public let type: NodeTypeDescriptor
        public let node: Node
        /// Negotiated caps of each linked sink pad and each src pad.
        public let sinkCaps: [String: Caps]
        public let srcCaps: [String: Caps]
        /// True for a node the builder inserted (a resampler).
        public let inserted: Bool
        public var isSink: Bool { type.srcPads.isEmpty }
    }

    public struct Link {
        public let from: Int
        public let fromPad: String
        public let to: Int
        public let toPad: String
        public let caps: Caps
    }

    public let elements: [Element]
    public let links: [Link]
    /// Where utterances enter: a node and its unlinked text sink pad.
    public let input: (node: Int, pad: String)

    init(elements: [Element], links: [Link], input: (Int, String)) {
        self.elements = elements
        self.links = links
        self.input = input
    }

    public func element(named name: String) -> Element? { elements.first { $0.name == name } }

    /// Control thread. Releases what the nodes hold (files, JACK clients) for a graph that was only
    /// validated and will never run. A graph that ran is finished or aborted by its `Pipeline`.
    public func release() {
        for e in elements { e.node.abort() }
    }

    /// The graph in Graphviz's language.
    public func dot() -> String {
        var lines = ["digraph voxflow {", "  rankdir=LR;", "  node [shape=box, fontname=\"Helvetica\"];"]
        for e in elements {
            let style = e.inserted ? ", style=dashed" : ""
            lines.append("  \"\(e.name)\" [label=\"\(e.name)\\n\(e.type.name)\"\(style)];")
        }
        for l in links {
            lines.append("  \"\(elements[l.from].name)\" -> \"\(elements[l.to].name)\" [label=\"\(l.caps)\", fontsize=10];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
