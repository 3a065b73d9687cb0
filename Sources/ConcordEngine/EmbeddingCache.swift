import ConcordCore
import Foundation

/// An on-disk cache of embeddings keyed by a hash of the text, for repeated experiments and benchmarks
/// (`eval`/`cluster` with `--embedding-cache FILE`). Records: 16 ASCII hex bytes, then the floats. Read once;
/// new embeddings are appended.
public final class CachedEmbedder: TextEmbedder, @unchecked Sendable {
    // Safe: `cache` is only read and written under `lock`.
    private let lock = NSLock()
    private var cache: [String: [Float]]?
    /// Computes what the cache lacks.
    public let base: any TextEmbedder
    public let path: String
    public let dimension = 384

    public init(base: any TextEmbedder, path: String) {
        self.base = base
        self.path = path
    }

    public func embed(_ texts: [String]) -> [[Float]] {
        lock.lock()
        defer { lock.unlock() }
        var cache = self.cache ?? load()
        let keys = texts.map { StableHash.hex($0) }
        let missing = Array(Set(keys.indices.filter { cache[keys[$0]] == nil }.map { keys[$0] }))
        if !missing.isEmpty {
            let firstText = Dictionary(zip(keys, texts), uniquingKeysWith: { a, _ in a })
            let vectors = base.embed(missing.map { firstText[$0] ?? "" })
            var data = Data()
            for (k, v) in zip(missing, vectors) {
                cache[k] = v
                data.append(contentsOf: Array(k.utf8))
                v.withUnsafeBufferPointer { data.append(Data(buffer: $0)) }
            }
            if let handle = FileHandle(forWritingAtPath: path)
                ?? {
                    _ = FileManager.default.createFile(atPath: path, contents: nil)
                    return FileHandle(forWritingAtPath: path)
                }()
            {
                handle.seekToEndOfFile()
                handle.write(data)
                try? handle.close()
            }
        }
        self.cache = cache
        return keys.map { cache[$0] ?? [] }
    }

    func load() -> [String: [Float]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let record = 16 + dimension * 4
        var cache: [String: [Float]] = [:]
        var offset = 0
        while offset + record <= data.count {
            let key = String(decoding: data[offset..<(offset + 16)], as: UTF8.self)
            let floats = data[(offset + 16)..<(offset + record)].withUnsafeBytes {
                Array($0.bindMemory(to: Float.self))
            }
            cache[key] = floats
            offset += record
        }
        return cache
    }
}
