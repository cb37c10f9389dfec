import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Terminal
import TerminalMarkdown

/// `tandem render FILE|-`: prints any Markdown file.
public struct RenderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "render", abstract: "Render a Markdown file (or - for stdin) for the terminal.")

    @Argument(help: "The Markdown file, or - for standard input.")
    public var file: String

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
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { break }
        if count < 0 {
            if errno == EINTR { continue }
            throw CLIFailure("cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}
