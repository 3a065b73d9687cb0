import ConcordCore
import Foundation

/// Reads articles from files, directories (recursively) and standard input.
///
/// - `.jsonl`, `.ndjson` and standard input: one JSON object per line;
/// - `.json`: one news-please object per file, or an array of objects;
/// - `.txt`: one article per file, id = its path below the folder given (or its name, for a file given
///   directly), without extension: `a/story.txt` and `b/story.txt` are two articles;
/// - `.html`, `.htm`: one web page per file, its `<title>` the title and its body's text the text; ids as
///   for `.txt`.
///
/// Bad records become `RecordError`s naming file and line; reading goes on.
public struct ArticleReader: Sendable {
    /// Lines longer than this are rejected without being held in memory. Default 8 MiB.
    public var maxRecordBytes = 8 << 20
    let decoder = RecordDecoder()

    public init(maxRecordBytes: Int = 8 << 20) { self.maxRecordBytes = maxRecordBytes }

    public enum Item: Sendable {
        case record(InputRecord)
        case rejected(RecordError)
        case skippedFile(String)
    }

    /// Reads `paths` in order, handing every item to `sink`; stops between two records once `shouldStop`
    /// says so.
    public func read(_ paths: [String], shouldStop: () -> Bool = { false }, into sink: (Item) -> Void) {
        for path in paths where !shouldStop() {
            if path == "-" {
                readJSONL(FileHandle.standardInput, name: "-", shouldStop: shouldStop, into: sink)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                sink(.rejected(.unreadable(RecordOrigin(file: path, line: 0), detail: "no such file or directory")))
                continue
            }
            if isDirectory.boolValue {
                for (file, relative) in Self.files(under: path) where !shouldStop() {
                    readFile(file, relative: relative, shouldStop: shouldStop, into: sink)
                }
            } else {
                readFile(path, shouldStop: shouldStop, into: sink)
            }
        }
    }

    /// The files under `directory` (hidden ones skipped), sorted, with their paths relative to it. A
    /// directory given through a symbolic link is read as the directory it points to.
    public static func files(under directory: String) -> [(path: String, relative: String)] {
        // Absolute first: Foundation resolves the links of a relative path only from the working directory's.
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [(path: String, relative: String)] = []
        while let relative = walker.nextObject() as? String {
            let full = (directory as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append((full, relative))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Reads one file; `relative` is its path below the folder given, when it was found in one.
    public func readFile(
        _ path: String, relative: String? = nil, shouldStop: () -> Bool = { false }, into sink: (Item) -> Void
    ) {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "jsonl", "ndjson":
            guard let handle = FileHandle(forReadingAtPath: path) else {
                sink(.rejected(.unreadable(RecordOrigin(file: path, line: 0), detail: "cannot open")))
                return
            }
            defer { try? handle.close() }
            readJSONL(handle, name: path, shouldStop: shouldStop, into: sink)
        case "json":
            readWholeJSON(path, into: sink)
        case "txt", "text", "html", "htm":
            // One article per file, named by its path below the folder given.
            let origin = RecordOrigin(file: path, line: 1)
            guard let data = readBounded(path, origin: origin, into: sink) else { return }
            let id = ((relative ?? (path as NSString).lastPathComponent) as NSString).deletingPathExtension
            do {
                let html = ext.hasPrefix("htm")
                let record =
                    try html
                    ? decoder.decodeHTML(data, id: id, origin: origin)
                    : decoder.decodeText(data, id: id, origin: origin)
                sink(.record(record))
            } catch {
                sink(.rejected(error))
            }
        default:
            sink(.skippedFile(path))
        }
    }

    func readBounded(_ path: String, origin: RecordOrigin, into sink: (Item) -> Void) -> Data? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxRecordBytes {
            sink(.rejected(.tooLong(origin, bytes: size, limit: maxRecordBytes)))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            sink(.rejected(.unreadable(origin, detail: "cannot read")))
            return nil
        }
        return data
    }

    func readWholeJSON(_ path: String, into sink: (Item) -> Void) {
        let origin = RecordOrigin(file: path, line: 1)
        guard let data = readBounded(path, origin: origin, into: sink) else { return }
        read(json: data, name: path, into: sink)
    }

    /// Reads one JSON document: an array of records (the element's position as its line), or one record.
    public func read(json data: Data, name: String, into sink: (Item) -> Void) {
        let trimmed = data.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if trimmed.first == UInt8(ascii: "["), let array = try? JSONSerialization.jsonObject(with: data) as? [Any] {
            read(parsed: array, name: name, into: sink)
            return
        }
        let origin = RecordOrigin(file: name, line: 1)
        do { sink(.record(try decoder.decodeJSON(data, origin: origin))) } catch { sink(.rejected(error)) }
    }

    /// Reads a JSON document already parsed: an array of records (the element's position as its line), or
    /// one record.
    public func read(parsed document: Any, name: String, into sink: (Item) -> Void) {
        let elements = document as? [Any] ?? [document]
        for (i, element) in elements.enumerated() {
            let o = RecordOrigin(file: name, line: i + 1)
            guard element is [String: Any], let bytes = try? JSONSerialization.data(withJSONObject: element) else {
                sink(.rejected(.notAnObject(o)))
                continue
            }
            do { sink(.record(try decoder.decodeJSON(bytes, origin: o))) } catch { sink(.rejected(error)) }
        }
    }

    /// Reads JSON lines held in memory (one record per line; blank lines skipped).
    public func read(lines data: Data, name: String, into sink: (Item) -> Void) {
        var lineNumber = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            decodeLine(data[start..<end], origin: RecordOrigin(file: name, line: lineNumber), into: sink)
            lineNumber += 1
            start = end + 1
        }
    }

