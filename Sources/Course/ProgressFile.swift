import Foundation
import Terminal

/// Bounds on the numbers in a progress file. Anything beyond them was not written by tandem
/// (hand-edited, or imported from elsewhere), and arithmetic on it could overflow: values are
/// clamped on load and on import, with a notice.
public enum ProgressLimits {
    /// Attempts, correct answers, quiz totals.
    public static let maxCount = 1_000_000
    /// Hint levels revealed.
    public static let maxHints = 1_000
    /// Leitner boxes.
    public static let maxBox = 100
    /// Quiz points (one point per question at most).
    public static let maxQuizPoints = Double(maxCount)
}

/// Reading `progress.json` (and files written by `--export`): the format version, migration of
/// older versions, and a decode that keeps everything it can read and names what it could not.
public enum ProgressFile {
    /// Why a progress file could not be read at all.
    public enum Failure: Error, Equatable, CustomStringConvertible, Sendable {
        /// Not JSON, or not a JSON object: `reason` says where and why.
        case notProgress(reason: String)
        /// Written by a newer tandem.
        case newerVersion(Int)

        public var description: String {
            switch self {
            case .notProgress(let reason): return "not a progress file: \(reason)"
            case .newerVersion(let version): return "written by a newer tandem (format \(version)); upgrade tandem"
            }
        }
    }

    /// A decoded file: the progress, the version it was written in, and what was dropped or
    /// clamped (each "FIELD: REASON").
    public struct Decoded: Sendable {
        public var progress: StudentProgress
        public var version: Int
        public var problems: [String]
    }

