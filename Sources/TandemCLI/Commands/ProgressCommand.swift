import ArgumentParser
import Course
import Foundation
import Journey
import Terminal

#if canImport(Glibc)
    import Glibc
#endif

/// `tandem progress`: a summary; `--reset`, `--export FILE`, `--import FILE`.
public struct ProgressCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "A summary of your progress; reset, export or import it.")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @Flag(name: .long, help: "Clear all progress (a backup is saved beside it).") public var reset = false
    @Flag(name: .long, help: "Do not ask before --reset.") public var yes = false
    @Option(name: .long, help: ArgumentHelp("Write your progress to a file.", valueName: "file")) public var export:
        String?
    @Option(
        name: .customLong("import"),
        help: ArgumentHelp(
            "Merge progress from a file written by --export, keeping the better result per item.", valueName: "file"))
    public var importFile: String?
    @Flag(name: .long, help: "Print JSON for scripts (the shape of `tandem list --json`).") public var json = false
    public init() {}

    public func validate() throws {
        if [reset, export != nil, importFile != nil].filter({ $0 }).count > 1 {
            throw ValidationError("Use one of --reset, --export and --import at a time.")
        }
    }

    public func run() throws {
        let journey = try JourneyState(options: course)
        if reset { return try resetProgress(journey) }
        if let export { return try exportProgress(journey, to: export) }
        if let importFile { return try importProgress(journey, from: importFile) }
        emit(
            json: json, pager: false, report: { ProgressSummary.text(journey.status, settings: display.settings) },
            data: { ListReport.json(journey.status) })
    }

    func resetProgress(_ journey: JourneyState) throws {
        if !yes {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw CLIFailure("progress --reset needs --yes when there is no terminal to ask")
            }
            Output.write("Clear all progress in '\(journey.course.manifest.title)'? A backup is kept. [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else { return Output.line("Nothing changed.") }
        }
        let backup: URL?
        do { backup = try ProgressTransfer.backup(journey.store, now: journey.now) } catch {
            throw CLIFailure("\(error)")
        }
        do { try journey.store.replace(with: StudentProgress(courseID: journey.course.manifest.id)) } catch {
            throw CLIFailure("cannot reset progress: \(error)")
        }
        Output.line("Progress cleared." + (backup.map { " Backup: \($0.path)" } ?? " (There was none to back up.)"))
    }

    func exportProgress(_ journey: JourneyState, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try ProgressStore.atomicWrite(try ProgressStore.encoder.encode(journey.progress), to: url)
        } catch {
            throw CLIFailure("cannot write '\(path)': \(error)")
        }
        Output.line("Progress exported to \(path).")
    }

    func importProgress(_ journey: JourneyState, from path: String) throws {
        let data: Data
        do { data = Data(try BoundedInput.read(path, limit: ProgressStore.maximumFileSize)) } catch {
            throw CLIFailure("\(error); nothing imported")
        }
        let incoming: StudentProgress
        do {
            let decoded = try ProgressTransfer.decode(data, path: path, expectedCourseID: journey.course.manifest.id)
            incoming = decoded.progress
            for problem in decoded.problems.prefix(10) {
                Output.error("tandem: warning: \(path): \(TerminalText.excerpt(problem, limit: 120))")
            }
            if decoded.problems.count > 10 {
                Output.error("tandem: warning: \(path): \(decoded.problems.count - 10) more values dropped or clamped")
            }
        } catch {
            throw CLIFailure("\(error)")
        }
        if journey.store.readOnly {
            throw CLIFailure("progress is read-only (written by a newer tandem); nothing imported")
        }
        do { try journey.store.update { $0 = ProgressTransfer.merge($0, incoming) } } catch {
            throw CLIFailure("\(error); nothing imported")
        }
        Output.line("Progress imported from \(path) (merged, keeping the better result per item).")
    }
}
