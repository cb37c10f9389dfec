/// An ANSI text style: bold, dim, italic, underline and one of the 16 standard colours (which
/// terminals map to their own palette, so text reads on light and dark backgrounds alike).
/// Every way to apply a style takes the colour decision and emits nothing when it is off.
public struct Style: Sendable, Hashable {
    /// The 16 standard ANSI colours.
    public enum Color: UInt8, Sendable, Hashable, CaseIterable {
        case black, red, green, yellow, blue, magenta, cyan, white
        case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

        /// SGR parameter for this colour as foreground.
        var foregroundCode: Int { rawValue < 8 ? 30 + Int(rawValue) : 90 + Int(rawValue) - 8 }
    }

    public var bold: Bool
    public var dim: Bool
    public var italic: Bool
    public var underline: Bool
    public var foreground: Color?

    public init(
        bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false, foreground: Color? = nil
    ) {
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.foreground = foreground
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let italic = Style(italic: true)
    public static let underline = Style(underline: true)
    public static func color(_ color: Color) -> Style { Style(foreground: color) }

    public static let red = Style.color(.red)
    public static let green = Style.color(.green)
    public static let yellow = Style.color(.yellow)
    public static let blue = Style.color(.blue)
    public static let magenta = Style.color(.magenta)
    public static let cyan = Style.color(.cyan)

    /// This style plus another's attributes (the other's colour wins when it has one).
    public func with(_ other: Style) -> Style {
        Style(
            bold: bold || other.bold, dim: dim || other.dim, italic: italic || other.italic,
            underline: underline || other.underline, foreground: other.foreground ?? foreground)
    }

    public var isPlain: Bool { self == .plain }

    /// The SGR sequence that switches from any style to this one (it resets first).
    public var escape: String {
        var codes = "0"
        if bold { codes += ";1" }
        if dim { codes += ";2" }
        if italic { codes += ";3" }
        if underline { codes += ";4" }
        if let foreground { codes += ";\(foreground.foregroundCode)" }
        return "\u{1B}[\(codes)m"
    }

    /// The sequence that returns to the terminal's default style.
    public static let reset = "\u{1B}[0m"

    /// `text` in this style, or `text` unchanged when `enabled` is false or the style is plain.
    public func apply(_ text: String, enabled: Bool) -> String {
        guard enabled, !isPlain, !text.isEmpty else { return text }
        return escape + text + Style.reset
    }
}

extension TerminalSettings {
    /// `text` in `style` when these settings allow colour; unchanged otherwise.
    public func paint(_ text: String, _ style: Style) -> String {
        style.apply(text, enabled: color)
    }
}
