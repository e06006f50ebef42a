import ArgumentParser
import Foundation
import VoxflowApp
import VoxflowKit

struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List loaded plugins with their node types, pads, caps and parameters, and refused plugins with the reason.")

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        Log.setup(quiet: false, verbose: false)
        let vf = Voxflow()
        if json {
            let plugins: [[String: Any]] = vf.plugins.plugins.map { p in
                ["name": p.name, "version": p.version, "path": p.path, "abi": "\(p.abi.major).\(p.abi.minor)",
                 "node_types": p.nodeTypes.compactMap { vf.plugins.factory(for: $0).map { describe($0.type) } }]
            }
            let refused = vf.plugins.refused.map { ["path": $0.path, "reason": "\($0.reason)"] }
            let host = vf.plugins.hostNodeTypes.compactMap { vf.plugins.factory(for: $0).map { describe($0.type) } }
            let data = try JSONSerialization.data(withJSONObject: ["plugins": plugins, "host_node_types": host, "refused": refused],
                                                  options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        let sections = vf.plugins.plugins.map { p in
            ("\(p.name) \(p.version)  (ABI \(p.abi.major).\(p.abi.minor), \(p.path))", p.nodeTypes)
        } + [("the host's own node types (they drive the engines above)", vf.plugins.hostNodeTypes)]
        for (title, types) in sections {
            print(title)
            for t in types.compactMap({ vf.plugins.factory(for: $0)?.type }) {
                print("  \(t.name) — \(t.summary)")
                for pad in t.sinkPads { print("    sink \(pad.name): \(pad.caps)\(pad.summary.isEmpty ? "" : " — \(pad.summary)")") }
                for pad in t.srcPads { print("    src  \(pad.name): \(pad.caps)\(pad.summary.isEmpty ? "" : " — \(pad.summary)")") }
                for param in t.parameters {
                    var bits = [param.type.rawValue]
                    if let d = param.defaultValue { bits.append("default \(d)") } else { bits.append("required") }
                    if let r = param.rangeDescription { bits.append(r) } else if let u = param.unit { bits.append(u) }
                    if !param.choices.isEmpty { bits.append(param.choices.joined(separator: "|")) }
                    if param.live { bits.append("live") }
                    print("    param \(param.name) (\(bits.joined(separator: ", "))) — \(param.summary)")
                }
            }
        }
        if !vf.plugins.refused.isEmpty {
            print("refused:")
            for r in vf.plugins.refused { print("  \(r.path): \(r.reason)") }
        }
    }

    private func describe(_ t: NodeTypeDescriptor) -> [String: Any] {
        func pad(_ p: PadTemplate) -> [String: Any] { ["name": p.name, "caps": "\(p.caps)", "required": p.required] }
        return [
            "name": t.name, "summary": t.summary,
            "sink_pads": t.sinkPads.map(pad), "src_pads": t.srcPads.map(pad),
            "parameters": t.parameters.map { p -> [String: Any] in
                var d: [String: Any] = ["name": p.name, "type": p.type.rawValue, "summary": p.summary, "live": p.live,
                                        "required": p.isRequired]
                if let v = p.defaultValue { d["default"] = "\(v)" }
                if let r = p.range { d["min"] = r.lowerBound; d["max"] = r.upperBound }
                if let u = p.unit { d["unit"] = u }
                if !p.choices.isEmpty { d["choices"] = p.choices }
                return d
            },
        ]
    }
}
