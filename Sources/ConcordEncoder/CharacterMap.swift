/// The tokenizer's normalization: a per-character replacement table shipped in the model file.
///
/// It is the model's SentencePiece normalizer (NFKC plus the XLM-R extras: control characters removed, tabs and
/// line breaks turned into spaces, full-width forms folded) flattened to one entry per Unicode scalar. A scalar
/// absent from the table maps to itself; an entry may map to nothing (deletion) or to several scalars.
struct CharacterMap: Sendable {
    /// Mapped scalars, sorted ascending.
    private let keys: [UInt32]
    /// Replacement `i` is `values[starts[i]..<starts[i + 1]]`.
    private let starts: [Int32]
    private let values: [UInt32]
    /// Entry index + 1 for every scalar of the Basic Multilingual Plane (0 = maps to itself).
    private let basicPlane: [UInt16]

    /// The number of mapped scalars.
    var count: Int { keys.count }

    /// Reads the normalization section: a count, a byte length, then records of
    /// (scalar `u32`, replacement count `u8`, replacement scalars `u32`...).
    ///
    /// - Complexity: O(*n* log *n*) for *n* records.
    init(reading reader: inout ByteReader) throws(EncoderError) {
        let section = "the normalization table"
        let entryCount = try reader.int32(section)
        let byteCount = Int(try reader.uint32(section))
        guard entryCount >= 0, entryCount < UInt16.max else {
            throw .unsupportedFormat(path: reader.path, reason: "normalization table of \(entryCount) entries")
        }
        var records = ByteReader(
            base: try reader.bytes(byteCount, section: section), size: byteCount, path: reader.path)
        var entries: [(key: UInt32, replacement: [UInt32])] = []
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let key = try records.uint32(section)
            let length = Int(try records.uint8(section))
            entries.append((key, try records.array(of: UInt32.self, count: length, section: section)))
        }
        entries.sort { $0.key < $1.key }

        var keys: [UInt32] = []
        var starts: [Int32] = [0]
        var values: [UInt32] = []
        var basicPlane = [UInt16](repeating: 0, count: 0x10000)
        for entry in entries {
            if keys.last == entry.key { continue }
            keys.append(entry.key)
            values += entry.replacement
            starts.append(Int32(values.count))
            if entry.key < 0x10000 { basicPlane[Int(entry.key)] = UInt16(keys.count) }
        }
        self.keys = keys
        self.starts = starts
        self.values = values
        self.basicPlane = basicPlane
    }

    /// Appends the normalized form of `scalar` to `output`.
    ///
    /// - Complexity: O(1) in the Basic Multilingual Plane, O(log *n*) above it.
    @inline(__always)
    func append(_ scalar: UInt32, to output: inout [UInt32]) {
        let entry: Int
        if scalar < 0x10000 {
            entry = Int(basicPlane[Int(scalar)]) - 1
        } else {
            entry = search(scalar)
        }
        if entry < 0 {
            output.append(scalar)
        } else {
            for index in Int(starts[entry])..<Int(starts[entry + 1]) { output.append(values[index]) }
        }
    }

    private func search(_ scalar: UInt32) -> Int {
        var low = 0
        var high = keys.count - 1
        while low <= high {
            let middle = (low + high) >> 1
            if keys[middle] == scalar { return middle }
            if keys[middle] < scalar { low = middle + 1 } else { high = middle - 1 }
        }
        return -1
    }
}
