/// The input as characters, with 1-based line and column lookup for error messages.
struct SourceText {
    let chars: [Character]
    private let lineStarts: [Int]

    init(_ text: String) {
        chars = Array(text)
        var starts = [0]
        for (i, c) in chars.enumerated() where c == "\n" || c == "\r\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    var count: Int { chars.count }
    subscript(i: Int) -> Character { chars[i] }

    /// Line and column of character `i`.
    func location(_ i: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, i - lineStarts[lo] + 1)
    }

    func error(_ i: Int, _ message: String) -> MarkupError {
        let (l, c) = location(i)
        return MarkupError(line: l, column: c, message)
    }

    func hasPrefix(_ s: String, at i: Int) -> Bool {
        var k = i
        for c in s {
            guard k < chars.count, chars[k] == c else { return false }
            k += 1
        }
        return true
    }

    func string(_ range: Range<Int>) -> String { String(chars[range]) }
}
