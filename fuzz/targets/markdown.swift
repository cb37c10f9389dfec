// libFuzzer target: the Markdown renderer, and the lessons' scanner (MarkdownStructure) with links
// shown as text. The first byte picks width (10-99), colour and ASCII. Asserts, beyond not crashing:
// with colour off, no ESC or other C0/C1 control but newline and tab reach the output (the terminal
// sanitizer, TerminalText, stands between any input and the screen).
import Terminal

@testable import TerminalMarkdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let first = data[0]
    let settings = TerminalSettings(width: 10 + Int(first % 90), color: first & 0x40 != 0, ascii: first & 0x80 != 0)
    let markdown = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let renderer = MarkdownRenderer(settings: settings)
    let output = renderer.render(utf8: markdown)
    if !settings.color {
        for scalar in String(decoding: output, as: UTF8.self).unicodeScalars where scalar != "\n" && scalar != "\t" {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) {
                fatalError("control U+\(String(value, radix: 16)) reached the output with colour off")
            }
        }
    }
    let text = String(decoding: markdown.prefix(4096), as: UTF8.self)
    _ = renderer.renderInline(text)
    // The lessons' scanner (source positions read back into the text) and links shown as text.
    let structure = MarkdownStructure(parsing: text)
    for block in structure.codeBlocks where block.endLine < block.line {
        fatalError("code block at line \(block.line) ends before it starts (\(block.endLine))")
    }
    _ = renderer.render(text, showingOnlyTheTextOfLinksWhere: { $0.utf8.count % 2 == 0 })
    return 0
}
