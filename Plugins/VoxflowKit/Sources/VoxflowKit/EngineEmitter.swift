/// Sends an engine's chunks downstream from inside a lock the engine shares with other graphs
/// (flite's and espeak-ng's process-wide state, a neural model shared by every graph).
///
/// Inside the lock, `send` emits a chunk at once when that cannot wait (`NodeContext
/// .canEmitWithoutWaiting`) and keeps it otherwise — and keeps every later one too, so the order
/// holds. After the lock is released, `flush` emits what was kept, waiting for downstream as
/// backpressure asks. So a fast consumer still gets the first audio of a phrase while it is being
/// rendered, and a slow one (a network client that stopped reading) never holds the lock that
/// every other graph's engine needs. What is kept is at most one phrase (or one fitted utterance).
///
/// Streaming thread only, like the node that owns it.
public final class EngineEmitter {
    private let id: UtteranceID
    private unowned let context: NodeContext
    private let pad: String
    private var note: NativeFitNote?
    private var held: [AcousticChunk] = []

    /// `note`: put on the first chunk (a native duration fit's natural length).
    public init(id: UtteranceID, context: NodeContext, pad: String = "out", note: NativeFitNote? = nil) {
        self.id = id
        self.context = context
        self.pad = pad
        self.note = note
    }

    /// Inside the engine's lock: emits now if that cannot wait, else keeps the chunk for `flush`.
    public func send(_ chunk: AcousticChunk) {
        var c = chunk
        if let n = note {
            c.nativeFit = n
            note = nil
        }
        if held.isEmpty && context.canEmitWithoutWaiting(on: pad) {
            context.emit(.acoustic(c), of: id, on: pad)
        } else {
            held.append(c)
        }
    }

    /// After the lock is released: emits what was kept, in order (may wait for downstream).
    public func flush() {
        for c in held { context.emit(.acoustic(c), of: id, on: pad) }
        held.removeAll()
    }

    /// Renders through a fresh emitter on "out" — `render` takes the engine's lock itself and sends
    /// into the sink it is given — then flushes what was kept. Returns what `render` returns.
    public static func render<T>(_ id: UtteranceID, _ context: NodeContext,
                                 _ render: (_ sink: @escaping (AcousticChunk) -> Void) throws -> T) rethrows -> T {
        let out = EngineEmitter(id: id, context: context)
        let result = try render(out.send)
        out.flush()
        return result
    }
}
