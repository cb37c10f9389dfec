import Testing
import Terminal
@testable import TerminalMarkdown

@Suite struct RendererSmokeTests {
    @Test func rendersTextWithoutEscapesWhenColourIsOff() {
        let out = MarkdownRenderer(settings: TerminalSettings(width: 40, color: false)).render("Hello *world*")
        #expect(out.contains("Hello"))
        #expect(!out.contains("\u{1B}"))
    }
}
