/// The Q4_0 weight format: blocks of 32 weights stored as an fp16 scale and 16 bytes of 4-bit codes.
///
/// Byte *j* of a block holds weight *j* in its low nibble and weight *j* + 16 in its high nibble; a code *q*
/// stands for the weight (*q* − 8) × scale.
enum Q4Block {
    /// Weights per block.
    static let weights = 32
    /// Bytes per block: a 2-byte scale and 16 bytes of codes.
    static let byteCount = 18

    /// Dequantizes `count` weights (a multiple of 32) stored at `source` into `destination`.
    ///
    /// - Complexity: O(`count`).
    @inline(__always)
    static func dequantize(_ source: UnsafeRawPointer, count: Int, into destination: UnsafeMutablePointer<Float>) {
        for block in 0..<count / weights {
            let bytes = source + block * byteCount
            let scale = Float(Float16(bitPattern: UInt16(littleEndian: bytes.loadUnaligned(as: UInt16.self))))
            let output = destination + block * weights
            for index in 0..<16 {
                let code = bytes.load(fromByteOffset: 2 + index, as: UInt8.self)
                output[index] = Float(Int(code & 0x0F) - 8) * scale
                output[index + 16] = Float(Int(code >> 4) - 8) * scale
            }
        }
    }

    /// Dequantizes a whole Q4_0 matrix of `rows` × `columns` weights into a new array, row-major.
    ///
    /// - Complexity: O(`rows` × `columns`).
    static func dequantizeMatrix(_ source: UnsafeRawPointer, rows: Int, columns: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: rows * columns) { buffer, initialized in
            if let destination = buffer.baseAddress {
                dequantize(source, count: rows * columns, into: destination)
            }
            initialized = rows * columns
        }
    }
}
