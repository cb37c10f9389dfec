import Foundation

/// A value shared between threads, reached only through `withLock`: the one place the writer's
/// state (and anything like it) is synchronised. `@unchecked Sendable` is sound here because every
/// access to `value` holds `lock`.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
