import Course
import Foundation
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tandem watch`: re-checks the current exercise whenever its file is saved.
///
/// Waits with `poll` on the keyboard and (on Linux) an inotify watch of the exercise's folder, and
/// compares the file's modification time on every wake-up, so a missed event only delays a check
/// by the poll interval. Never advances by itself: `n` moves on once the exercise passes.
public final class Watcher {
    let session: ExerciseSession
    let timeLimit: Double
    var current: ExerciseEntry?
    var lastResult: CheckResult?
    var lastModified: Date?
    var note: String?
    var extra: [String] = []
    /// Seconds from the file's save to the verdict on screen, for every check triggered by a save.
    public private(set) var saveToVerdict: [Double] = []

    public init(session: ExerciseSession, timeLimit: Double = 20) {
        self.session = session
        self.timeLimit = timeLimit
    }

    /// Why watch cannot run here, or nil when stdin and stdout are terminals.
    public static func unavailableReason(stdinIsTTY: Bool, stdoutIsTTY: Bool) -> String? {
        if stdinIsTTY && stdoutIsTTY { return nil }
        return "watch needs an interactive terminal (it reads single keys and redraws the screen); "
            + "run tandem check instead, or tandem check --all."
    }

    /// Runs until `q`. Returns the save-to-verdict times measured.
    public func run() throws -> [Double] {
        guard let first = currentExercise(session.exercises, progress: try session.store.load()) else {
            Output.line(
                CheckReport(settings: session.settings).wrap(
                    "Every exercise is solved. tandem check --all re-checks them all."))
            return []
        }
        current = first
        let keyboard = RawKeyboard()
        defer {
            keyboard.restore()
            Output.write("\n")
        }
        let events = FileEvents()
        events.watch(session.layout.studentFile(first).deletingLastPathComponent())
        checkNow(afterSave: nil)
        while true {
            let key = keyboard.waitForKey(alsoWatching: events.descriptor, timeoutMilliseconds: 250)
            events.drain()
            if let key {
                switch key {
                case "q", "\u{3}", "\u{4}": return saveToVerdict
                case "n": advance(events)
                case "h": showHint()
                case "l": showList()
                default: break
                }
            }
            guard let exercise = current else { return saveToVerdict }
            let modified = modificationDate(session.layout.studentFile(exercise))
            if let modified, modified != lastModified {
                checkNow(afterSave: modified)
            }
        }
    }

    func checkNow(afterSave saved: Date?) {
        guard let exercise = current else { return }
        lastModified = modificationDate(session.layout.studentFile(exercise))
        extra = []
        note = session.firstBuild ? "Checking… (the first check compiles the engine too: about a minute)" : "Checking…"
        draw()
        let checker = ExerciseChecker(course: session.course, paths: session.paths, timeLimit: timeLimit)
        do {
            let result = try checker.check(exercise)
            try record(result, in: session.store, scheduler: session.course.scheduler)
            lastResult = result
            if let saved {
                let seconds = Date().timeIntervalSince(saved)
                saveToVerdict.append(seconds)
                note = String(
                    format: "Verdict %.1f s after the save (build %.1f s, checks %.1f s).",
                    seconds, result.buildSeconds, result.runSeconds)
            } else {
                note = "Save the file to check again."
            }
        } catch {
            note = "Could not check: \(error)"
        }
        draw()
    }

    /// Where the `n` key leads.
    public enum Move: Equatable {
        /// The current exercise has not passed (yet, or since its last edit): `n` stays put.
        case stay
        case to(ExerciseEntry)
        case finished
    }

    /// `n` moves on only once the last check passed, to the first unsolved exercise. Nothing else
    /// changes the current exercise: a pass alone never advances.
    public static func move(after last: CheckResult?, exercises: [ExerciseEntry], progress: StudentProgress) -> Move {
        guard last?.status == .passed else { return .stay }
        return currentExercise(exercises, progress: progress).map(Move.to) ?? .finished
    }

    func advance(_ events: FileEvents) {
        let next: ExerciseEntry
        switch Self.move(after: lastResult, exercises: session.exercises, progress: loadProgress()) {
        case .stay:
            note = "The n key moves on once this exercise passes."
            draw()
            return
        case .finished:
            current = nil
            Output.clearScreen()
            Output.line("Every exercise is solved. Well done!")
            return
        case .to(let exercise):
            next = exercise
        }
        current = next
        lastResult = nil
        events.watch(session.layout.studentFile(next).deletingLastPathComponent())
        checkNow(afterSave: nil)
    }

    /// The stored progress; when it cannot be read, none, with the reason in the note line (watch
    /// keeps checking; each save's failure is shown the same way).
    func loadProgress() -> StudentProgress {
        do { return try session.store.load() } catch {
            note = "\(error)"
            return StudentProgress(courseID: session.course.manifest.id)
        }
    }

    func showHint() {
        guard let exercise = current, let text = try? session.hint(exercise, again: "Press h") else { return }
        extra = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        draw()
    }

    func showList() {
        let progress = loadProgress()
        extra = session.exercises.map { exercise in
            let record = progress.exercises[exercise.id]
            let mark =
                record?.solved == true
                ? (session.settings.ascii ? "[ok]" : "✓") : (session.settings.ascii ? "[  ]" : "·")
            let here = exercise.id == current?.id ? "  <- current" : ""
            return "\(mark) \(exercise.number) \(exercise.title) (\(record?.status ?? "not checked"))\(here)"
        }
        draw()
    }

    func draw() {
        let report = CheckReport(settings: session.settings)
        let progress = loadProgress()
        let solved = session.exercises.filter { progress.exercises[$0.id]?.solved == true }.count
        var lines: [String] = [progressBar(solved: solved, total: session.exercises.count), ""]
        // An earlier edition's work moved when the session started: said on every screen of it.
        for line in session.preparationNotes { lines.append(report.wrap(line)) }
        if !session.preparationNotes.isEmpty { lines.append("") }
        if let exercise = current {
            lines.append(
                report.wrap(
                    "Exercise \(exercise.number) of \(session.exercises.count): \(exercise.title) — edit \(session.displayPath(exercise))"
                ))
            lines.append("")
        }
        if let result = lastResult, note?.hasPrefix("Checking…") != true {
            lines.append(report.detail(result, file: session.displayPath(result.exercise)))
            lines.append("")
        }
        if let note { lines.append(report.wrap(note)) }
        if !extra.isEmpty {
            lines.append("")
            lines += extra.map { report.wrap($0, indent: 2) }
        }
        lines.append("")
        lines.append(
            report.wrap(
                lastResult?.status == .passed
                    ? "n next exercise · h hint · l list · q quit"
                    : "h hint · l list · q quit (n moves on once this passes)"))
        // The keyboard is in raw mode: lines need an explicit carriage return.
        Output.clearScreen()
        Output.write(lines.joined(separator: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func progressBar(solved: Int, total: Int) -> String {
        let width = max(10, min(40, session.settings.width - 20))
        let filled = total == 0 ? 0 : width * solved / total
        let (full, empty) = session.settings.ascii ? ("#", "-") : ("█", "░")
        return "[" + String(repeating: full, count: filled) + String(repeating: empty, count: width - filled)
            + "] \(solved)/\(total) solved"
    }
}

func modificationDate(_ url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
}

/// Save notifications for one folder (inotify on Linux; elsewhere none, and polling does the work).
final class FileEvents {
    private(set) var descriptor: Int32?
    private var watchID: Int32 = -1

    init() {
        #if os(Linux)
            let fd = inotify_init1(Int32(IN_NONBLOCK))
            if fd >= 0 { descriptor = fd }
        #endif
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    func watch(_ folder: URL) {
        #if os(Linux)
            guard let descriptor else { return }
            if watchID >= 0 { inotify_rm_watch(descriptor, watchID) }
            watchID = inotify_add_watch(
                descriptor, folder.path, UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY))
        #endif
    }

    /// Discards pending events (the modification time decides whether to check).
    func drain() {
        guard let descriptor else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }
}
