import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit
import VoxflowPluginHost

/// Everything about a graph that shapes a cue's audio, as text, for cache keys: its nodes,
/// parameters and links as described; the built graph's links with their negotiated caps (so
/// the sample rate and any inserted resampler count); and the name and version of the plugin
/// behind every node type it uses, so a new engine version renders the cues again — and the size
/// and modification time of its library, so does a rebuilt plugin whose version was not bumped
/// (audio from an engine that changed is never served from the cache). The file
/// sink's path, format and encoding are left out: `vf.dub` sets them to the cache's.
enum DubFingerprint {
    static let ignoredSinkParameters: Set<String> = ["path", "format", "encoding"]

    static func of(spec: GraphSpec, graph: Graph, plugins: PluginRegistry) -> String {
        var lines = ["auto_resample=\(spec.autoResample)"]
        for n in spec.nodes {
            let params = n.parameters.filter { n.type != "sink.file" || !ignoredSinkParameters.contains($0.key) }
                .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            lines.append("node \(n.name) \(n.type) " + params.joined(separator: " "))
        }
        for l in spec.links { lines.append("link \(l.from) -> \(l.to)") }
        for l in graph.links {
            lines.append("built \(graph.elements[l.from].name).\(l.fromPad) -> \(graph.elements[l.to].name).\(l.toPad) \(l.caps)")
        }
        for type in Set(graph.elements.map(\.type.name)).sorted() {
            let p = plugins.plugins.first { $0.nodeTypes.contains(type) }
            lines.append("plugin \(type) \(p?.name ?? "?") \(p?.version ?? "?") \(p.map { fileStamp($0.path) } ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    /// "SIZE@MTIME" of a file, or "" when it cannot be read.
    static func fileStamp(_ path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return "" }
        return "\(st.st_size)@\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }
}
