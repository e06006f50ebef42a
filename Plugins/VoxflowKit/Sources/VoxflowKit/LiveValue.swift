import Foundation

/// A value a node reads on its streaming thread and the host writes on the control thread while audio flows (a live
/// parameter). The lock lives with the value (SwiftNIO's `NIOLockedValueBox`), so no node can read it unlocked.
///
/// ```swift
/// let gain = LiveValue(1.0)
/// func setParameter(_ name: String, _ value: ParameterValue) throws { gain.set(value.doubleValue ?? 1) }  // control thread
/// func process(...) { let g = gain.value; ... }                                                             // streaming thread
/// ```
public final class LiveValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) { stored = value }

    /// Any thread.
    public var value: Value {
        lock.lock(); defer { lock.unlock() }
        return stored
    }

    /// Any thread.
    public func set(_ value: Value) {
        lock.lock(); stored = value; lock.unlock()
    }
}
