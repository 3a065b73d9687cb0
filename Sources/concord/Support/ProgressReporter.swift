import Foundation

/// Progress of a long run on stderr: a live bar on a terminal, a plain line every few seconds otherwise.
///
/// `ingest: 1,024/6,000 articles (17%), 412/s, about 12 s left`
struct ProgressReporter {
    var label: String
    var total: Int?
    var enabled: Bool
    /// Plain lines (not on a terminal) at most this often. Default 5 s.
    var interval: TimeInterval = 5
    private let started = Date()
    private var lastLine = Date.distantPast
    private var drawn = false

    init(label: String, total: Int?, enabled: Bool) {
        self.label = label
        self.total = total
        self.enabled = enabled
    }

    /// Reports `done` items.
    mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        let line = Self.describe(label: label, done: done, total: total, seconds: now.timeIntervalSince(started))
        if Console.isTerminal {
            let bar = Self.bar(done: done, total: total).map { $0 + " " } ?? ""
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar)\(line)".utf8))
            drawn = true
        } else if now.timeIntervalSince(lastLine) >= interval {
            Console.error(line)
            lastLine = now
        }
    }

    /// Ends the live line, if one is drawn.
    mutating func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }

    static func describe(label: String, done: Int, total: Int?, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "\(label): \(grouped(done))"
        if let total, total > 0 {
            let known = max(total, done)
            text += "/\(grouped(known)) articles (\(100 * done / known)%)"
        } else {
            text += " articles"
        }
        text += String(format: ", %.0f/s", rate)
        if let total, total > done, rate > 0 {
            text += ", about \(duration(Double(total - done) / rate)) left"
        }
        return text
    }

    /// `[#######.............]` when the total is known.
    static func bar(done: Int, total: Int?, width: Int = 20) -> String? {
        guard let total, total > 0 else { return nil }
        let filled = min(width, width * done / max(total, 1))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 90 { return "\(s) s" }
        if s < 5_400 { return "\(s / 60) min" }
        return String(format: "%.1f h", Double(s) / 3600)
    }
}
