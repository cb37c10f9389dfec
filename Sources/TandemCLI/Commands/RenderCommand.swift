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

/// The most `render` (and `read --file`) reads: far beyond any lesson (the longest is tens of KB;
/// the renderer handles a few MB in well under a second), and small enough that `/dev/zero` or a
/// runaway pipe stops with a message rather than exhausting memory.
let markdownSizeLimit = 16 << 20

/// The bytes of a file (or stdin for `-`), at most `markdownSizeLimit`; fails with
/// `cannot read 'PATH': REASON` or `'PATH' is larger than 16 MB, the most tandem reads`.
/// A file dense with Markdown marks past `MarkdownRenderer.markLimit` fails too, so memory stays
/// proportionate to the input (`'PATH' holds N Markdown marks …`).
func readMarkdownBytes(_ path: String) throws -> [UInt8] {
    let bytes: [UInt8]
    do {
        bytes = try BoundedInput.read(path, limit: markdownSizeLimit)
    } catch {
        throw CLIFailure(error.description)
    }
    let marks = MarkdownRenderer.markCount(bytes)
    if marks > MarkdownRenderer.markLimit {
        let shown = path == "-" ? "standard input" : "'\(TerminalText.oneLine(path))'"
        throw CLIFailure(
            "\(shown) holds \(marks) Markdown marks (* _ ` [ ] < ! | ~ \\); tandem renders at most "
                + "\(MarkdownRenderer.markLimit), so that memory stays near the file's size")
    }
    return bytes
}
