extension String {
    /// The string without leading and trailing ASCII spaces (text nodes fold other white space first).
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
