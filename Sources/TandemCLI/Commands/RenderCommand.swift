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
        let text = try readMarkdownSource(file)
        Output.page(MarkdownRenderer(settings: display.settings).render(text), allowPager: !display.noPager)
    }
}

/// Reads a file (or stdin for `-`), replacing invalid UTF-8 rather than failing (the parser
/// validates it again). A missing or unreadable file fails with `cannot read 'PATH': REASON`.
func readMarkdownSource(_ path: String) throws -> String {
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
    return String(decoding: bytes, as: UTF8.self)
}
