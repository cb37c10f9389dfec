import Course
import Dispatch
import Foundation
import Quiz
import Terminal
import TerminalMarkdown

/// One problem `tandem lint` reports: `PATH:LINE: message`, the path relative to the course root.
public struct LintProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// A quiz problem, its text passed through unchanged.
    public init(_ problem: QuizProblem) {
        path = problem.path
        line = problem.line
        let prefix = "\(problem.path):\(problem.line): "
        let text = problem.description
        message = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    public var description: String { "\(path):\(line): \(message)" }
}

/// What `lint` found, and what it looked at.
public struct LintReport: Sendable {
    public var problems: [LintProblem] = []
    public var lessons = 0
    public var liveBlocks = 0
    /// Numbers in the lessons marked as quoted from a live run (see `LiveNumberMarker`).
    public var liveNumbers = 0
    public var questions = 0
    public var exercises = 0
}

/// Checks a whole course: the manifest matches the folders; every lesson reads, has a title and
/// well-formed live blocks that run and exit 0; every number marked as quoted from a live run
/// (`<!-- live: run DEMO … .json.path -->` right after the number, see `LiveNumberMarker`) still
/// matches what the demo gives; every quiz validates and question ids are unique across the
/// course; every cross-reference (lesson, quiz, exercise file, links between lessons) resolves.
public struct CourseLinter: Sendable {
    public var course: CourseFolder
    /// Runs a live block (in its lesson's folder); nil skips running them.
    public var runBlock: (@Sendable (LiveCommand, URL) -> LiveResult)?
    /// Runs a live number's demo command (tandem arguments, `--json` included) and returns what it
    /// printed; nil checks the markers' form without running anything.
    public var runDemo: (@Sendable ([String]) -> Result<String, LiveNumberRunFailure>)?
    /// Width the live blocks run at.
    public var settings = TerminalSettings(width: 80, color: false, ascii: false)

    public init(
        course: CourseFolder, runBlock: (@Sendable (LiveCommand, URL) -> LiveResult)?,
        runDemo: (@Sendable ([String]) -> Result<String, LiveNumberRunFailure>)? = nil
    ) {
        self.course = course
        self.runBlock = runBlock
        self.runDemo = runDemo
    }

    public func lint() -> LintReport {
        var report = LintReport()
        let manifestPath = course.relativePath(course.manifestURL)
        let manifestText = (try? String(contentsOf: course.manifestURL, encoding: .utf8)) ?? ""
        let sourceLines = (try? CourseManifest.parseWithLines(manifestText, path: manifestPath))?.lines
        report.problems += checkManifest(manifestPath: manifestPath, sourceLines: sourceLines ?? .init())
        report.lessons = course.manifest.lessons.count
        report.exercises = course.manifest.exercises.count

        var pendingRuns: [(problemIndex: Int, path: String, block: LiveBlock, command: LiveCommand, directory: URL)] =
            []
        var liveNumbers: [(problemIndex: Int, path: String, markers: [LiveNumberMarker])] = []
        var perLesson: [[LintProblem]] = []
        var questionSites: [String: (path: String, line: Int)] = [:]
        var duplicateProblems: [LintProblem] = []
        let lessonFiles = Set(course.manifest.lessons.map { course.lessonFile($0).standardizedFileURL.path })
        for lesson in course.manifest.lessons {
            var problems: [LintProblem] = []
            let url = course.lessonFile(lesson)
            let path = course.relativePath(url)
            if let data = FileManager.default.contents(atPath: url.path) {
                let scan = checkLesson(data: data, path: path, url: url, lessonFiles: lessonFiles)
                problems += scan.problems
                report.liveBlocks +=
                    scan.runs.count + scan.problems.filter { $0.message.hasPrefix("tandem block") }.count
                for run in scan.runs {
                    pendingRuns.append((perLesson.count, path, run.block, run.command, url.deletingLastPathComponent()))
                }
                let scanned = scan.liveNumbers
                problems += scanned.problems.map { LintProblem(path: path, line: $0.line, message: $0.message) }
                report.liveNumbers += scanned.markers.count + scanned.problems.count
                liveNumbers.append((perLesson.count, path, scanned.markers))
            }
            if let quizURL = course.quizFile(lesson), FileManager.default.fileExists(atPath: quizURL.path) {
                let quizPath = course.relativePath(quizURL)
                // The same problems as `validateQuiz(at:displayPath:)`, and every question's id.
                let loaded = QuizLoader.load(quizURL, displayPath: quizPath)
                problems += loaded.problems.map(LintProblem.init)
                let ids = loaded.questionIDs
                report.questions += ids.count
                var seenHere = Set<String>()
                for (id, line) in zip(ids, loaded.questionIDLines) where seenHere.insert(id).inserted {
                    if let first = questionSites[id] {
                        duplicateProblems.append(
                            LintProblem(
                                path: quizPath, line: line,
                                message:
                                    "question id '\(id)' is also used in \(first.path):\(first.line); ids must be unique across the course"
                            ))
                    } else {
                        questionSites[id] = (quizPath, line)
                    }
                }
            }
            perLesson.append(problems)
        }

        // Run the live blocks, two at a time (they are whole tandem processes).
        if let runBlock {
            let results = Self.runConcurrently(pendingRuns.map { ($0.command, $0.directory) }, width: 2, body: runBlock)
            for (run, result) in zip(pendingRuns, results) where !result.succeeded {
                perLesson[run.problemIndex].append(
                    LintProblem(
                        path: run.path, line: run.block.line,
                        message: "tandem block `\(run.command.display)` failed (\(result.failureSummary))"))
            }
        }
        // Re-run the demos the marked numbers were quoted from, one command at a time (in-process).
        if let runDemo {
            var outputs: [[String]: Result<String, LiveNumberRunFailure>] = [:]
            for lesson in liveNumbers {
                let found = LiveNumbers.check(lesson.markers) { arguments in
                    if let known = outputs[arguments] { return known }
                    let output = runDemo(arguments)
                    outputs[arguments] = output
                    return output
                }
                perLesson[lesson.problemIndex] += found.map {
                    LintProblem(path: lesson.path, line: $0.line, message: $0.message)
                }
            }
        }
        for problems in perLesson {
            report.problems += problems.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
        }
        report.problems += duplicateProblems
        return report
    }

