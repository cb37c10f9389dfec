import Foundation
import Terminal
import TestSupport

@testable import TerminalMarkdown

/// Paths and helpers shared by the renderer's test suites.
enum RendererTesting {
    /// `../shared/commonmark/NAME` relative to the package root (not ours to copy into the repo).
    static func commonMarkFile(_ name: String) -> URL {
        checkoutRoot.deletingLastPathComponent().appendingPathComponent("shared/commonmark/\(name)")
    }

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The inputs of a spec-format file: examples between 32-backtick fences, input before the `.`
    /// line, `→` standing for a tab.
    static func examples(in url: URL) -> [(number: Int, markdown: String)] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let fence = String(repeating: "`", count: 32)
        var result: [(Int, String)] = []
        var inExample = false
        var inInput = false
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !inExample {
                if line.hasPrefix(fence + " example") {
                    inExample = true
                    inInput = true
                    current = []
                }
                continue
            }
            if line == fence {
                inExample = false
                continue
            }
            if inInput {
                if line == "." {
                    inInput = false
                    let markdown = current.map { $0.replacingOccurrences(of: "→", with: "\t") }.joined(separator: "\n")
                    result.append((result.count + 1, markdown.isEmpty ? "" : markdown + "\n"))
                } else {
                    current.append(line)
                }
            }
        }
        return result
    }

    /// Lines of `text` wider than `width`, skipping the exempt ones (code lines).
    static func overlongLines(_ text: String, width: Int, exempt: Set<Int>) -> [String] {
        var result: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !exempt.contains(number) && DisplayWidth.of(line) > width {
            result.append(String(line))
        }
        return result
    }

    /// `text` without whitespace and without the bars the renderer draws (quote and code bars).
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "│" }.map(Character.init))
    }

    /// A literal as the renderer must show it: control characters become U+FFFD.
    static func visible(_ literal: String) -> String {
        String(
            String.UnicodeScalarView(
                literal.unicodeScalars.map { scalar in
                    let value = scalar.value
                    if value == 0x09 || value == 0x0A || value == 0x0D { return scalar }
                    if value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value) { return "\u{FFFD}" }
                    return scalar
                }))
    }
}
