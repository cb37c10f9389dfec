import Foundation
import Testing

@testable import Terminal

/// The sanitizer and the writer's filter, against a corpus of hostile strings.
@Suite struct TerminalTextTests {
    static let hostile = [
        "\u{1B}[2J", "\u{1B}]0;pwned\u{07}", "\u{1B}]8;;http://evil\u{1B}\\x", "\u{9B}2J", "\u{9D}0;t\u{9C}", "\u{07}",
        "\u{7F}", "\u{08}", "a\rb", "\u{202E}evil\u{202C}", "\u{2066}x\u{2069}", "\u{1B}[8m", "\u{0}",
        "\u{1B}P1;2q\u{1B}\\",
        "\u{1B}c", "\u{85}", "\u{1B}[31m",
    ]

    /// Scalars a terminal acts on.
    func controls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter {
            ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || (0x7F...0x9F).contains($0) || (0x202A...0x202E).contains($0)
                || (0x2066...0x2069).contains($0)
        }
    }

    @Test func sanitizeLeavesNoControlButNewlineAndTab() {
        for text in Self.hostile + [Self.hostile.joined(separator: "\n\t")] {
            let clean = TerminalText.sanitize("before " + text + " after")
            #expect(controls(clean).isEmpty, "\(clean.debugDescription)")
            #expect(clean.hasPrefix("before ") && clean.hasSuffix(" after"))
        }
        #expect(TerminalText.sanitize("tab\tnew\nline") == "tab\tnew\nline")
        #expect(TerminalText.sanitize("crlf\r\nend") == "crlf\nend")
        #expect(TerminalText.sanitize("ünïcödé 漢字 🙂") == "ünïcödé 漢字 🙂")
        #expect(TerminalText.sanitize("\u{9B}") == "\u{FFFD}")
    }

    @Test func theWritersFilterKeepsOnlyTandemsOwnSequences() {
        let own = "\u{1B}[0;1;31mred\u{1B}[0m \u{1B}]8;;https://example.org/ü\u{1B}\\link\u{1B}]8;;\u{1B}\\\r\n"
        var copy = own
        copy.withUTF8 { bytes in
            #expect(TerminalText.isClean(bytes))
            #expect(TerminalText.neutralizingForeignEscapes(bytes) == Array(bytes))
        }
        // An SGR colour and a well-formed OSC 8 link look exactly like tandem's own: the filter is
        // the safety net, and the sanitizer at each source (tested above and per path) removes them.
        let ownLooking: Set<String> = ["\u{1B}[31m", "\u{1B}]8;;http://evil\u{1B}\\x"]
        for text in Self.hostile where !ownLooking.contains(text) {
            var hostile = "x" + text + "y"
            hostile.withUTF8 { bytes in
                #expect(!TerminalText.isClean(bytes), "\(text.debugDescription)")
                let filtered = String(decoding: TerminalText.neutralizingForeignEscapes(bytes), as: UTF8.self)
                // No escape survives; other controls are replaced.
                #expect(!filtered.contains("\u{1B}"), "\(filtered.debugDescription)")
                #expect(controls(filtered).isEmpty, "\(filtered.debugDescription)")
            }
        }
        // Conceal (8), blink (5) and a C1 string terminator inside a link target are not tandem's.
        for text in ["\u{1B}[5m", "\u{1B}[0;8m", "\u{1B}]8;;http://a\u{9C}\u{1B}\\", "\u{1B}]8;;a b\u{1B}\\"] {
            var copy = text
            copy.withUTF8 { #expect(!TerminalText.isClean($0), "\(text.debugDescription)") }
        }
    }

    @Test func excerptsAreShortAndOnOneLine() {
        let excerpt = TerminalText.excerpt(String(repeating: "x", count: 10_000) + "\n", limit: 60)
        #expect(excerpt.count == 61 && excerpt.hasSuffix("…"))
        #expect(TerminalText.excerpt("a\nb\u{1B}[2J") == "a⏎b\u{FFFD}[2J")
    }

    @Test func dumbTerminalsGetNoColour() {
        let dumb = TerminalSettings.resolve(
            width: nil, color: .auto, ascii: false, environment: ["TERM": "dumb"], isTTY: true, terminalColumns: nil)
        #expect(!dumb.color)
        let xterm = TerminalSettings.resolve(
            width: nil, color: .auto, ascii: false, environment: ["TERM": "xterm"], isTTY: true, terminalColumns: nil)
        #expect(xterm.color)
        let forced = TerminalSettings.resolve(
            width: nil, color: .always, ascii: false, environment: ["TERM": "dumb"], isTTY: true, terminalColumns: nil)
        #expect(forced.color)
    }
}