    // MARK: - Manifest against folders

    func checkManifest(manifestPath: String, sourceLines: CourseManifest.SourceLines) -> [LintProblem] {
        var problems: [LintProblem] = []
        let fileManager = FileManager.default
        func line(_ header: String, _ index: Int) -> Int {
            let lines = header == "lessons" ? sourceLines.lessons : sourceLines.exercises
            return index < lines.count ? lines[index] : 1
        }

        var listedFolders = Set<String>()
        for (index, lesson) in course.manifest.lessons.enumerated() {
            let at = line("lessons", index)
            listedFolders.insert(lesson.folder)
            if lesson.number != index + 1 {
                problems.append(
                    LintProblem(
                        path: manifestPath, line: at,
                        message:
                            "lesson '\(lesson.slug)' has number \(lesson.number), but it is lesson \(index + 1) in order"
                    ))
            }
            let expected = String(format: "%02d-%@", lesson.number, lesson.slug)
            if lesson.folder != expected {
                problems.append(
                    LintProblem(
                        path: manifestPath, line: at,
                        message:
                            "lesson \(lesson.number) '\(lesson.slug)': folder '\(lesson.folder)' should be named '\(expected)'"
                    ))
            }
            let folder = course.contentDirectory.appendingPathComponent(lesson.folder)
            var isDirectory: ObjCBool = false
            if !fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
                problems.append(
                    LintProblem(
                        path: manifestPath, line: at,
                        message:
                            "lesson \(lesson.number) '\(lesson.slug)': folder \(course.relativePath(folder)) does not exist"
                    ))
                continue
            }
            if !fileManager.fileExists(atPath: course.lessonFile(lesson).path) {
                problems.append(
                    LintProblem(
                        path: manifestPath, line: at,
                        message:
                            "lesson \(lesson.number) '\(lesson.slug)': \(course.relativePath(course.lessonFile(lesson))) does not exist"
                    ))
            }
            if let quiz = course.quizFile(lesson), !fileManager.fileExists(atPath: quiz.path) {
                problems.append(
                    LintProblem(
                        path: manifestPath, line: at,
                        message:
                            "lesson \(lesson.number) '\(lesson.slug)': quiz \(course.relativePath(quiz)) does not exist"
                    ))
            }
        }
        // Lesson-like folders the manifest does not list.
        let entries = (try? fileManager.contentsOfDirectory(atPath: course.contentDirectory.path)) ?? []
        for name in entries.sorted() where !listedFolders.contains(name) {
            let url = course.contentDirectory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            let looksLikeLesson =
                name.first?.isNumber == true
                || fileManager.fileExists(atPath: url.appendingPathComponent("lesson.md").path)
            if looksLikeLesson {
                problems.append(
                    LintProblem(
                        path: manifestPath, line: 1,
                        message: "folder \(course.relativePath(url)) is not listed as a lesson in \(manifestPath)"))
            }
        }
        for (index, exercise) in course.manifest.exercises.enumerated() {
            let file = course.exerciseFile(exercise)
            // The working copy is created from the starter on first use (it is not in git), so
            // a fresh checkout has only the starter.
            let starter = course.exercisesDirectory.appendingPathComponent(".starters")
                .appendingPathComponent(exercise.file)
            if !fileManager.fileExists(atPath: file.path) && !fileManager.fileExists(atPath: starter.path) {
                problems.append(
                    LintProblem(
                        path: manifestPath, line: line("exercises", index),
                        message: "exercise '\(exercise.id)': file \(course.relativePath(file)) does not exist"))
            }
            if exercise.number != index + 1 {
                problems.append(
                    LintProblem(
                        path: manifestPath, line: line("exercises", index),
                        message:
                            "exercise '\(exercise.id)' has number \(exercise.number), but it is exercise \(index + 1) in order"
                    ))
            }
        }
        return problems
    }

    // MARK: - Lessons

    struct PendingRun {
        var block: LiveBlock
        var command: LiveCommand
    }

    /// What one lesson's text gives the lint: problems found without running anything, the blocks
    /// to run, and the live-number markers (all from one parse).
    struct LessonScan {
        var problems: [LintProblem] = []
        var runs: [PendingRun] = []
        var liveNumbers: (markers: [LiveNumberMarker], problems: [LiveNumberProblem]) = ([], [])
    }

    func checkLesson(data: Data, path: String, url: URL, lessonFiles: Set<String>) -> LessonScan {
        var scan = LessonScan()
        guard let text = String(data: data, encoding: .utf8) else {
            scan.problems = [LintProblem(path: path, line: 1, message: "not valid UTF-8 text")]
            return scan
        }
        let lines = LiveBlockScanner.splitLines(text)
        if let first = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }) {
            let line = lines[first].trimmingWhitespace()
            if !(line.hasPrefix("# ") && line.count > 2) {
                scan.problems.append(
                    LintProblem(
                        path: path, line: first + 1,
                        message: "the lesson should start with its title as a level-1 heading ('# Title')"))
            }
        } else {
            scan.problems.append(
                LintProblem(path: path, line: 1, message: "the lesson is empty (it needs at least a '# Title')"))
        }

        let structure = MarkdownStructure(parsing: text)
        for block in LiveBlockScanner.blocks(in: structure) {
            guard block.terminated else {
                scan.problems.append(
                    LintProblem(path: path, line: block.line, message: "tandem block has no closing fence"))
                continue
            }
            do {
                scan.runs.append(PendingRun(block: block, command: try LiveCommand.parse(block.body)))
            } catch {
                scan.problems.append(
                    LintProblem(path: path, line: block.line, message: "tandem block: \(error.message)"))
            }
        }
        scan.problems += checkLinks(structure.links, path: path, lessonURL: url, lessonFiles: lessonFiles)
        scan.liveNumbers = LiveNumbers.markers(in: structure)
        return scan
    }

    /// Relative links (inline and reference-style, images too) must point at files that exist; a
    /// link to another lesson's `lesson.md` must name a lesson of the course. Each is reported at
    /// the line of its `]`, where it is used.
    /// `lessonFiles`: every lesson's `lesson.md` path, computed once per lint (per lesson it was quadratic).
    func checkLinks(_ links: [MarkdownStructure.Link], path: String, lessonURL: URL, lessonFiles: Set<String>)
        -> [LintProblem]
    {
        var problems: [LintProblem] = []
        for link in links {
            let target = link.destination
            guard let relative = LinkDestination.relativeFilePath(target) else { continue }
            let resolved = lessonURL.deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL
            if !FileManager.default.fileExists(atPath: resolved.path) {
                problems.append(
                    LintProblem(
                        path: path, line: link.line,
                        message: "link '\(target)' does not resolve (no file \(course.relativePath(resolved)))"))
            } else if resolved.lastPathComponent == "lesson.md", !lessonFiles.contains(resolved.path) {
                problems.append(
                    LintProblem(
                        path: path, line: link.line,
                        message: "link '\(target)' points at a lesson that is not in the course"))
            }
        }
        return problems
    }

    // MARK: - Helpers

    /// Runs `body` over `items` with at most `width` at once; results in input order.
    static func runConcurrently(
        _ items: [(LiveCommand, URL)], width: Int,
        body: @escaping @Sendable (LiveCommand, URL) -> LiveResult
    ) -> [LiveResult] {
        Slots<LiveResult>.fill(count: items.count, concurrency: width) { body(items[$0].0, items[$0].1) }
    }
}

/// Results computed on several threads, kept in input order.
final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]
    private var next = 0

    private init(count: Int) { values = Array(repeating: nil, count: count) }

    /// `make(i)` for every i in 0..<count, at most `concurrency` at once.
    static func fill(count: Int, concurrency: Int, _ make: @Sendable (Int) -> Value) -> [Value] {
        let slots = Slots(count: count)
        if count > 0 {
            DispatchQueue.concurrentPerform(iterations: min(max(concurrency, 1), count)) { _ in
                while let index = slots.take() { slots.set(index, make(index)) }
            }
        }
        return slots.values.compactMap { $0 }
    }

    private func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        defer { next += 1 }
        return next
    }

    private func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }
}
