import Foundation

/// A live block's command line, split into arguments and checked against the commands a lesson
/// may run. Lessons never go through a shell: the arguments go straight to tandem's own
/// executable, and only read-only subcommands are allowed, so a lesson file cannot run arbitrary
/// programs or change the student's progress.
public struct LiveCommand: Sendable, Equatable {
    /// Arguments after `tandem`, e.g. `["run", "cascade", "--threshold", "0.8"]`.
    public var arguments: [String]

    /// The line as shown to the student: `tandem run cascade --threshold 0.8`.
    public var display: String {
        (["tandem"] + arguments.map(LiveCommand.quoteForDisplay)).joined(separator: " ")
    }

    /// Subcommands a lesson may run. `quiz` only as `quiz --check FILE` (validating, not taking).
    public static let allowedSubcommands: Set<String> = ["run", "list", "quiz"]

    /// Options that would make an allowed command write files, ask questions, or build and run
    /// other programs (`run … --mine` compiles and runs the student's exercises with swift).
    static let forbiddenOptions: Set<String> = ["--answers", "--file", "--export", "--import", "--reset", "--mine"]

    public init(arguments: [String]) {
        self.arguments = arguments
    }

    /// Parses a block body: exactly one non-blank line, optionally starting with `tandem` or
    /// `$ tandem`.
    public static func parse(_ body: [String]) throws(LiveCommandError) -> LiveCommand {
        let lines = body.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !lines.isEmpty else {
            throw LiveCommandError("empty tandem block: it should hold one command line, e.g. `run cascade`")
        }
        guard lines.count == 1 else {
            throw LiveCommandError("a tandem block holds one command line; this one has \(lines.count)")
        }
        var arguments = try splitArguments(lines[0])
        if arguments.first == "$" { arguments.removeFirst() }
        if arguments.first == "tandem" { arguments.removeFirst() }
        guard let subcommand = arguments.first else { throw LiveCommandError("no tandem subcommand in `\(lines[0])`") }
        guard allowedSubcommands.contains(subcommand) else {
            let allowed = allowedSubcommands.sorted().joined(separator: ", ")
            throw LiveCommandError(
                "`\(subcommand)` cannot run in a lesson (allowed: \(allowed), and quiz only with --check)")
        }
        if subcommand == "quiz" && !arguments.contains(where: { $0 == "--check" || $0.hasPrefix("--check=") }) {
            throw LiveCommandError("`quiz` runs in a lesson only as `quiz --check FILE`")
        }
        if let option = arguments.first(where: { argument in
            forbiddenOptions.contains(where: { argument == $0 || argument.hasPrefix($0 + "=") })
        }) {
            throw LiveCommandError("`\(option)` is not allowed in a lesson's tandem block")
        }
        return LiveCommand(arguments: arguments)
    }

    /// Splits a command line the way a simple shell would, without any expansion: blanks separate
    /// arguments; 'single quotes' keep everything literally; "double quotes" keep everything
    /// except `\"` and `\\`; a backslash outside quotes keeps the next character.
    public static func splitArguments(_ line: String) throws(LiveCommandError) -> [String] {
        var arguments: [String] = []
        var current = ""
        var inArgument = false
        var quote: Character? = nil
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if let open = quote {
                if character == open {
                    quote = nil
                } else if open == "\"" && character == "\\" {
                    guard let next = iterator.next() else { break }
                    if next != "\"" && next != "\\" { current.append("\\") }
                    current.append(next)
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case " ", "\t":
                if inArgument {
                    arguments.append(current)
                    current = ""
                    inArgument = false
                }
            case "'", "\"":
                quote = character
                inArgument = true
            case "\\":
                guard let next = iterator.next() else { throw LiveCommandError("the line ends with a lone backslash") }
                current.append(next)
                inArgument = true
            default:
                current.append(character)
                inArgument = true
            }
        }
        if let quote { throw LiveCommandError("unterminated \(quote) quote in `\(line)`") }
        if inArgument { arguments.append(current) }
        return arguments
    }

    static func quoteForDisplay(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_.=/:,+%@".contains($0) }
        if plain { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

public struct LiveCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
