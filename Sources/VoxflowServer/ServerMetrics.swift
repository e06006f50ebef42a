import Foundation
import Prometheus

/// The server's figures, in Prometheus's text format at `GET /metrics`.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let activeStreams: Gauge
    let queuedRequests: Gauge
    let timeToFirstAudio: ValueHistogram
    let realTimeFactor: ValueHistogram
    let underruns: Counter
    let cancelled: Counter
    let audioSeconds: Counter

    private static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "voxflow", metricName: metric, unitName: unit, helpText: help)
    }

    init() {
        activeStreams = registry.makeGauge(descriptor: Self.name("active", "streams", "Syntheses running now"))
        queuedRequests = registry.makeGauge(descriptor: Self.name("queued", "requests", "Requests waiting for a synthesis slot"))
        timeToFirstAudio = registry.makeValueHistogram(
            descriptor: Self.name("time_to_first_audio", "seconds", "From a request's arrival to its first audio leaving the graph, queueing included"),
            buckets: [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10])
        realTimeFactor = registry.makeValueHistogram(
            descriptor: Self.name("real_time", "factor", "Synthesis time divided by the length of the audio, per completed request"),
            buckets: [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2])
        underruns = registry.makeCounter(descriptor: Self.name(
            "stream_underruns", "total", "Times a stream's next chunk left later than a client playing from the first chunk needed it"))
        cancelled = registry.makeCounter(descriptor: Self.name("cancelled", "total", "Syntheses cancelled by a client or a timeout"))
        audioSeconds = registry.makeCounter(descriptor: Self.name("audio_seconds", "total", "Seconds of audio sent"))
    }

    /// Counts a finished request; `status` is its HTTP status (200 for a WebSocket request that completed).
    func request(endpoint: String, status: Int) {
        registry.makeCounter(descriptor: Self.name("requests", "total", "Requests handled, by endpoint"),
                             labels: [("endpoint", endpoint)]).increment()
        if status >= 400 {
            registry.makeCounter(descriptor: Self.name("errors", "total", "Requests that failed, by endpoint and status"),
                                 labels: [("endpoint", endpoint), ("status", String(status))]).increment()
        }
    }

    func text() -> String { registry.emitToString() }
}
