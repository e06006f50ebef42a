import VoxflowKit

/// Turns a `GraphSpec` into a runnable `Graph`, or reports every problem at once.
///
/// Order of checks: node types and parameters; links and pads; unlinked pads and the input;
/// cycles; then, for every node that could be created, caps negotiation in topological order,
/// inserting a resampler where an audio link joins two rates (when `autoResample` is on).
/// Nothing runs and no audio moves until all of it has passed.
public enum GraphBuilder {
    public static func build(_ spec: GraphSpec, catalog: NodeCatalog) throws(GraphValidationError) -> Graph {
        var problems: [GraphProblem] = []

        // 1. Nodes: names, types, parameters.
        var seen = Set<String>()
        var nodes: [(spec: NodeSpec, factory: NodeFactory?, params: Parameters?)] = []
        for n in spec.nodes {
            if !seen.insert(n.name).inserted { problems.append(.duplicateNode(n.name)); continue }
            guard let factory = catalog.factory(for: n.type) else {
                problems.append(.unknownNodeType(node: n.name, type: n.type, suggestion: closest(n.type, in: catalog.nodeTypeNames)))
                nodes.append((n, nil, nil))
                continue
            }
            let (params, paramProblems) = validateParameters(n, factory.type)
            problems += paramProblems
            nodes.append((n, factory, paramProblems.isEmpty ? params : nil))
        }
        let index = Dictionary(nodes.enumerated().map { ($1.spec.name, $0) }, uniquingKeysWith: { a, _ in a })

        // 2. Links: endpoints exist, pads exist, each pad linked once.
        struct RawLink { var from: Int; var fromPad: String; var to: Int; var toPad: String }
        var links: [RawLink] = []
        var usedSrc = Set<PadRef>(), usedSink = Set<PadRef>()
        for l in spec.links {
            let name = "\(l.from) → \(l.to)"
            guard let a = index[l.from.node] else { problems.append(.unknownNode(l.from.node, inLink: name)); continue }
            guard let b = index[l.to.node] else { problems.append(.unknownNode(l.to.node, inLink: name)); continue }
            guard let fa = nodes[a].factory, let fb = nodes[b].factory else { continue }
            guard let srcPad = resolve(l.from, fa.type.srcPads, "src", &problems),
                  let sinkPad = resolve(l.to, fb.type.sinkPads, "sink", &problems) else { continue }
            let s = PadRef(l.from.node, srcPad), t = PadRef(l.to.node, sinkPad)
            if !usedSrc.insert(s).inserted { problems.append(.padLinkedTwice(s)); continue }
            if !usedSink.insert(t).inserted { problems.append(.padLinkedTwice(t)); continue }
            links.append(RawLink(from: a, fromPad: srcPad, to: b, toPad: sinkPad))
        }

        // 3. Unlinked pads; the first unlinked text sink pad is the graph's input.
        var input: (Int, String)?
        for (i, n) in nodes.enumerated() {
            guard let f = n.factory else { continue }
            for p in f.type.sinkPads where !usedSink.contains(PadRef(n.spec.name, p.name)) {
                if input == nil, p.caps.kind == .text { input = (i, p.name); continue }
                if p.required { problems.append(.unlinkedPad(node: n.spec.name, pad: p.name, direction: "sink", caps: p.caps)) }
            }
            for p in f.type.srcPads where p.required && !usedSrc.contains(PadRef(n.spec.name, p.name)) {
                problems.append(.unlinkedPad(node: n.spec.name, pad: p.name, direction: "src", caps: p.caps))
            }
        }
        if input == nil && !nodes.isEmpty && nodes.allSatisfy({ $0.factory != nil }) { problems.append(.noInput) }
        if nodes.isEmpty { problems.append(.noInput) }

        // 4. Cycles (Kahn's algorithm; what is left over lies on or behind a cycle).
        var indegree = Array(repeating: 0, count: nodes.count)
        for l in links { indegree[l.to] += 1 }
        var order: [Int] = []
        var ready = indegree.indices.filter { indegree[$0] == 0 }
        while let i = ready.first {
            ready.removeFirst()
            order.append(i)
            for l in links where l.from == i {
                indegree[l.to] -= 1
                if indegree[l.to] == 0 { ready.append(l.to) }
            }
        }
        if order.count < nodes.count {
            problems.append(.cycle(findCycle(Set(nodes.indices).subtracting(order), links.map { ($0.from, $0.to) }).map { nodes[$0].spec.name }))
        }

        // 5. Create nodes and negotiate caps in topological order, inserting resamplers.
        var elements: [Graph.Element?] = Array(repeating: nil, count: nodes.count)
        var extra: [Graph.Element] = []
        var finalLinks: [Graph.Link] = []
        var srcCapsOf: [Int: [String: Caps]] = [:]
        var instances: [Int: Node] = [:]
        for i in nodes.indices {
            guard let f = nodes[i].factory, let params = nodes[i].params else { continue }
            do { instances[i] = try f.makeNode(name: nodes[i].spec.name, parameters: params) }
            catch { problems.append(.nodeFailed(node: nodes[i].spec.name, message: "\(error)")) }
        }
        let resampler = catalog.nodeTypeNames.lazy.compactMap { catalog.factory(for: $0) }.first { $0.type.traits.contains(.resampler) }
        for i in order {
            guard let f = nodes[i].factory else { continue }
            let name = nodes[i].spec.name
            var inputs: [String: Caps] = [:]
            var complete = true
            for l in links where l.to == i {
                guard let upCaps = srcCapsOf[l.from]?[l.fromPad] else { complete = false; continue }
                let template = f.type.sinkPad(l.toPad)!.caps
                let accepted = instances[i]?.acceptedCaps(onSinkPad: l.toPad, template: template) ?? template
                let fromName = "\(nodes[l.from].spec.name).\(l.fromPad)", toName = "\(name).\(l.toPad)"
                if let caps = upCaps.intersection(accepted) {
                    inputs[l.toPad] = caps
                    finalLinks.append(Graph.Link(from: l.from, fromPad: l.fromPad, to: i, toPad: l.toPad, caps: caps))
                    continue
                }
                // Audio at the wrong rate: a resampler bridges it when allowed.
                let rateOnly = upCaps.kind == .audio && accepted.kind == .audio
                    && upCaps.channels.intersection(accepted.channels) != nil
                if rateOnly, spec.autoResample, let target = accepted.rate.fixedValue ?? nearest(accepted.rate, to: upCaps.rate.fixedValue) {
                    guard let resampler else { problems.append(.noResampler(from: fromName, to: toName)); complete = false; continue }
                    let rname = "resample(\(nodes[l.from].spec.name)→\(name))"
                    let quality = f.type.preferredResampleQuality ?? "high"
                    do {
                        let (el, outCaps) = try insertResampler(resampler, name: rname, rate: target, quality: quality, input: upCaps)
                        extra.append(el)
                        let idx = nodes.count + extra.count - 1
                        finalLinks.append(Graph.Link(from: l.from, fromPad: l.fromPad, to: idx, toPad: el.type.sinkPads[0].name, caps: upCaps))
                        guard let caps = outCaps.intersection(accepted) else { throw NodeError.negotiation("resampler output \(outCaps) does not fit \(accepted)") }
                        finalLinks.append(Graph.Link(from: idx, fromPad: el.type.srcPads[0].name, to: i, toPad: l.toPad, caps: caps))
                        inputs[l.toPad] = caps
                    } catch {
                        problems.append(.nodeFailed(node: rname, message: "\(error)"))
                        complete = false
                    }
                    continue
                }
                let hint = rateOnly ? "the rates differ; add a resample.soxr node or allow automatic resampling" : nil
                problems.append(.capsMismatch(from: fromName, fromCaps: upCaps, to: toName, toCaps: accepted, hint: hint))
                complete = false
            }
            guard complete, let node = instances[i] else { continue }
            if let (inNode, inPad) = input, inNode == i { inputs[inPad] = .text }
            do {
                let out = try node.negotiate(inputs: inputs)
                // The answer is checked before anything uses it: every pad declared, every linked pad fixed.
                let declared = f.type.srcPads.map(\.name)
                let linked = Set(links.filter { $0.from == i }.map(\.fromPad))
                var wrong: [String] = []
                for pad in out.keys.sorted() where !declared.contains(pad) {
                    wrong.append("answered caps for '\(pad)', which is not one of its src pads (\(declared.joined(separator: ", ")))")
                }
                for pad in declared where linked.contains(pad) {
                    guard let caps = out[pad] else { wrong.append("gave no caps for its linked src pad '\(pad)'"); continue }
                    if !caps.isFixed { wrong.append("answered caps for '\(pad)' that are not fixed (\(caps)): negotiate must choose one format") }
                }
                if !wrong.isEmpty {
                    problems.append(.nodeFailed(node: name, message: "negotiation (a bug in \(f.type.name)): " + wrong.joined(separator: "; ")))
                    continue
                }
                srcCapsOf[i] = out
                elements[i] = Graph.Element(name: name, type: f.type, node: node, sinkCaps: inputs, srcCaps: out, inserted: false)
            } catch {
                problems.append(.nodeFailed(node: name, message: "\(error)"))
            }
        }

        if problems.isEmpty, let missing = elements.indices.first(where: { elements[$0] == nil }) {
            problems.append(.nodeFailed(node: nodes[missing].spec.name, message: "could not be negotiated (an upstream node gave no caps for its pad)"))
        }
        guard problems.isEmpty, let input else {
            // Release what was created (a JACK sink holds a client): nothing of this graph will run.
            for node in instances.values { node.abort() }
            for e in extra { e.node.abort() }
            throw GraphValidationError(problems)
        }
        // Topological order for the final element list: the spec's order, each inserted
        // resampler placed right after its upstream node.
        var all = elements.map { $0! } + extra
        var positions: [Int] = []
        for i in order {
            positions.append(i)
            for l in finalLinks where l.from == i && l.to >= nodes.count { positions.append(l.to) }
        }
        let remap = Dictionary(uniqueKeysWithValues: positions.enumerated().map { ($1, $0) })
        all = positions.map { all[$0] }
        let relinked = finalLinks.map {
            Graph.Link(from: remap[$0.from]!, fromPad: $0.fromPad, to: remap[$0.to]!, toPad: $0.toPad, caps: $0.caps)
        }
        return Graph(elements: all, links: relinked, input: (remap[input.0]!, input.1))
    }

