// libFuzzer target: the Markdown renderer. The first byte picks width (10-99), colour and ASCII.
// Crashes only (see below for the escape-byte check that waits for the sanitizer).
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
    // Not yet asserted: with colour off, no ESC byte in the output. Today an ESC in the input passes
    // through (fuzz/corpus/markdown/hostile); the terminal sanitizer of issue 15 is to make it hold.
    _ = output
    _ = renderer.renderInline(String(decoding: markdown.prefix(4096), as: UTF8.self))
    return 0
}
