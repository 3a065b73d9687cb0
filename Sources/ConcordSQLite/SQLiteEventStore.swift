import ConcordCore
import ConcordStore
import Foundation
import GRDB

/// The default store: one SQLite file in WAL mode, through GRDB.
///
/// Tables: `articles` (with features), `memberships` (article → event), `events` (summaries),
/// `decisions` (with explanations), `merges` (history), `rejects` (records kept aside).
/// Each ``commit(_:events:)`` is one transaction, so a killed ingest leaves a consistent prefix.
public final class SQLiteEventStore: EventStore, Sendable {
    let pool: DatabasePool
    public let path: String

    /// Opens (creating and migrating when needed) the store at `path`.
    ///
    /// - Throws: ``StoreError`` when the file cannot be opened or is not a Concord store.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            var config = Configuration()
            // Readers (`concord events`) may run while an ingest writes: wait instead of failing.
            config.busyMode = .timeout(10)
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
        } catch {
            throw StoreError.cannotOpen(path, underlying: error)
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE articles (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        url TEXT, source TEXT, title TEXT NOT NULL, text TEXT NOT NULL,
                        published REAL, declared_language TEXT, language TEXT NOT NULL,
                        content_hash TEXT NOT NULL, origin TEXT,
                        features BLOB NOT NULL, embedding BLOB);
                    CREATE INDEX articles_content_hash ON articles(content_hash);
                    CREATE TABLE memberships (
                        article_id TEXT PRIMARY KEY REFERENCES articles(id),
                        event_id TEXT NOT NULL);
                    CREATE INDEX memberships_event ON memberships(event_id);
                    CREATE TABLE events (
                        id TEXT PRIMARY KEY, title TEXT NOT NULL, article_count INTEGER NOT NULL,
                        first_published REAL, last_published REAL, languages TEXT NOT NULL,
                        summary BLOB NOT NULL);
                    CREATE TABLE decisions (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        article_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, event_id TEXT NOT NULL,
                        probability REAL, threshold REAL NOT NULL, explanation TEXT NOT NULL, detail BLOB NOT NULL);
                    CREATE TABLE merges (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        survivor TEXT NOT NULL, absorbed TEXT NOT NULL, probability REAL NOT NULL,
                        explanation TEXT NOT NULL, detail BLOB NOT NULL);
                    CREATE TABLE rejects (
                        file TEXT NOT NULL, line INTEGER NOT NULL, reason TEXT NOT NULL,
                        record_id TEXT, detail TEXT, PRIMARY KEY (file, line, reason));
                    """)
        }
        // Duplicates have no threshold since the learned model (thresholds per language pair).
        m.registerMigration("v2 decisions.threshold nullable") { db in
            try db.execute(
                sql: """
                    CREATE TABLE decisions_v2 (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        article_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, event_id TEXT NOT NULL,
                        probability REAL, threshold REAL, explanation TEXT NOT NULL, detail BLOB NOT NULL);
                    INSERT INTO decisions_v2 SELECT * FROM decisions;
                    DROP TABLE decisions;
                    ALTER TABLE decisions_v2 RENAME TO decisions;
                    """)
        }
        // The merge pass checks only the events of articles stored since the last one (see mergedThrough()).
        m.registerMigration("v3 meta") { db in
            try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        }
        return m
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.query(path, underlying: error) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw StoreError.query(path, underlying: error) }
    }

    public func knownKeys() throws -> (ids: Set<String>, contentHashes: Set<String>) {
        try read { db in
            var ids = Set<String>(), hashes = Set<String>()
            let rows = try Row.fetchCursor(db, sql: "SELECT id, content_hash FROM articles")
            while let row = try rows.next() {
                ids.insert(row[0])
                hashes.insert(row[1])
            }
            return (ids, hashes)
        }
    }

    public func loadMemberships() throws -> [(features: ArticleFeatures, event: EventID)] {
        try read { db in
            var result: [(ArticleFeatures, EventID)] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.features, a.embedding, m.event_id FROM articles a
                    JOIN memberships m ON m.article_id = a.id ORDER BY a.seq
                    """)
            while let row = try rows.next() {
                var f = try ArticleFeatures.decode(stored: row[0] as Data)
                if let blob = row[1] as Data? { f.embedding = Self.floats(blob) }
                result.append((f, EventID(row[2] as String)))
            }
            return result
        }
    }

    public func commit(_ batch: [StoredDecision], events: [EventSummary]) throws {
        let encoder = JSONEncoder()
        try write { db in
            for item in batch {
                let a = item.article
                var f = item.features
                let embedding = f.embedding.map(Self.blob)
                f.embedding = nil
                try db.execute(
                    sql: """
                        INSERT INTO articles (id, url, source, title, text, published, declared_language, language,
                            content_hash, origin, features, embedding)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        a.id, a.url, a.source, a.title, a.text, a.published?.timeIntervalSince1970,
                        a.declaredLanguage, f.language, f.contentHash, item.origin?.description,
                        f.binary, embedding,
                    ])
                try db.execute(
                    sql: "INSERT INTO memberships (article_id, event_id) VALUES (?, ?)",
                    arguments: [a.id, item.decision.eventID.rawValue])
                try db.execute(
                    sql: """
                        INSERT INTO decisions (article_id, kind, event_id, probability, threshold, explanation, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        a.id, item.decision.kind.rawValue, item.decision.eventID.rawValue,
                        item.decision.assessment?.probability, item.decision.threshold,
                        item.decision.summary, try encoder.encode(item.decision),
                    ])
            }
            try Self.upsert(events, db: db, encoder: encoder)
        }
    }

    public func mergedThrough() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'merged_through'") ?? 0 }
    }

    public func commitMerges(
        _ merges: [MergeRecord], memberships: [String: EventID], events: [EventSummary],
        mergedThrough: Int
    ) throws {
        let encoder = JSONEncoder()
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('merged_through', ?)",
                arguments: [mergedThrough])
            for m in merges {
                try db.execute(sql: "DELETE FROM events WHERE id = ?", arguments: [m.absorbed.rawValue])
                try db.execute(
                    sql: """
                        INSERT INTO merges (survivor, absorbed, probability, explanation, detail) VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        m.survivor.rawValue, m.absorbed.rawValue, m.assessment.probability, m.summary,
                        try encoder.encode(m),
                    ])
            }
            for (article, event) in memberships.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "UPDATE memberships SET event_id = ? WHERE article_id = ?",
                    arguments: [event.rawValue, article])
            }
            try Self.upsert(events, db: db, encoder: encoder)
        }
    }

    static func upsert(_ events: [EventSummary], db: Database, encoder: JSONEncoder) throws {
        for e in events {
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO events (id, title, article_count, first_published, last_published, languages, summary)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    e.id.rawValue, e.title, e.articleCount, e.firstPublished, e.lastPublished,
                    e.languages.joined(separator: ","), try encoder.encode(e),
                ])
        }
    }

    public func recordRejects(_ rejects: [ConcordCore.RecordError]) throws {
        try write { db in
            for r in rejects {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO rejects (file, line, reason, record_id, detail) VALUES (?, ?, ?, ?, ?)
                        """, arguments: [r.file, r.line, r.reason, r.id, r.detail])
            }
        }
    }

    public func events(matching query: EventQuery) throws -> EventPage {
        let all = try read { db in
            let decoder = JSONDecoder()
            return try Data.fetchAll(db, sql: "SELECT summary FROM events").map {
                try decoder.decode(EventSummary.self, from: $0)
            }
        }
        return EventFilter(query).apply(all)
    }

    public func event(_ id: EventID) throws -> (summary: EventSummary, articles: [StoredArticle])? {
        try read { db in
            let decoder = JSONDecoder()
            guard
                let blob = try Data.fetchOne(
                    db, sql: "SELECT summary FROM events WHERE id = ?",
                    arguments: [id.rawValue])
            else { return nil }
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT m.article_id FROM memberships m JOIN articles a ON a.id = m.article_id
                    WHERE m.event_id = ? ORDER BY a.published, a.seq
                    """, arguments: [id.rawValue])
            return (
                try decoder.decode(EventSummary.self, from: blob), try ids.compactMap { try Self.article($0, db: db) }
            )
        }
    }

    public func article(_ id: String) throws -> StoredArticle? {
        try read { db in try Self.article(id, db: db) }
    }

    static func article(_ id: String, db: Database) throws -> StoredArticle? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT a.url, a.source, a.title, a.text, a.published, a.declared_language, a.features, a.embedding,
                           m.event_id, d.detail
                    FROM articles a JOIN memberships m ON m.article_id = a.id
                    LEFT JOIN decisions d ON d.article_id = a.id WHERE a.id = ?
                    """, arguments: [id])
        else { return nil }
        let decoder = JSONDecoder()
        let published = (row[4] as Double?).map { Date(timeIntervalSince1970: $0) }
        let article = Article(
            id: id, url: row[0], source: row[1], title: row[2], text: row[3],
            published: published, declaredLanguage: row[5])
        var features = try ArticleFeatures.decode(stored: row[6] as Data)
        if let blob = row[7] as Data? { features.embedding = floats(blob) }
        let decision = try (row[9] as Data?).map { try decoder.decode(Decision.self, from: $0) }
        return StoredArticle(
            article: article, features: features, eventID: EventID(row[8] as String),
            decision: decision)
    }

    public func merges() throws -> [StoredMerge] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT survivor, absorbed, probability, explanation FROM merges ORDER BY seq")
                .map {
                    StoredMerge(
                        survivor: EventID($0[0] as String), absorbed: EventID($0[1] as String),
                        probability: $0[2], explanation: $0[3])
                }
        }
    }

    public func counts() throws -> StoreCounts {
        try read { db in
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return StoreCounts(
                articles: try count("articles"), events: try count("events"),
                decisions: try count("decisions"), merges: try count("merges"),
                rejects: try count("rejects"),
                languages: Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(
                        db, sql: "SELECT language, COUNT(*) AS n FROM articles GROUP BY language"
                    ).map { row -> (String, Int) in
                        let language: String? = row["language"]
                        let n: Int? = row["n"]
                        return (language ?? "und", n ?? 0)
                    }))
        }
    }

    static func blob(_ v: [Float]) -> Data { v.withUnsafeBufferPointer { Data(buffer: $0) } }

    static func floats(_ d: Data) -> [Float] {
        d.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}
