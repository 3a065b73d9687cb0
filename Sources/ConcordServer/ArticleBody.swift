import ConcordCore
import ConcordEngine
import Foundation
import Hummingbird

/// The body of `POST /v1/articles`: records in the formats `concord ingest` reads.
///
/// `application/json`: an array of records, or one record. `application/x-ndjson` (also `application/ndjson`,
/// `application/jsonl`): one record per line. A record that cannot be read is rejected with its line (or its
/// position in the array) and the reason, and the rest goes on; a body that is not JSON at all is a 400.
enum ArticleBody {
    /// The name rejected records are filed under.
    static let origin = "POST /v1/articles"
    static let jsonTypes: Set<String> = ["application/json"]
    static let lineTypes: Set<String> = [
        "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
        "application/jsonlines",
    ]

    static func decode(_ request: Request, options: ServerOptions) async throws -> IngestService.Submission {
        let mediaType =
            (request.headers[.contentType] ?? "").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let lines = lineTypes.contains(mediaType)
        guard lines || jsonTypes.contains(mediaType) else {
            throw APIError(
                .unsupportedMediaType,
                "send Content-Type: application/json (an array of records) or application/x-ndjson (one per line), not \(mediaType.isEmpty ? "none" : mediaType)"
            )
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: options.maxBodyBytes)
        } catch let e as any HTTPResponseError where e.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "the body is larger than the limit of \(options.maxBodyBytes) bytes")
        }
        let data = Data(buffer.readableBytesView)
        // A JSON body is parsed once, here: a body that is not JSON at all is the client's error (400).
        var document: Any?
        if !lines {
            do { document = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
                throw APIError(.badRequest, "the body is not JSON: \(Self.words(error))")
            }
            guard document is [Any] || document is [String: Any] else {
                throw APIError(.badRequest, "the body must be a JSON array of records, or one record (an object)")
            }
        }
        var records: [InputRecord] = []
        var rejected: [RecordError] = []
        let reader = ArticleReader()
        let sink: (ArticleReader.Item) -> Void = { item in
            switch item {
            case .record(let r): records.append(r)
            case .rejected(let e): rejected.append(e)
            case .skippedFile: break
            }
        }
        if let document {
            reader.read(parsed: document, name: origin, into: sink)
        } else {
            reader.read(lines: data, name: origin, into: sink)
        }
        let count = records.count + rejected.count
        guard count > 0 else { throw APIError(.badRequest, "the body holds no records") }
        guard count <= options.maxRecords else {
            throw APIError(
                .contentTooLarge, "at most \(options.maxRecords) records per request; this one has \(count)")
        }
        var update = false
        if let text = request.uri.queryParameters.get("update") {
            switch text.lowercased() {
            case "true", "1", "yes": update = true
            case "false", "0", "no": update = false
            default: throw APIError(.badRequest, "update must be true or false, not \(text)")
            }
        }
        return IngestService.Submission(records: records, rejected: rejected, update: update)
    }

    /// A parser's message without Foundation's wrapping.
    static func words(_ error: any Error) -> String {
        let e = error as NSError
        return (e.userInfo[NSDebugDescriptionErrorKey] as? String) ?? e.localizedDescription
    }
}