    /// Decodes `data`, migrating an older format version. Throws only when nothing can be read.
    public static func decode(_ data: Data) throws(Failure) -> Decoded {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .notProgress(reason: reason(of: error))
        }
        guard let dictionary = object as? [String: Any] else {
            throw .notProgress(reason: "the top level is not a JSON object")
        }
        let version: Int
        switch dictionary["format_version"] {
        case nil: throw .notProgress(reason: "it has no format_version field")
        case let number as NSNumber:
            guard let exact = Int(exactly: number.doubleValue) else {
                throw .notProgress(reason: "format_version \(number) is not a version number")
            }
            version = exact
        default:
            throw .notProgress(reason: "format_version is not a whole number")
        }
        if version > StudentProgress.currentFormatVersion { throw .newerVersion(version) }
        if version < 1 { throw .notProgress(reason: "format_version \(version) is not a version number") }
        // Migrations run on the JSON object, oldest first. Version 1 to 2 changed no field's
        // shape: its checks are the lenient decode below, which every version goes through.
        let log = ProblemLog()
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        decoder.userInfo[ProblemLog.key] = log
        do {
            var progress = try decoder.decode(StudentProgress.self, from: data)
            progress.formatVersion = StudentProgress.currentFormatVersion
            return Decoded(progress: progress, version: version, problems: log.problems)
        } catch {
            throw .notProgress(reason: reason(of: error))
        }
    }

    /// A reason in words, from a JSON or decoding error (never a raw NSError dump).
    static func reason(of error: Error) -> String {
        if let decoding = error as? DecodingError { return describe(decoding) }
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String, !detail.isEmpty {
            return detail
        }
        return "it is not valid JSON"
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            codingPath.isEmpty ? "the top level" : fieldPath(codingPath)
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(ProblemLog.name(of: type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(ProblemLog.name(of: type)), found null"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// What a lenient decode dropped or clamped, reached through the decoder's `userInfo`.
final class ProblemLog: Sendable {
    static let key = CodingUserInfoKey(rawValue: "tandem.progress.problems")!
    private let entries = Locked([String]())

    var problems: [String] { entries.withLock { $0 } }

    func append(_ problem: String) {
        entries.withLock { $0.append(problem) }
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is String.Type: return "a string"
        case is Date.Type: return "a date"
        default: return "an object"
        }
    }
}

extension Decoder {
    /// Records that the value at `path` was dropped or clamped, and why.
    func logProblem(at path: [CodingKey], _ reason: String) {
        guard let log = userInfo[ProblemLog.key] as? ProblemLog else { return }
        log.append("\(ProgressFile.fieldPath(path)): \(reason)")
    }
}

/// The coding keys of progress records: their names are shown as the file spells them (snake case).
protocol ProgressFieldKey: CodingKey {}

extension ProgressFile {
    /// `questions.q1.correct_count`: field names as in the file, ids as they are.
    static func fieldPath(_ path: [CodingKey]) -> String {
        path.map { key in
            guard key is any ProgressFieldKey else { return key.stringValue }
            var name = ""
            for character in key.stringValue {
                if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
            }
            return name
        }.joined(separator: ".")
    }
}

extension KeyedDecodingContainer {
    /// The value for `key`, or nil (logged) when it is there but unreadable.
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key, _ decoder: Decoder) -> T? {
        guard contains(key) else { return nil }
        do {
            return try decodeIfPresent(type, forKey: key)
        } catch {
            decoder.logProblem(at: codingPath + [key], "expected \(ProblemLog.name(of: type)); dropped")
            return nil
        }
    }

    /// A count in 0…`limit`: out-of-range values (negative, huge, fractional) are clamped and logged.
    func count(_ key: Key, _ decoder: Decoder, upTo limit: Int = ProgressLimits.maxCount) -> Int? {
        guard contains(key), (try? decodeNil(forKey: key)) == false else { return nil }
        if let value = try? decode(Int.self, forKey: key), (0...limit).contains(value) { return value }
        guard let number = try? decode(Double.self, forKey: key), !number.isNaN else {
            decoder.logProblem(at: codingPath + [key], "expected a whole number; dropped")
            return nil
        }
        let clamped = number < 0 ? 0 : number > Double(limit) ? limit : Int(number)
        decoder.logProblem(at: codingPath + [key], "\(number) is outside 0…\(limit); read as \(clamped)")
        return clamped
    }

    /// Points in 0…`limit`: a value out of range is clamped, a non-number dropped, both logged.
    func points(_ key: Key, _ decoder: Decoder, upTo limit: Double) -> Double? {
        guard let value = lenient(Double.self, key, decoder) else { return nil }
        if value.isFinite && value >= 0 && value <= limit { return value }
        let clamped = value.isNaN ? 0 : Swift.min(Swift.max(value, 0), limit)
        decoder.logProblem(
            at: codingPath + [key], "\(value) is outside 0…\(limit.formatted0); read as \(clamped.formatted0)")
        return clamped
    }

    /// A dictionary of records, keeping every entry that is an object (its fields are lenient
    /// themselves) and dropping, with a log line, those that are not.
    func lenientEntries<T: Decodable>(_ type: T.Type, _ key: Key, _ decoder: Decoder) -> [String: T] {
        guard contains(key), (try? decodeNil(forKey: key)) == false else { return [:] }
        guard let boxes = try? decode([String: LenientEntry<T>].self, forKey: key) else {
            decoder.logProblem(at: codingPath + [key], "expected an object of entries; all dropped")
            return [:]
        }
        return boxes.compactMapValues(\.value)
    }
}

/// One dictionary entry that may fail to decode without failing its dictionary.
struct LenientEntry<T: Decodable>: Decodable {
    var value: T?

    init(from decoder: Decoder) throws {
        do {
            value = try T(from: decoder)
        } catch {
            decoder.logProblem(at: decoder.codingPath, "expected an object; entry dropped")
            value = nil
        }
    }
}

extension Double {
    /// Whole numbers without ".0", others as Swift prints them (for messages).
    fileprivate var formatted0: String {
        isFinite && rounded() == self && abs(self) < 1e15 ? String(Int(self)) : "\(self)"
    }
}
