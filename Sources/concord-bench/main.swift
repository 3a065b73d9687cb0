// The scale benchmark's driver (`scripts/bench-scale`): a synthetic stream built from the dev sets, ingested
// through the engine into an SQLite store, with the cost per article measured slice by slice.
//
//   concord-bench DATASETS EMBEDDING-CACHE STORE [--articles 300000] [--per-day 400] [--slice 10000]
//
// Features are extracted once per dev article and embeddings read from the cache (computed once when
// missing), so neither the extractor nor the encoder is what is measured. Copy r of an article gets a fresh
// id and content hash, a publication time from the stream's clock (`--per-day` articles a day within a
// copy, copies 30 days apart), and its event date moved with it.
import ConcordCore
import ConcordEncoder
import ConcordEngine
import ConcordLanguage
import ConcordSQLite
import ConcordStore
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("concord-bench: \(message)\n".utf8))
    exit(1)
}

var positional: [String] = []
var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let a = arguments.popFirst() {
    if a.hasPrefix("--") {
        guard let v = arguments.popFirst() else { fail("\(a) needs a value") }
        options[String(a.dropFirst(2))] = v
    } else {
        positional.append(a)
    }
}
guard positional.count == 3 else { fail("usage: concord-bench DATASETS EMBEDDING-CACHE STORE [--articles N]") }
let (datasets, cachePath, storePath) = (positional[0], positional[1], positional[2])
let total = Int(options["articles"] ?? "") ?? 300_000
let perDay = Double(options["per-day"] ?? "") ?? 400
let slice = Int(options["slice"] ?? "") ?? 10_000

func rssMB() -> (current: Int, peak: Int) {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    func field(_ name: String) -> Int {
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }
    return (field("VmRSS"), field("VmHWM"))
}

func storeMB(_ path: String) -> Int {
    ["", "-wal", "-shm"].reduce(0) { sum, suffix in
        let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size]) as? NSNumber
        return sum + (size?.intValue ?? 0)
    } / 1_000_000
}

// 1. The dev articles, their features and embeddings.
var base: [InputRecord] = []
let decoder = RecordDecoder()
for file in [
    "vmds/vmds.jsonl", "allsides_neus/allsides_2021.jsonl", "rpm2_fr/rpm2.jsonl", "vlsp2022_abmusu/abmusu.jsonl",
] {
    let path = datasets + "/" + file
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    for (i, line) in text.split(separator: "\n").enumerated() {
        if let r = try? decoder.decodeJSON(Data(line.utf8)[...], origin: RecordOrigin(file: path, line: i + 1)) {
            base.append(r)
        }
    }
}
let started = Date()
let models = ModelsFolder.path()
let extractor: FeatureExtractor
do {
    extractor = FeatureExtractor(languageIdentifier: try CombinedLanguageIdentifier(modelsDirectory: models))
} catch { fail("\(error)") }
var baseFeatures = extractor.features(of: base.map(\.article))
do {
    let encoder = try TextEncoder(modelPath: models + "/" + TextEncoder.modelFileName)
    CachedEmbedder(base: EncoderEmbedder(encoder: encoder), path: cachePath)
        .attach(to: &baseFeatures, articles: base.map(\.article), indices: Array(base.indices))
} catch { fail("\(error)") }
FileHandle.standardError.write(
    Data("concord-bench: \(base.count) dev articles prepared in \(Int(Date().timeIntervalSince(started))) s\n".utf8))

// 2. The stream: copy `n / base.count` of article `n % base.count`, in a fixed shuffled order per copy.
let day0 = 20_000.0  // 2024-10-04
@MainActor func shuffled(_ copy: Int) -> [Int] {
    var state = UInt64(0x9E37_79B9_7F4A_7C15) &+ UInt64(copy)
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    var order = Array(base.indices)
    for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(next() % UInt64(i + 1))) }
    return order
}
var orders: [Int: [Int]] = [:]
@MainActor func item(_ n: Int) -> (InputRecord, ArticleFeatures) {
    let copy = n / base.count
    let order = orders[copy] ?? shuffled(copy)
    orders = [copy: order]
    let i = order[n % base.count]
    var record = base[i]
    var f = baseFeatures[i]
    // Each copy is a burst of `--per-day` articles a day, and copies start 30 days apart: the same text never
    // comes back within the candidate window, where it would join its earlier copy and grow one event forever.
    let published = (day0 + Double(copy) * 30 + Double(n % base.count) / perDay) * 86_400
    let id = "c\(copy)-\(record.article.id)"
    record.article.id = id
    record.article.published = Date(timeIntervalSince1970: published)
    f.articleID = id
    f.contentHash = StableHash.hex("\(copy) \(f.contentHash)")
    // The event date moves with the article: kept at the same distance from its publication when it had one,
    // else put on the new publication day.
    if var e = f.eventDate {
        let from = f.published.map { Int(($0 / 86_400).rounded(.down)) } ?? e.first
        let shift = Int((published / 86_400).rounded(.down)) - from
        e.first += shift
        e.last += shift
        f.eventDate = e
    }
    f.published = published
    return (record, f)
}

// 3. Ingest, slice by slice.
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }
let store: SQLiteEventStore
do { store = try SQLiteEventStore(path: storePath) } catch { fail("\(error)") }
var configuration = Engine.Configuration()
let engine: Engine
do {
    engine = try Engine(store: store, extractor: extractor, embedder: nil, configuration: configuration)
} catch { fail("\(error)") }
// The embeddings are attached already: the engine gets no encoder.
print("stored_from stored_to seconds us_per_article rss_mb peak_rss_mb held_articles store_mb")
var n = 0
var sliceStart = Date()
let batch = configuration.batchSize
while n < total {
    let count = min(batch, total - n, slice - n % slice)
    let items = (n..<(n + count)).map(item)
    do {
        _ = try engine.ingest(items.map(\.0), features: items.map(\.1))
    } catch { fail("batch at \(n): \(error)") }
    n += count
    if n % slice == 0 || n == total {
        let seconds = Date().timeIntervalSince(sliceStart)
        let done = n % slice == 0 ? slice : n % slice
        let rss = rssMB()
        print(
            "\(n - done) \(n) \(String(format: "%.1f", seconds)) \(Int(seconds * 1e6 / Double(done))) \(rss.current) \(rss.peak) \(engine.cachedArticles) \(storeMB(storePath))"
        )
        fflush(nil)
        sliceStart = Date()
    }
}

// 4. Start-up of a resident engine on the full store: open it, and ingest one batch of the stream's next
//    articles (which loads the events of its time window).
let t0 = Date()
do {
    let reopened = try SQLiteEventStore(path: storePath)
    let fresh = try Engine(store: reopened, extractor: extractor, embedder: nil, configuration: configuration)
    let opened = Date().timeIntervalSince(t0)
    let items = (total..<(total + batch)).map(item)
    _ = try fresh.ingest(items.map(\.0), features: items.map(\.1))
    let firstBatch = Date().timeIntervalSince(t0)
    print(
        "startup stored=\(total) open_s=\(String(format: "%.2f", opened)) open_and_first_batch_s=\(String(format: "%.2f", firstBatch)) held_articles=\(fresh.cachedArticles) rss_mb=\(rssMB().current)"
    )
} catch { fail("start-up: \(error)") }
