import CJackSink
import Foundation
import VoxflowKit

final class SinkJackFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "sink.jack",
        summary: "Plays into JACK output ports (DAWs, OBS); resampled to the server's rate; survives server restarts",
        sinkPads: [PadTemplate("in", .audio(channels: .range(1...2)), "mono or stereo audio at the server's rate")],
        srcPads: [],
        parameters: [
            ParameterSpec("client_name", .string, default: .string("voxflow"), "JACK client name"),
            ParameterSpec("server", .string, default: .string(""), "JACK server name; empty: $JACK_DEFAULT_SERVER or the default server"),
            ParameterSpec("channels", .int, default: .int(1), range: 1...2, "1: one port `out`; 2: ports `out_l` and `out_r`"),
            ParameterSpec("port_per_voice", .bool, default: .bool(false),
                          "give each voice its own port(s), `<voice>` (created on first use), so a DAW records each on its own track"),
            ParameterSpec("connect", .string, default: .string(""),
                          "connect every port to input ports matching this pattern, e.g. system:playback_* or obs:in_*; empty: none"),
            ParameterSpec("prebuffer", .double, default: .double(20), range: 0...2000, unit: "ms",
                          "audio held back at the start of an utterance: more prevents underruns, less starts sooner; published as port latency"),
            ParameterSpec("queue", .double, default: .double(4), range: 0.1...60, unit: "s",
                          "how much audio may wait in each port's ring buffer (the graph blocks beyond that)"),
        ],
        traits: [.sink],
        preferredResampleQuality: "low-latency")

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        var server = parameters.string("server")
        if server.isEmpty { server = ProcessInfo.processInfo.environment["JACK_DEFAULT_SERVER"] ?? "" }
        var err = [CChar](repeating: 0, count: 256)
        guard let jack = vf_jack_open(parameters.string("client_name"), server, &err, err.count) else {
            throw NodeError.engine(String(cString: err) + ". Start jackd (`scripts/jack-test-server start` runs a private "
                                   + "test server), or name another with JACK_DEFAULT_SERVER or the sink's `server` parameter")
        }
        return try SinkJackNode(jack: jack, channels: parameters.int("channels"), portPerVoice: parameters.bool("port_per_voice"),
                                connect: parameters.string("connect"), prebufferMs: parameters.double("prebuffer"),
                                queueSeconds: parameters.double("queue"))
    }
}

/// "system:playback_*" → "^system:playback_.*$" (JACK matches ports with regular expressions).
func regex(fromGlob glob: String) -> String {
    var out = "^"
    for c in glob {
        switch c {
        case "*": out += ".*"
        case "?": out += "."
        case ".", "(", ")", "[", "]", "{", "}", "+", "^", "$", "|", "\\": out += "\\" + String(c)
        default: out.append(c)
        }
    }
    return out + "$"
}
