import Terminal

/// The quiz's plain-text fitting for the few lines it writes itself (Markdown goes through the
/// renderer; wrapping is `TextWrap`'s).
enum TextFit {
    /// Cuts `text` to `width` columns, ending in an ellipsis ("..." with `ascii`) when something
    /// was cut; see `DisplayWidth.truncate`.
    static func truncate(_ text: String, width: Int, ascii: Bool = false) -> String {
        DisplayWidth.truncate(ascii ? asciiPunctuation(text) : text, columns: width, ellipsis: ascii ? "..." : "…")
    }

    /// Dashes tandem writes itself, spelled in ASCII for `--ascii` terminals.
    static func asciiPunctuation(_ text: String) -> String {
        text.replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "±", with: "+/-").replacingOccurrences(of: "…", with: "...")
    }
}
