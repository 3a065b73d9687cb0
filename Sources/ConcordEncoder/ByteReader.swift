/// A bounds-checked little-endian cursor over the bytes of a mapped model file.
///
/// Every read checks that the bytes exist and throws ``EncoderError/truncated(path:section:needed:size:)``
/// otherwise, so a short file is reported instead of read past its end.
struct ByteReader {
    let base: UnsafeRawPointer
    let size: Int
    let path: String
    private(set) var offset = 0

    init(base: UnsafeRawPointer, size: Int, path: String) {
        self.base = base
        self.size = size
        self.path = path
    }

    /// Checks that `count` bytes starting at `start` lie inside the file.
    ///
    /// - Throws: ``EncoderError`` (truncated) naming `section` when they do not.
    func require(_ count: Int, at start: Int, section: String) throws(EncoderError) {
        let (end, overflow) = start.addingReportingOverflow(count)
        guard count >= 0, !overflow, end <= size else {
            throw .truncated(path: path, section: section, needed: overflow ? Int.max : end, size: size)
        }
    }

    /// Skips `count` bytes and returns a pointer to their start.
    mutating func bytes(_ count: Int, section: String) throws(EncoderError) -> UnsafeRawPointer {
        try require(count, at: offset, section: section)
        defer { offset += count }
        return base + offset
    }

    mutating func int32(_ section: String) throws(EncoderError) -> Int {
        Int(Int32(littleEndian: try bytes(4, section: section).loadUnaligned(as: Int32.self)))
    }

    mutating func uint32(_ section: String) throws(EncoderError) -> UInt32 {
        UInt32(littleEndian: try bytes(4, section: section).loadUnaligned(as: UInt32.self))
    }

    mutating func uint64(_ section: String) throws(EncoderError) -> UInt64 {
        UInt64(littleEndian: try bytes(8, section: section).loadUnaligned(as: UInt64.self))
    }

    mutating func uint16(_ section: String) throws(EncoderError) -> UInt16 {
        UInt16(littleEndian: try bytes(2, section: section).loadUnaligned(as: UInt16.self))
    }

    mutating func uint8(_ section: String) throws(EncoderError) -> UInt8 {
        try bytes(1, section: section).load(as: UInt8.self)
    }

    mutating func float32(_ section: String) throws(EncoderError) -> Float {
        Float(bitPattern: try uint32(section))
    }

    /// Reads `count` consecutive values of a trivial type into an array.
    mutating func array<T: BitwiseCopyable>(of _: T.Type, count: Int, section: String) throws(EncoderError) -> [T] {
        let stride = MemoryLayout<T>.stride
        guard count >= 0, count <= size / max(stride, 1) else {
            throw .truncated(path: path, section: section, needed: Int.max, size: size)
        }
        let source = try bytes(count * stride, section: section)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(start: source, count: count * stride))
            initialized = count
        }
    }
}
