import Foundation
import VoxflowApp

/// Times as users write them on the command line, and as the progress bar shows them.
public enum DubTime {
    /// "95", "95.5", "1:35", "00:01:35.500" or "00:01:35,500" → seconds; nil when unreadable.
    public static func parse(_ s: String) -> Double? {
        let t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let fields = t.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count) else { return nil }
        var total = 0.0
        for (i, f) in fields.enumerated() {
            guard let v = Double(f), v >= 0, v.isFinite else { return nil }
            if i < fields.count - 1 && (f.contains(".") || (i > 0 && v >= 60)) { return nil }
            if i == fields.count - 1 && fields.count > 1 && v >= 60 { return nil }
            total = total * 60 + v
        }
        return total
    }

    /// 75.3 → "1:15"; 3725 → "1:02:05".
    public static func clock(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
