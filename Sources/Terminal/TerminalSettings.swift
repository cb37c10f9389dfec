import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// When to colour output: `auto` colours only a TTY with `NO_COLOR` unset or empty and `TERM`
/// not `dumb`.
public enum ColorMode: String, CaseIterable, Sendable {
    case auto, always, never
}

/// What every printing command needs to know about the terminal it writes to.
/// Resolved once from the shared options and the environment, then passed down as a value.
public struct TerminalSettings: Sendable, Equatable {
    /// Columns available for output; nothing but code blocks may exceed it.
    public var width: Int
    /// Whether ANSI escapes may be written at all. When false, output holds no escape byte.
    public var color: Bool
    /// Plain ASCII glyphs instead of Unicode bullets, bars and box lines.
    public var ascii: Bool

    public init(width: Int = 80, color: Bool = false, ascii: Bool = false) {
        self.width = width
        self.color = color
        self.ascii = ascii
    }

    /// Resolves the settings the way every command does.
    /// - width: `--width`, else `COLUMNS`, else the terminal's width capped at 100, else 80.
    /// - colour: `always`/`never` win; `auto` colours a TTY when `NO_COLOR` is unset or empty and
    ///   `TERM` is not `dumb`.
    /// - ASCII: `--ascii`, or a locale that is not UTF-8.
    public static func resolve(
        width: Int?, color: ColorMode, ascii: Bool,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        isTTY: Bool = isatty(STDOUT_FILENO) == 1,
        terminalColumns: Int? = TerminalSettings.terminalColumns()
    ) -> TerminalSettings {
        var resolvedWidth = 80
        if let width, width > 0 {
            resolvedWidth = width
        } else if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
            columns > 0
        {
            resolvedWidth = columns
        } else if isTTY, let columns = terminalColumns, columns > 0 {
            resolvedWidth = min(columns, 100)
        }
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = isTTY && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
        return TerminalSettings(
            width: max(resolvedWidth, 1), color: useColor,
            ascii: ascii || !localeIsUTF8(environment))
    }

    /// The width the terminal reports for stdout, if it is one.
    public static func terminalColumns() -> Int? {
        terminalSize().map { Int($0.ws_col) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The rows the terminal reports for stdout, if it is one.
    public static func terminalRows() -> Int? {
        terminalSize().map { Int($0.ws_row) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The window size of stdout's terminal, or nil when stdout is not one.
    private static func terminalSize() -> winsize? {
        var size = winsize()
        #if canImport(Glibc)
            let request = UInt(TIOCGWINSZ)
        #else
            let request = TIOCGWINSZ
        #endif
        return ioctl(STDOUT_FILENO, request, &size) == 0 ? size : nil
    }

    /// A locale is UTF-8 unless LC_ALL / LC_CTYPE / LANG (first set wins) names another charset.
    /// Unset everywhere counts as UTF-8: modern terminals are, and a student gets the nicer glyphs.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                if value == "C" || value == "POSIX" { return false }
                let lower = value.lowercased()
                return lower.contains("utf-8") || lower.contains("utf8")
            }
        }
        return true
    }
}
