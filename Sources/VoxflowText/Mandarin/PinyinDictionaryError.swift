import Foundation

/// Why the Mandarin reading data could not be loaded, said so that a user can fix it.
public enum PinyinDictionaryError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// No directory in the search order holds the data.
    case notInstalled(searched: [String])
    /// A data file is missing or cannot be read.
    case unreadable(path: String, reason: String)
    /// A line of a data file is not what the format says.
    case malformed(path: String, line: Int, reason: String)

    static let remedy = "run scripts/bootstrap (or scripts/pinyin-data) to install the Mandarin reading data"

    public var description: String {
        switch self {
        case let .notInstalled(searched):
            return "no Mandarin reading data (chars.tsv, phrases.tsv) in \(searched.joined(separator: ", ")); \(Self.remedy)"
                + ", or set VOXFLOW_PINYIN_DIR to where it is"
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason); \(Self.remedy)"
        case let .malformed(path, line, reason):
            return "\(path):\(line): \(reason); \(Self.remedy) again"
        }
    }

    public var errorDescription: String? { description }
}