    /// A node's parameters checked against its type's schema: the values with defaults filled in, and every problem.
    public static func validateParameters(_ n: NodeSpec, _ type: NodeTypeDescriptor) -> (Parameters, [GraphProblem]) {
        var problems: [GraphProblem] = []
        var values: [String: ParameterValue] = [:]
        for key in n.parameters.keys.sorted() where type.parameter(key) == nil {
            problems.append(.unknownParameter(node: n.name, parameter: key, known: type.parameters.map(\.name)))
        }
        for p in type.parameters {
            guard let given = n.parameters[p.name] else {
                if let d = p.defaultValue { values[p.name] = d } else {
                    problems.append(.missingParameter(node: n.name, parameter: p.name, summary: p.summary))
                }
                continue
            }
            switch p.check(given) {
            case let .success(v): values[p.name] = v
            case let .failure(problem): problems.append(.badParameter(node: n.name, parameter: p.name, problem: problem))
            }
        }
        return (Parameters(values), problems)
    }

    private static func resolve(_ ref: PadRef, _ pads: [PadTemplate], _ direction: String, _ problems: inout [GraphProblem]) -> String? {
        if let pad = ref.pad {
            if pads.contains(where: { $0.name == pad }) { return pad }
            problems.append(.unknownPad(node: ref.node, pad: pad, direction: direction, known: pads.map(\.name)))
            return nil
        }
        if let first = pads.first { return first.name }
        problems.append(.unknownPad(node: ref.node, pad: "(default)", direction: direction, known: []))
        return nil
    }

