import Foundation
import VoxflowKit

/// `sink.stream`: the end of a graph whose audio goes to a network client. The server builds the
/// graph, finds this node by name and attaches a `StreamOutlet` before submitting the utterance.
///
/// Backpressure: `process` runs on the sink's streaming thread and blocks while the outlet holds
/// its window of unsent chunks, so a slow client slows the engine instead of filling memory.
final class StreamSinkFactory: NodeFactory {
    let type = NodeTypeDescriptor(
        name: "sink.stream",
        summary: "Hands audio and marks to a network client of `voxflow serve` (provided by the server, not a plugin)",
        sinkPads: [PadTemplate("in", .audio(channels: .range(1...2)), "mono or stereo audio at `sample_rate`")],
        srcPads: [],
        parameters: [
            ParameterSpec("sample_rate", .int, default: .int(48_000), range: 8000...192_000, unit: "Hz", "the stream's sample rate"),
            ParameterSpec("channels", .int, default: .int(1), range: 1...2, "1 (mono) or 2 (stereo; mono input is copied to both)"),
        ],
        traits: [.sink],
        preferredResampleQuality: "high")

    func makeNode(name: String, parameters: Parameters) throws -> Node {
        StreamSinkNode(rate: parameters.int("sample_rate"), channels: parameters.int("channels"))
    }
}

final class StreamSinkNode: Node, @unchecked Sendable {
    let rate: Int
    let channels: Int
    /// Set by the server (control thread) before the utterance is submitted.
    var outlet: StreamOutlet?

    init(rate: Int, channels: Int) {
        self.rate = rate
        self.channels = channels
    }

    func acceptedCaps(onSinkPad pad: String, template: Caps) -> Caps {
        .audio(rate: .exactly(rate), channels: channels == 1 ? .exactly(1) : .range(1...channels))
    }

    func negotiate(inputs: [String: Caps]) throws -> [String: Caps] { [:] }

    /// Streaming thread.
    func process(_ packet: Packet, from pad: String, context: NodeContext) throws {
        guard let outlet else { return }
        switch packet.body {
        case let .chunk(.audio(a)):
            var chunk = a
            if a.channels == 1 && channels == 2 {
                var stereo = [Float](repeating: 0, count: a.samples.count * 2)
                for (i, x) in a.samples.enumerated() { stereo[2 * i] = x; stereo[2 * i + 1] = x }
                chunk.samples = stereo
                chunk.channels = 2
            }
            _ = outlet.send(chunk)
        case let .end(reason):
            outlet.end(reason)
        default:
            break
        }
    }

    func cancel(_ id: UtteranceID) { outlet?.close() }
}
