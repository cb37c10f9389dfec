import Foundation
import Terminal
import Testing

@testable import TerminalMarkdown

/// Every place a Markdown string reaches the output — text, headings, link text, URL and title,
/// code spans and blocks, a fence's language tag, tables, HTML, entities — carries hostile
/// controls through the renderer: none arrives raw, with or without colour.
@Suite struct RendererHostileTextTests {
    static let corpus = [
        "\u{1B}[2J", "\u{1B}]0;pwned\u{07}", "\u{1B}]8;;http://evil\u{1B}\\x", "\u{9B}2J", "\u{9D}0;t\u{9C}", "\u{07}",
        "\u{7F}", "\u{08}", "\u{202E}evil\u{202C}", "\u{1B}[8m", "&#27;[2J", "&#x9b;31m", "&#7;",
    ]

    /// What is left once the renderer's own SGR and OSC 8 sequences are taken out (an oracle
    /// independent of the sanitizer).
    static func foreign(_ text: String) -> [UInt32] {
        var rest = text
        for pattern in ["\u{1B}\\[[0-9;]*m", "\u{1B}\\]8;;[^\u{1B}\u{07}\\s]*\u{1B}\\\\"] {
            rest = rest.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return rest.unicodeScalars.map(\.value).filter {
            ($0 < 0x20 && $0 != 0x0A) || (0x7F...0x9F).contains($0) || (0x202A...0x202E).contains($0)
        }
    }

    static func documents(_ hostile: String) -> [String] {
        [
            "# Heading \(hostile)\n\nText \(hostile) end.",
            "[link \(hostile)](http://a\(hostile)b \"title \(hostile)\")",
            "<http://auto\(hostile)link>",
            "`code \(hostile)`",
            "```\(hostile)swift\nlet x = \"\(hostile)\"\n```",
            "~~~ \(hostile)\nbody\n~~~",
            "    indented \(hostile)",
            "| a \(hostile) | b |\n| - | - |\n| \(hostile) | c |",
            "<div>\(hostile)</div>\n\ninline <b>\(hostile)</b>",
            "> quote \(hostile)\n\n- item \(hostile)\n1. one \(hostile)",
            "![image \(hostile)](http://img\(hostile))",
        ]
    }

    @Test func noForeignControlInAnyRenderedPath() {
        for hostile in Self.corpus {
            for document in Self.documents(hostile) {
                for color in [true, false] {
                    let settings = TerminalSettings(width: 60, color: color, ascii: false)
                    let renderer = MarkdownRenderer(settings: settings)
                    for output in [renderer.render(document), renderer.renderInline(document)] {
                        #expect(
                            Self.foreign(output).isEmpty, "\(document.debugDescription) → \(output.debugDescription)")
                        if !color { #expect(!output.contains("\u{1B}"), "\(output.debugDescription)") }
                    }
                }
            }
        }
    }

    @Test func linkTargetsCannotEndTheHyperlink() {
        let settings = TerminalSettings(width: 80, color: true, ascii: false)
        let output = MarkdownRenderer(settings: settings).render("[x](http://a\u{9C}\u{9B}2J)")
        #expect(Self.foreign(output).isEmpty, "\(output.debugDescription)")
        #expect(output.contains("\u{1B}]8;;http://a"), "the link is still a link: \(output.debugDescription)")
        let spaced = [UInt8](DocumentRenderer.hyperlinkTarget("http://a b\u{9C}ü"))
        #expect(String(decoding: spaced, as: UTF8.self) == "http://a%20b%C2%9Cü")
    }
}
