import Foundation
import VoxflowApp
import VoxflowGraph
import VoxflowKit

/// Subtitle dubbing: every cue synthesized through a graph, fitted to its slot, and placed
/// sample-accurately on a timeline, with per-speaker stems, a CSV report and a cache that makes
/// an interrupted run resumable.
///
/// ```
/// subs.srt ─▶ plan ─▶ cache lookup ─▶ render missing lines ─▶ place on the timeline ─▶ mix + stems
///  cues       slots,     KEY.flac +       graph → sink.file        round(start × rate),    written whole,
///             voices,    KEY.json         CACHE/{tag}.flac         mix or shift overlaps   then renamed
///             keys
/// ```
///
/// ```swift
/// let dubbing = try Dubbing(voxflow: vf, options: DubOptions(subtitles: "subs.srt", output: "dub.wav"))
/// let graph = try vf.build(try dubbing.cacheGraph(presetSpec))
/// let summary = try dubbing.run(graph: graph, spec: presetSpec)
/// ```
///
/// Invariants: the output, the stems and the report appear only complete (or not at all); a line
/// is in the cache only once its audio and its figures are both complete; a line's key changes
/// whenever anything that shapes its audio changes (text, voice, slot, fit policy, the graph's
/// nodes and parameters, the sample rate, a plugin's version).
public final class Dubbing {
    public let options: DubOptions
    public let cues: [Cue]
    let voxflow: Voxflow
    let cache: DubCache

    /// Reads the subtitles (a malformed file: an error naming its line), checks the options and,
    /// unless only checking, makes the cache folder.
    public init(voxflow: Voxflow, options: DubOptions) throws {
        self.voxflow = voxflow
        self.options = options
        cues = try Subtitles.read(options.subtitles)
        guard !cues.isEmpty else { throw DubError.noCues(options.subtitles) }
        _ = try PartialAudioWriter.format(path: options.output, encoding: options.encoding)
        try Self.checkFolder(of: options.output)
        if let r = options.report { try Self.checkFolder(of: r) }
        if let l = options.length, !(l >= 0 && l.isFinite) { throw DubError.io("length", "must be a number of seconds, 0 or more") }
        if let s = options.stems, !options.checking {
            do { try FileManager.default.createDirectory(atPath: s, withIntermediateDirectories: true) } catch {
                throw DubError.io(s, "cannot create the stems folder: \(error.localizedDescription)")
            }
        }
        cache = try DubCache(choice: options.cache, output: options.output, create: !options.checking)
    }

    /// `spec` with its one `sink.file` writing each line into the cache as `KEY.flac` (24-bit
    /// FLAC: −144 dB of quantization, a quarter of a float WAV's size). Its sample rate and channels stay the preset's.
    public func cacheGraph(_ spec: GraphSpec) throws -> GraphSpec {
        let sinks = spec.nodes.indices.filter { spec.nodes[$0].type == "sink.file" }
        guard sinks.count == 1 else {
            throw DubError.graph("the dubbing graph must have exactly one sink.file node (it writes each line into the cache); found \(sinks.count)")
        }
        var out = spec
        let folder = options.checking ? URL(fileURLWithPath: options.output).deletingLastPathComponent().path : cache.folder
        out.nodes[sinks[0]].parameters["path"] = .string(folder + "/{tag}.flac")
        out.nodes[sinks[0]].parameters["format"] = .string("flac")
        out.nodes[sinks[0]].parameters["encoding"] = .string("pcm24")
        return out
    }

    /// The folder of the cache (nil with --no-cache, whose folder is deleted at the end).
    public var cacheFolder: String? { cache.temporary ? nil : cache.folder }

    static func checkFolder(of path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw DubError.io(path, "folder \(dir) does not exist")
        }
        guard access(dir, W_OK) == 0 else { throw DubError.io(path, "folder \(dir) is not writable") }
    }
}
