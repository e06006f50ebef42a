import Foundation

/// Unicode NFC and whitespace folding: every run of white space (including line breaks and
/// no-break spaces) becomes one space; control characters are dropped.
public enum TextCleaner {
    public static func clean(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        var out = ""
        out.reserveCapacity(nfc.utf8.count)
        var pendingSpace = false
        for scalar in nfc.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
