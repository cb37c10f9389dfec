import ArgumentParser
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
        let settings = display.settings
        Output.page(MarkdownRenderer(settings: settings).render(text), allowPager: !display.noPager)
    }
}

/// Reads a file (or stdin for `-`), replacing invalid UTF-8 rather than failing.
func readMarkdownSource(_ path: String) throws -> String {
    let data: Data
    if path == "-" {
        data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? describe(error)
            throw CLIFailure("cannot read '\(path)': \(reason)")
        }
    }
    return String(decoding: data, as: UTF8.self)
}

private func describe(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
}
