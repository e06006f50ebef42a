import Foundation
import VoxflowKit

/// A `sink.file` path with placeholders, for one file per utterance:
/// `{tag}` is the utterance's tag (`Controls.tag`; its id when it has none), `{id}` its id.
///
/// ```
/// "cache/{tag}.wav"  + utterance 7 tagged "3f9a…"  →  "cache/3f9a….wav"
/// "takes/line-{id}.flac" + utterance 7             →  "takes/line-7.flac"
/// ```
/// Placeholders go in the file name only (the folder must exist when the graph is built). A tag
/// is made safe for a file name: `/` and control characters become `_`, and a tag that would
/// name a hidden or special file (`.`, `..`, a leading dot) gets a `_` in front.
struct PathTemplate {
    static let placeholders = ["{tag}", "{id}"]

    let template: String

    /// nil when `path` has no placeholder (one file for the whole run).
    init?(_ path: String) {
        guard Self.placeholders.contains(where: path.contains) else { return nil }
        template = path
    }

    /// The folder part of the template, which must not contain a placeholder.
    func checkFolder() throws {
        let folder = URL(fileURLWithPath: template).deletingLastPathComponent().path
        if Self.placeholders.contains(where: folder.contains) {
            throw NodeError.parameter(name: "path", message: "\"\(template)\": {tag} and {id} may only appear in the file name, not in the folder")
        }
    }

    func path(for utterance: Utterance) -> String {
        let tag = utterance.controls.tag.map(Self.safe) ?? String(utterance.id)
        return template.replacingOccurrences(of: "{tag}", with: tag.isEmpty ? String(utterance.id) : tag)
            .replacingOccurrences(of: "{id}", with: String(utterance.id))
    }

    static func safe(_ tag: String) -> String {
        var s = String(tag.unicodeScalars.map { $0 == "/" || $0.value < 0x20 || $0.value == 0x7F ? "_" : Character($0) })
        if s.hasPrefix(".") { s = "_" + s }
        return s
    }
}