    private static func nearest(_ c: IntConstraint, to rate: Int?) -> Int? {
        guard let rate, case let .range(r) = c else { return nil }
        return min(max(rate, r.lowerBound), r.upperBound)
    }

    private static func insertResampler(_ f: NodeFactory, name: String, rate: Int, quality: String, input: Caps) throws -> (Graph.Element, Caps) {
        var spec = NodeSpec(name, f.type.name, ["rate": .int(rate)])
        if f.type.parameter("quality")?.choices.contains(quality) == true { spec.parameters["quality"] = .string(quality) }
        let (params, problems) = validateParameters(spec, f.type)
        if let p = problems.first { throw NodeError.negotiation("\(p)") }
        let node = try f.makeNode(name: name, parameters: params)
        let pad = f.type.sinkPads[0].name
        let out = try node.negotiate(inputs: [pad: input])
        guard let outCaps = out[f.type.srcPads[0].name] else { throw NodeError.negotiation("resampler produced no caps") }
        return (Graph.Element(name: name, type: f.type, node: node, sinkCaps: [pad: input], srcCaps: out, inserted: true), outCaps)
    }

    /// One cycle among `nodes` (those Kahn's algorithm could not order), in link order. Each of
    /// them has a predecessor among them, so walking predecessors must come back to a node.
    private static func findCycle(_ nodes: Set<Int>, _ edges: [(Int, Int)]) -> [Int] {
        guard let start = nodes.min() else { return [] }
        var path: [Int] = [start]
        var current = start
        while let prev = edges.first(where: { $0.1 == current && nodes.contains($0.0) })?.0 {
            if let at = path.firstIndex(of: prev) { return Array(path[at...].reversed()) }
            path.append(prev)
            current = prev
        }
        return path.reversed()
    }
}
