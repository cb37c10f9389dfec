import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a whole file (or stdin) with a size cap: `/dev/zero`, a runaway pipe or a huge file
/// stops with a clear message at the cap instead of exhausting memory.
public enum BoundedInput {
    /// A failed read, in words.
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        public var description: String
        /// The `errno` of a failed open or read (nil when the input was too large).
        public var code: Int32?
    }

    /// The bytes at `path` ("-" for stdin), at most `limit` of them.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot read '\(path)': \(String(cString: strerror(errno)))", code: errno)
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        return try read(descriptor: descriptor, name: path == "-" ? "standard input" : "'\(path)'", limit: limit)
    }

    /// The bytes readable from `descriptor`, at most `limit` of them; `name` is how messages call it.
    public static func read(descriptor: Int32, name: String, limit: Int) throws(Failure) -> [UInt8] {
        // Read straight into the array, sized from fstat when the file has a size (stdin may not).
        var status = stat()
        var capacity = 1 << 16
        if fstat(descriptor, &status) == 0, status.st_size > 0 {
            guard Int(status.st_size) <= limit else { throw tooLarge(name, limit) }
            capacity = Int(status.st_size) + 1
        }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard filled <= limit else { throw tooLarge(name, limit) }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - filled + 1)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                #if canImport(Glibc)
                    return Glibc.read(descriptor, base + filled, buffer.count - filled)
                #else
                    return Darwin.read(descriptor, base + filled, buffer.count - filled)
                #endif
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read \(name): \(String(cString: strerror(errno)))", code: errno)
            }
            filled += count
            if filled > limit { throw tooLarge(name, limit) }
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    private static func tooLarge(_ name: String, _ limit: Int) -> Failure {
        let size = limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit) bytes"
        return Failure(description: "\(name) is larger than \(size), the most tandem reads", code: nil)
    }
}
