#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A packed e5 model file, memory-mapped read-only.
///
/// Layout (all little-endian), as written by the model's converter:
/// ```
/// "E5S1"  version:u32
/// hidden layers heads feedForward vocabulary maxPositions typeVocabulary: i32   epsilon: f32   blockSize: i32
/// vocabulary:     pieces:i32 bos eos pad unk:i32 byteLength:u64 offsets:u32[pieces+1] scores:f32[pieces] bytes
/// normalization:  entries:i32 byteLength:u32 (scalar:u32 count:u8 replacement:u32[count])...
/// tensors:        count:i32 (nameLength:u16 name dtype:u8 elements:u32 offset:u64 byteLength:u64)...
/// tensor data     (dtype 0: f32; dtype 1: Q4_0 blocks of an fp16 scale and 16 bytes of nibbles)
/// ```
/// Position table rows are stored already shifted by XLM-R's padding offset: row 0 is position id 2 of the
/// original model, so token *i* of a sequence reads row *i*.
///
/// The mapping lives as long as this object. It is only read.
final class ModelFile: @unchecked Sendable {
    // @unchecked: `base` points into a private read-only mapping that is never written and is unmapped only in
    // `deinit`, when no other reference exists; every other property is an immutable value.

    /// One entry of the tensor directory.
    struct Tensor: Sendable {
        enum Kind: UInt8, Sendable { case float32 = 0, q4 = 1 }
        let kind: Kind
        let elements: Int
        let offset: Int
    }

    let path: String
    let header: ModelHeader
    let vocabulary: PieceVocabulary
    let characterMap: CharacterMap
    let tensors: [String: Tensor]
    let base: UnsafeRawPointer
    let size: Int

    /// Maps the file at `path` and reads its header, vocabulary, normalization table and tensor directory.
    ///
    /// - Throws: ``EncoderError`` when the file is missing, unreadable, not a packed model, truncated or of an
    ///   unsupported shape.
    /// - Complexity: O(*v*) for a vocabulary of *v* pieces; tensor data is not touched.
    init(path: String) throws(EncoderError) {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .modelNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path: path, reason: "not a file") }
        size = Int(status.st_size)
        guard size >= 8 else { throw .truncated(path: path, section: "the file header", needed: 8, size: size) }
        guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapping != MAP_FAILED else {
            throw .unreadable(path: path, reason: "mmap failed: " + String(cString: strerror(errno)))
        }
        base = UnsafeRawPointer(mapping)

        do throws(EncoderError) {
            var reader = ByteReader(base: base, size: size, path: path)
            let magic = Array(UnsafeRawBufferPointer(start: try reader.bytes(4, section: "the magic"), count: 4))
            guard magic == Array("E5S1".utf8) else { throw EncoderError.wrongMagic(path: path, found: magic) }
            let version = try reader.uint32("the file header")
            guard version == 1 else {
                throw EncoderError.unsupportedFormat(path: path, reason: "format version \(version), expected 1")
            }
            header = try ModelHeader(reading: &reader)
            try header.validate(path: path)
            vocabulary = try PieceVocabulary(reading: &reader)
            characterMap = try CharacterMap(reading: &reader)
            tensors = try Self.readDirectory(&reader)
        } catch {
            munmap(mapping, size)
            throw error
        }
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), size)
    }

    private static func readDirectory(_ reader: inout ByteReader) throws(EncoderError) -> [String: Tensor] {
        let section = "the tensor directory"
        let count = try reader.int32(section)
        guard count >= 0, count < 1 << 16 else {
            throw .unsupportedFormat(path: reader.path, reason: "tensor directory of \(count) entries")
        }
        var tensors: [String: Tensor] = [:]
        for _ in 0..<count {
            let nameLength = Int(try reader.uint16(section))
            let nameBytes = try reader.bytes(nameLength, section: section)
            let name = String(decoding: UnsafeRawBufferPointer(start: nameBytes, count: nameLength), as: UTF8.self)
            let rawKind = try reader.uint8(section)
            let elements = Int(try reader.uint32(section))
            let offset = try reader.uint64(section)
            let byteLength = try reader.uint64(section)
            guard let kind = Tensor.Kind(rawValue: rawKind) else {
                throw .unsupportedFormat(path: reader.path, reason: "tensor \(name) has unknown type \(rawKind)")
            }
            let expected = kind == .float32 ? elements * 4 : elements / 32 * Q4Block.byteCount
            guard byteLength == expected, kind == .float32 || elements % 32 == 0, offset < UInt64(Int.max) else {
                throw .unsupportedFormat(path: reader.path, reason: "tensor \(name) has inconsistent sizes")
            }
            try reader.require(expected, at: Int(offset), section: "tensor \(name)")
            tensors[name] = Tensor(kind: kind, elements: elements, offset: Int(offset))
        }
        return tensors
    }

    /// The tensor `name`, checked to exist with the given type and element count.
    ///
    /// - Throws: ``EncoderError`` (unsupported format) when it is missing or of another shape.
    func tensor(_ name: String, _ kind: Tensor.Kind, elements: Int) throws(EncoderError) -> UnsafeRawPointer {
        guard let tensor = tensors[name] else {
            throw .unsupportedFormat(path: path, reason: "missing tensor \(name)")
        }
        guard tensor.kind == kind, tensor.elements == elements else {
            throw .unsupportedFormat(
                path: path, reason: "tensor \(name) has \(tensor.elements) elements of type \(tensor.kind)")
        }
        return base + tensor.offset
    }

    /// A copy of the float tensor `name`, which must have `elements` values.
    func floats(_ name: String, elements: Int) throws(EncoderError) -> [Float] {
        let source = try tensor(name, .float32, elements: elements)
        return (0..<elements).map { index in source.loadUnaligned(fromByteOffset: index * 4, as: Float.self) }
    }
}
