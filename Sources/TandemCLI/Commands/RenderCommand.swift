import ArgumentParser
import Foundation
import Terminal
import TerminalMarkdown

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tandem render FILE|-`: prints any Markdown file.
public struct RenderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Render a Markdown file (or - for stdin) for the terminal.")

    @Argument(help: "The Markdown file, or - for standard input.")
    public var file: String

    /// Accepted like everywhere else (a script may pass it to every command); rendering needs no course.
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions

    public init() {}

    public func run() throws {
        let rendered = MarkdownRenderer(settings: display.settings).render(utf8: try readMarkdownBytes(file))
        rendered.withUnsafeBufferPointer { Output.page(bytes: $0, allowPager: !display.noPager) }
    }
}

/// Reads a file (or stdin for `-`) as text, replacing invalid UTF-8 rather than failing.
func readMarkdownSource(_ path: String) throws -> String {
    String(decoding: try readMarkdownBytes(path), as: UTF8.self)
}

/// The bytes of a file (or stdin for `-`); fails with `cannot read 'PATH': REASON`.
func readMarkdownBytes(_ path: String) throws -> [UInt8] {
    let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY)
    guard descriptor >= 0 else { throw CLIFailure("cannot read '\(path)': \(String(cString: strerror(errno)))") }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    // Read straight into the array, sized from fstat when the file has a size (stdin may not).
    var status = stat()
    var capacity = 1 << 16
    if fstat(descriptor, &status) == 0, status.st_size > 0 { capacity = Int(status.st_size) + 1 }
    var bytes = [UInt8](repeating: 0, count: capacity)
    var filled = 0
    while true {
        if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
        let count = bytes.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return read(descriptor, base + filled, buffer.count - filled)
        }
        if count == 0 { break }
        if count < 0 {
            if errno == EINTR { continue }
            throw CLIFailure("cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        filled += count
    }
    bytes.removeSubrange(filled...)
    return bytes
}
