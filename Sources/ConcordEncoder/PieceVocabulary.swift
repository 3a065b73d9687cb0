/// The SentencePiece-unigram vocabulary: every piece's UTF-8 bytes and log-probability score, with a hash table
/// from bytes to piece id.
///
/// The table is open-addressed over 64-bit FNV-1a hashes of the piece bytes. The hash can be extended one byte at
/// a time (``extend(_:with:)``), so the tokenizer hashes every candidate piece that starts at one position in a
/// single pass over the bytes.
struct PieceVocabulary: Sendable {
    /// Id of `<s>`, which opens every sequence.
    let begin: Int32
    /// Id of `</s>`, which closes every sequence.
    let end: Int32
    /// Id of `<pad>`.
    let padding: Int32
    /// Id of `<unk>`, emitted for a character no piece covers.
    let unknown: Int32
    /// Score of one unknown character: the lowest piece score minus 10.
    let unknownScore: Float
    /// Length in bytes of the longest piece.
    let maxPieceBytes: Int

    /// Byte offsets of the pieces in ``bytes``; piece `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    let offsets: [UInt32]
    /// Log-probability score of each piece.
    let scores: [Float]
    /// The pieces' UTF-8 bytes, back to back.
    let bytes: [UInt8]
    /// Open-addressing table of piece id + 1 (0 marks an empty slot).
    let table: [Int32]

    /// The number of pieces.
    var count: Int { scores.count }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Extends a 64-bit FNV-1a hash with one byte.
    @inline(__always)
    static func extend(_ hash: UInt64, with byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// Reads the vocabulary section and builds the hash table.
    ///
    /// - Complexity: O(*n*) for *n* pieces (expected, with the table at most half full).
    init(reading reader: inout ByteReader) throws(EncoderError) {
        let section = "the vocabulary"
        let pieceCount = try reader.int32(section)
        begin = Int32(try reader.int32(section))
        end = Int32(try reader.int32(section))
        padding = Int32(try reader.int32(section))
        unknown = Int32(try reader.int32(section))
        let blobLength = try reader.uint64(section)
        guard pieceCount > 0, pieceCount < 1 << 24, blobLength < 1 << 31 else {
            throw .unsupportedFormat(path: reader.path, reason: "vocabulary of \(pieceCount) pieces")
        }
        let offsets = try reader.array(of: UInt32.self, count: pieceCount + 1, section: section)
        let scores = try reader.array(of: Float.self, count: pieceCount, section: section)
        let bytes = try reader.array(of: UInt8.self, count: Int(blobLength), section: section)
        self.offsets = offsets
        self.scores = scores
        self.bytes = bytes
        for id in [begin, end, padding, unknown] where !(0..<Int32(pieceCount)).contains(id) {
            throw .unsupportedFormat(path: reader.path, reason: "special token id \(id) outside the vocabulary")
        }

        var longest = 1
        for index in 0..<pieceCount {
            guard offsets[index] <= offsets[index + 1] else {
                throw .unsupportedFormat(path: reader.path, reason: "piece offsets out of order at \(index)")
            }
            longest = max(longest, Int(offsets[index + 1] - offsets[index]))
        }
        guard offsets[pieceCount] == blobLength else {
            throw .unsupportedFormat(path: reader.path, reason: "piece offsets do not cover the piece bytes")
        }
        maxPieceBytes = longest
        unknownScore = (scores.min() ?? 0) - 10

        var capacity = 2
        while capacity < pieceCount * 2 { capacity <<= 1 }
        var table = [Int32](repeating: 0, count: capacity)
        let mask = UInt64(capacity - 1)
        bytes.withUnsafeBufferPointer { blob in
            for index in 0..<pieceCount {
                let start = Int(offsets[index])
                let stop = Int(offsets[index + 1])
                if start == stop { continue }
                var hash = Self.hashSeed
                for position in start..<stop { hash = Self.extend(hash, with: blob[position]) }
                var slot = Int(hash & mask)
                while table[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
                table[slot] = Int32(index + 1)
            }
        }
        self.table = table
    }

    /// The text of a piece, for diagnostics.
    func piece(_ id: Int32) -> String {
        let range = Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