    /// One JSON line: a record, a rejection, or nothing when it is blank.
    func decodeLine<C: BidirectionalCollection<UInt8>>(_ line: C, origin: RecordOrigin, into sink: (Item) -> Void) {
        if line.count > maxRecordBytes {
            sink(.rejected(.tooLong(origin, bytes: line.count, limit: maxRecordBytes)))
            return
        }
        var slice = line[...]
        if slice.last == 0x0D { slice = slice.dropLast() }
        if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        do { sink(.record(try decoder.decodeJSON(slice, origin: origin))) } catch { sink(.rejected(error)) }
    }

    /// Splits a stream into lines without ever holding more than `maxRecordBytes` of one line.
    public func readJSONL(
        _ handle: FileHandle, name: String, shouldStop: () -> Bool = { false }, into sink: (Item) -> Void
    ) {
        var line = [UInt8]()
        var lineNumber = 1
        var overflow = 0
        func finish() {
            defer {
                line.removeAll(keepingCapacity: true)
                overflow = 0
                lineNumber += 1
            }
            let origin = RecordOrigin(file: name, line: lineNumber)
            if overflow > 0 {
                sink(.rejected(.tooLong(origin, bytes: overflow, limit: maxRecordBytes)))
                return
            }
            decodeLine(line, origin: origin, into: sink)
        }
        while !shouldStop() {
            let chunk: Data
            do {
                guard let c = try handle.read(upToCount: 1 << 20), !c.isEmpty else { break }
                chunk = c
            } catch {
                sink(.rejected(.unreadable(RecordOrigin(file: name, line: lineNumber), detail: "\(error)")))
                return
            }
            chunk.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var start = 0
                let bytes = buffer.bindMemory(to: UInt8.self)
                while start < bytes.count {
                    let newline = bytes[start...].firstIndex(of: 0x0A)
                    let end = newline ?? bytes.count
                    if overflow > 0 {
                        overflow += end - start
                    } else if line.count + (end - start) > maxRecordBytes {
                        overflow = line.count + (end - start)
                        line.removeAll()
                    } else {
                        line.append(contentsOf: bytes[start..<end])
                    }
                    if newline != nil { finish() }
                    start = end + 1
                }
            }
        }
        if !shouldStop(), !line.isEmpty || overflow > 0 { finish() }
    }
}
