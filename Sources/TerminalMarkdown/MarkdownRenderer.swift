import Terminal

/// Renders CommonMark to terminal text.
///
/// PLACEHOLDER: the renderer work replaces this body; the signature is the contract other
/// targets (quiz, lessons, home screen) rely on.
public struct MarkdownRenderer: Sendable {
    public var settings: TerminalSettings

    public init(settings: TerminalSettings) {
        self.settings = settings
    }

    /// The rendered document, ending in a newline, with no line wider than `settings.width`
    /// outside code blocks, and no escape byte unless `settings.color`.
    public func render(_ markdown: String) -> String {
        markdown.hasSuffix("\n") ? markdown : markdown + "\n"
    }
}
