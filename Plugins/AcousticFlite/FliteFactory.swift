import VoxflowKit

/// `acoustic.flite`: flite's engine behind the SDK's engine node.
final class FliteFactory: EngineNodeFactory {
    init() {
        super.init(engine: FliteEngine(),
                   summary: "CMU flite, the embedded English engine: renders each phrase to 16 kHz PCM with word timings")
    }
}
