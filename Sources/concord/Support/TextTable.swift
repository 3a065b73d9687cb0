import ConcordEngine

/// Renders rows as an aligned text table, or as CSV.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    func render(maxWidth: Int = 60) -> String {
        let cells = ([header] + rows).map { $0.map { Self.clip($0, maxWidth) } }
        var widths = Array(repeating: 0, count: header.count)
        for row in cells {
            for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) }
        }
        return cells.enumerated().map { n, row in
            let line = row.enumerated().map { i, c in
                i == row.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ")
            return n == 0
                ? line + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") : line
        }.joined(separator: "\n")
    }

    func csv() -> String {
        ([header] + rows).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\n")
    }

    static func clip(_ s: String, _ n: Int) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}
