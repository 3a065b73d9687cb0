/// The XLM-R SentencePiece-unigram tokenizer: normalization, metaspace marking and a Viterbi search for the
/// most probable segmentation.
///
/// The steps, which reproduce the reference engine shipped with the model:
/// 1. Each Unicode scalar goes through the ``CharacterMap`` (U+0000 is dropped, like the other control characters).
/// 2. Runs of spaces collapse to one space.
/// 3. A metaspace `▁` (U+2581) is put in front unless the text already starts with a space, and every space
///    becomes `▁`. (Trailing spaces are kept, as in the reference.)
/// 4. A Viterbi pass over the characters picks the segmentation with the highest total piece score. A character no
///    piece covers becomes `<unk>` on its own with score (lowest piece score − 10); ties keep the earliest-found
///    path, so results equal the reference's bit for bit.
///
/// The tokenizer works on Swift strings, which are always valid UTF-8. (The reference, reading raw bytes, maps an
/// invalid byte to the Latin-1 character of the same value; that case cannot arise here.)
struct SentencePieceTokenizer: Sendable {
    let vocabulary: PieceVocabulary
    let characterMap: CharacterMap

    static let metaspace: UInt32 = 0x2581

    /// The content pieces of `text`: no `<s>` or `</s>`, no length limit.
    ///
    /// - Complexity: O(*n* · *m*) for *n* characters and pieces of at most *m* bytes.
    func pieces(of text: String) -> [Int32] {
        let (bytes, starts) = markedBytes(of: text)
        return viterbi(bytes: bytes, starts: starts)
    }

    /// Steps 1 to 3: the normalized text as UTF-8 bytes with the metaspace marks, and the byte offset where each
    /// character starts (plus the end offset).
    func markedBytes(of text: String) -> (bytes: [UInt8], starts: [Int32]) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count + 1)
        for scalar in text.unicodeScalars where scalar.value != 0 {
            characterMap.append(scalar.value, to: &scalars)
        }
        var kept = 0
        for index in scalars.indices {
            if scalars[index] == 0x20 && kept > 0 && scalars[kept - 1] == 0x20 { continue }
            scalars[kept] = scalars[index]
            kept += 1
        }
        scalars.removeLast(scalars.count - kept)

        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3 + 3)
        var starts: [Int32] = []
        starts.reserveCapacity(scalars.count + 2)
        if scalars.first != 0x20 {
            starts.append(0)
            Self.appendUTF8(Self.metaspace, to: &bytes)
        }
        for scalar in scalars {
            starts.append(Int32(bytes.count))
            Self.appendUTF8(scalar == 0x20 ? Self.metaspace : scalar, to: &bytes)
        }
        starts.append(Int32(bytes.count))
        return (bytes, starts)
    }

    /// Step 4: the best segmentation of `bytes`, whose characters start at `starts` (with the end offset last).
    func viterbi(bytes: [UInt8], starts: [Int32]) -> [Int32] {
        let count = starts.count - 1
        guard count > 0 else { return [] }
        var best = [Float](repeating: -1e30, count: count + 1)
        var piece = [Int32](repeating: 0, count: count + 1)
        var from = [Int32](repeating: 0, count: count + 1)
        best[0] = 0
        let unknown = vocabulary.unknown
        let unknownScore = vocabulary.unknownScore
        let maxBytes = vocabulary.maxPieceBytes
        let mask = vocabulary.table.count - 1

        bytes.withUnsafeBufferPointer { text in
            vocabulary.bytes.withUnsafeBufferPointer { blob in
                vocabulary.offsets.withUnsafeBufferPointer { offsets in
                    vocabulary.table.withUnsafeBufferPointer { table in
                        vocabulary.scores.withUnsafeBufferPointer { scores in
                            for position in 0..<count where best[position] > -1e29 {
                                let begin = Int(starts[position])
                                let base = best[position]
                                var hash = PieceVocabulary.hashSeed
                                var hashed = begin
                                var stop = position + 1
                                while stop <= count {
                                    let limit = Int(starts[stop])
                                    let length = limit - begin
                                    if length > maxBytes { break }
                                    while hashed < limit {
                                        hash = PieceVocabulary.extend(hash, with: text[hashed])
                                        hashed += 1
                                    }
                                    // Open-addressing probe for the piece with these bytes.
                                    var slot = Int(truncatingIfNeeded: hash) & mask
                                    while table[slot] != 0 {
                                        let id = Int(table[slot]) - 1
                                        let start = Int(offsets[id])
                                        if Int(offsets[id + 1]) - start == length
                                            && Self.equal(text, from: begin, blob, from: start, count: length)
                                        {
                                            if Int32(id) != unknown {
                                                let score = base + scores[id]
                                                if score > best[stop] {
                                                    best[stop] = score
                                                    piece[stop] = Int32(id)
                                                    from[stop] = Int32(position)
                                                }
                                            }
                                            break
                                        }
                                        slot = (slot + 1) & mask
                                    }
                                    stop += 1
                                }
                                let fallback = base + unknownScore
                                if fallback > best[position + 1] {
                                    best[position + 1] = fallback
                                    piece[position + 1] = -1
                                    from[position + 1] = Int32(position)
                                }
                            }
                        }
                    }
                }
            }
        }

        var reversed: [Int32] = []
        var position = count
        while position > 0 {
            reversed.append(piece[position] < 0 ? unknown : piece[position])
            position = Int(from[position])
        }
        return reversed.reversed()
    }

    @inline(__always)
    private static func equal(
        _ lhs: UnsafeBufferPointer<UInt8>, from lhsStart: Int,
        _ rhs: UnsafeBufferPointer<UInt8>, from rhsStart: Int, count: Int
    ) -> Bool {
        for index in 0..<count where lhs[lhsStart + index] != rhs[rhsStart + index] { return false }
        return true
    }

    /// Appends the UTF-8 encoding of a scalar value.
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            bytes.append(UInt8(scalar))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | (scalar >> 6)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | (scalar >> 12)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | ((scalar >> 18) & 0x07)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
