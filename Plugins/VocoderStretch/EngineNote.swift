import VoxflowKit

/// What an engine that fitted an utterance natively tells the vocoder (`AcousticChunk.nativeFit`):
/// the natural length of its speech and the length factor it applied.
struct EngineNote: Equatable {
    /// Natural length of the speech, frames at the acoustic rate.
    var naturalFrames: Int
    /// Length the engine rendered / its natural length (1.25: spoken 25% slower).
    var lengthFactor: Double

    init(naturalFrames: Int, lengthFactor: Double) {
        self.naturalFrames = naturalFrames
        self.lengthFactor = lengthFactor
    }

    init(_ note: NativeFitNote) { self.init(naturalFrames: note.naturalFrames, lengthFactor: note.lengthFactor) }
}
