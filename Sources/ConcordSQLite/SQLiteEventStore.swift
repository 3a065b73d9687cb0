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
    /// At most this many matching events, a page filtered by language or entity is read from their indexes
    /// and sorted; past it, the page is found walking the events newest first. 1,000.
    let rareIndexedEvents: Int

    /// Opens (creating and migrating when needed) the store at `path`.
    ///
    /// - Throws: ``StoreError`` when the file cannot be opened or is not a Concord store.
    public convenience init(path: String) throws(StoreError) {
        try self.init(path: path, rareIndexedEvents: 1_000)
    }

    init(path: String, rareIndexedEvents: Int) throws(StoreError) {
        self.path = path
        self.rareIndexedEvents = rareIndexedEvents
        do {
            var config = Configuration()
            // Readers (`concord events`) may run while an ingest writes: wait instead of failing.
            config.busyMode = .timeout(10)
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // The writer inserts into indexes keyed at random (ids, content hashes, terms, entities): with
                // SQLite's default 2 MB of cached pages, their pages are read again from the file as the store
                // grows. 64 MB keeps the upper levels and hot leaves of those indexes in memory.
                if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -65536") }
            }
            pool = try Self.open(path, configuration: config)
        } catch {
            throw StoreError.cannotOpen(path, detail: Self.words(error))
        }
    }

    /// Opens the pool and brings the schema up to date. A new file that another process is setting up at the
    /// same moment (switching it to WAL, creating its tables) can be busy for an instant without the busy
    /// timeout applying: that is retried for about two seconds.
    static func open(_ path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 0
        while true {
            attempt += 1
            do {
                let pool = try DatabasePool(path: path, configuration: configuration)
                try migrate(pool)
                return pool
            } catch let error as DatabaseError where error.resultCode.primaryResultCode == .SQLITE_BUSY && attempt < 20
            {
                Thread.sleep(forTimeInterval: 0.01 * Double(attempt))
            }
        }
    }

    /// Brings the schema up to date. Processes that open a new store at the same moment (an ingest creating
    /// it, `concord events` watching it) each decide which migrations are pending before either has run
    /// them, so one fails on a table or column the other just made. A failure while the applied migrations
    /// changed under it is that race: it reads again what is pending and goes on from there. Any other
    /// failure stands.
    static func migrate(_ pool: DatabasePool) throws {
        let migrator = Self.migrator
        var attempt = 0
        while true {
            attempt += 1
            let before = try pool.read(migrator.appliedIdentifiers)
            do {
                return try migrator.migrate(pool)
            } catch let error as DatabaseError {
                let after = try pool.read(migrator.appliedIdentifiers)
                guard after != before, attempt < 3 * migrator.migrations.count else { throw error }
                Thread.sleep(forTimeInterval: 0.01 * Double(attempt))
            }
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
        // Kept for stores written before v4 (which drops its one key).
        m.registerMigration("v3 meta") { db in
            try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        }
        // The resident engine starts from the stored corpus and the events of its time window, not from
        // every article: statistics, vocabulary and thresholds are kept, and events are found by day span.
        m.registerMigration("v4 corpus and event days") { db in
            try db.execute(
                sql: """
                    CREATE TABLE terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL, df INTEGER NOT NULL);
                    CREATE TABLE entity_stats (key TEXT PRIMARY KEY, df INTEGER NOT NULL);
                    CREATE TABLE thresholds (pair TEXT PRIMARY KEY, value REAL NOT NULL);
                    ALTER TABLE events ADD COLUMN first_day REAL;
                    ALTER TABLE events ADD COLUMN last_day REAL;
                    CREATE INDEX events_days ON events(last_day, first_day);
                    CREATE INDEX events_undated ON events(id) WHERE first_day IS NULL;
                    DELETE FROM meta WHERE key = 'merged_through';
                    """)
        }
        // `events --query`: the words of every article's title and text, in any language (FTS5, accents folded).
        m.registerMigration("v5 article text search") { db in
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE article_text USING fts5(
                        id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2');
                    INSERT INTO article_text (id, title, text) SELECT id, title, text FROM articles;
                    """)
        }
        // Event listing in SQL: filters and order on columns, the newest first through an index, so a page
        // costs the same at 100,000 events as at 100 (``events(matching:)``).
        m.registerMigration("v6 event listing") { db in
            try db.execute(
                sql: """
                    ALTER TABLE events ADD COLUMN entity_keys TEXT NOT NULL DEFAULT '';
                    CREATE INDEX events_newest ON events(IFNULL(last_published, \(EventCursor.undated)) DESC, id);
                    """)
            let decoder = JSONDecoder()
            let rows = try Row.fetchAll(db, sql: "SELECT id, summary FROM events")
            for row in rows {
                let e = try decoder.decode(EventSummary.self, from: row[1] as Data)
                try db.execute(
                    sql: "UPDATE events SET entity_keys = ? WHERE id = ?",
                    arguments: [Self.joinedKeys(e), row[0] as String])
            }
        }
        // Counts by language from an index, not from a scan of every article's row (text and features).
        m.registerMigration("v7 article language index") { db in
            try db.execute(sql: "CREATE INDEX articles_language ON articles(language)")
        }
        // The language filter from an index (each event's languages, one row each), not from a scan of every
        // event's comma-joined column: its count and a rare language's page cost what they find.
        m.registerMigration("v8 event languages") { db in
            try db.execute(
                sql: """
                    CREATE TABLE event_languages (
                        language TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (language, event_id)) WITHOUT ROWID;
                    CREATE INDEX event_languages_event ON event_languages(event_id);
                    """)
            let insert = try db.makeStatement(
                sql: "INSERT OR IGNORE INTO event_languages (language, event_id) VALUES (?, ?)")
            for row in try Row.fetchAll(db, sql: "SELECT id, languages FROM events") {
                let id: String = row[0]
                let languages: String = row[1]
                for language in languages.split(separator: ",") {
                    try insert.execute(arguments: [String(language), id])
                }
            }
        }
        // The entity filter from an index, not from a scan of every event's keys (v6's `entity_keys` column,
        // dropped): each distinct folded key once (`entity_vocabulary`), its trigrams in a full-text table so
        // that a part of a name finds its keys without reading them all, and each event's keys
        // (`event_entities`). Keys are only ever added, so the trigram table follows the vocabulary by rowid.
        m.registerMigration("v9 event entities") { db in
            try db.execute(
                sql: """
                    CREATE TABLE entity_vocabulary (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
                    CREATE VIRTUAL TABLE entity_vocabulary_trigrams USING fts5(
                        key, content = 'entity_vocabulary', content_rowid = 'id', tokenize = 'trigram');
                    CREATE TABLE event_entities (
                        key_id INTEGER NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (key_id, event_id)) WITHOUT ROWID;
                    CREATE INDEX event_entities_event ON event_entities(event_id);
                    """)
            for row in try Row.fetchAll(db, sql: "SELECT id, entity_keys FROM events") {
                let keys: String = row[1]
                try indexEntities(keys.split(separator: "\n").map(String.init), of: row[0], db: db)
            }
            try db.execute(sql: "ALTER TABLE events DROP COLUMN entity_keys")
        }
        return m
    }

    /// Makes the entity index hold exactly `keys` for `event`: only what changed is written (an event that
    /// grows by one article mostly keeps its keys), and a key new to the store joins the vocabulary.
    static func indexEntities(_ keys: [String], of event: String, db: Database) throws {
        var held = Dictionary(
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT v.key, e.key_id FROM event_entities e JOIN entity_vocabulary v ON v.id = e.key_id
                        WHERE e.event_id = ?
                        """), arguments: [event]
            ).map { ($0[0] as String, $0[1] as Int64) }, uniquingKeysWith: { a, _ in a })
        let find = try db.cachedStatement(sql: "SELECT id FROM entity_vocabulary WHERE key = ?")
        let add = try db.cachedStatement(sql: "INSERT INTO entity_vocabulary (key) VALUES (?)")
        let addTrigrams = try db.cachedStatement(
            sql: "INSERT INTO entity_vocabulary_trigrams (rowid, key) VALUES (?, ?)")
        let link = try db.cachedStatement(sql: "INSERT OR IGNORE INTO event_entities (key_id, event_id) VALUES (?, ?)")
        let unlink = try db.cachedStatement(sql: "DELETE FROM event_entities WHERE key_id = ? AND event_id = ?")
        for key in keys where !key.isEmpty && held.removeValue(forKey: key) == nil {
            var id = try Int64.fetchOne(find, arguments: [key])
            if id == nil {
                try add.execute(arguments: [key])
                id = db.lastInsertedRowID
                try addTrigrams.execute(arguments: [id, key])
            }
            try link.execute(arguments: [id, event])
        }
        for id in held.values { try unlink.execute(arguments: [id, event]) }
    }

    /// An event's folded entity keys in one column, each on its own line, as migration v6 stored them.
    static func joinedKeys(_ e: EventSummary) -> String {
        "\n" + e.entityKeys.joined(separator: "\n") + "\n"
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch let e as StoreError { throw e } catch {
            throw StoreError.query(path, detail: Self.words(error))
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch let e as StoreError { throw e } catch {
            throw StoreError.query(path, detail: Self.words(error))
        }
    }

    /// What an SQLite failure means for a person, without its code.
    static func words(_ error: any Error) -> String {
        guard let e = error as? DatabaseError else { return "\(error)" }
        switch e.resultCode.primaryResultCode {
        case .SQLITE_CANTOPEN: return "the file cannot be opened or created (does its folder exist, is it writable?)"
        case .SQLITE_NOTADB: return "the file is not a Concord store (not an SQLite database)"
        case .SQLITE_CORRUPT: return "the file is damaged (restore it from a copy, or ingest anew into a new store)"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another process holds the store and did not let go within 10 s"
        case .SQLITE_READONLY: return "the store is read-only here (check the file's and its folder's permissions)"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_IOERR: return "the disk could not be read or written"
        case .SQLITE_PERM, .SQLITE_AUTH: return "permission denied"
        default: return e.message ?? "the store failed (\(e.resultCode))"
        }
    }

    public func corpus() throws -> StoredCorpus {
        try read { db in
            var c = StoredCorpus()
            let rows = try Row.fetchCursor(db, sql: "SELECT id, term, df FROM terms ORDER BY id")
            while let row = try rows.next() {
                let id: Int = row[0]
                guard id == c.terms.count else {
                    throw StoreError.damaged(path, detail: "the vocabulary skips from id \(c.terms.count) to \(id)")
                }
                c.terms.append(row[1])
                c.termFrequency.append(Int32(row[2] as Int))
            }
            for row in try Row.fetchAll(db, sql: "SELECT key, df FROM entity_stats") {
                c.entityFrequency[row[0]] = row[1]
            }
            for row in try Row.fetchAll(db, sql: "SELECT pair, value FROM thresholds") { c.thresholds[row[0]] = row[1] }
            var meta: [String: DatabaseValue] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row[0]] = row[1] }
            c.documents = meta["documents"].flatMap { Int.fromDatabaseValue($0) } ?? 0
            c.calibratedAt = meta["calibrated_at"].flatMap { Int.fromDatabaseValue($0) }
            c.latestDay = meta["latest_day"].flatMap { Double.fromDatabaseValue($0) }
            c.embedded = meta["embedded"].flatMap { Int.fromDatabaseValue($0) }.map { $0 != 0 }
            return c
        }
    }

    public func existing(ids: [String], contentHashes: [String]) throws -> (
        ids: [String: String], contentHashes: [String: String]
    ) {
        try read { db in
            var found: [String: String] = [:]
            let byID = try db.cachedStatement(sql: "SELECT content_hash FROM articles WHERE id = ?")
            for id in Set(ids) {
                if let hash = try String.fetchOne(byID, arguments: [id]) { found[id] = hash }
            }
            var hashes: [String: String] = [:]
            let byHash = try db.cachedStatement(
                sql: "SELECT id FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1")
            for hash in Set(contentHashes) {
                if let id = try String.fetchOne(byHash, arguments: [hash]) { hashes[hash] = id }
            }
            return (found, hashes)
        }
    }

    public func eventIDs(overlapping days: ClosedRange<Double>?) throws -> [EventID] {
        let ids: [String] = try read { db in
            guard let days else {
                return try String.fetchAll(db, sql: "SELECT id FROM events WHERE first_day IS NULL ORDER BY id")
            }
            return try String.fetchAll(
                db, sql: "SELECT id FROM events WHERE last_day >= ? AND first_day <= ? ORDER BY id",
                arguments: [days.lowerBound, days.upperBound])
        }
        return ids.map { EventID($0) }
    }

    public func members(of events: [EventID]) throws -> [StoredMember] {
        try read { db in
            var result: [StoredMember] = []
            let statement = try db.cachedStatement(
                sql: """
                    SELECT a.seq, a.features, a.embedding, m.event_id FROM memberships m
                    JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?
                    """)
            for event in events {
                let rows = try Row.fetchCursor(statement, arguments: [event.rawValue])
                while let row = try rows.next() {
                    var f = try ArticleFeatures.decode(stored: row[1] as Data)
                    if let blob = row[2] as Data? { f.embedding = Self.floats(blob) }
                    result.append(StoredMember(seq: row[0], features: f, event: EventID(row[3] as String)))
                }
            }
            return result.sorted { $0.seq < $1.seq }
        }
    }

    public func recentArticles(limit: Int) throws -> [ArticleFeatures] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT features, embedding FROM articles ORDER BY seq DESC LIMIT ?",
                arguments: [max(0, limit)]
            ).reversed().map { row in
                var f = try ArticleFeatures.decode(stored: row[0] as Data)
                if let blob = row[1] as Data? { f.embedding = Self.floats(blob) }
                return f
            }
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

    @discardableResult
    public func commit(_ batch: IngestBatch) throws -> [Int] {
        let encoder = JSONEncoder()
        return try write { db in
            var given: [Int] = []
            for id in batch.retracted {
                for table in ["memberships", "decisions"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE article_id = ?", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM article_text WHERE id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM articles WHERE id = ?", arguments: [id])
            }
            let insertArticle = try db.cachedStatement(
                sql: """
                    INSERT INTO articles (id, url, source, title, text, published, declared_language, language,
                        content_hash, origin, features, embedding)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertText = try db.cachedStatement(
                sql: "INSERT INTO article_text (id, title, text) VALUES (?, ?, ?)")
            let insertMembership = try db.cachedStatement(
                sql: "INSERT INTO memberships (article_id, event_id) VALUES (?, ?)")
            let insertDecision = try db.cachedStatement(
                sql: """
                    INSERT INTO decisions (article_id, kind, event_id, probability, threshold, explanation, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            for item in batch.decisions {
                let a = item.article
                var f = item.features
                let embedding = f.embedding.map(Self.blob)
                f.embedding = nil
                try insertArticle.execute(arguments: [
                    a.id, a.url, a.source, a.title, a.text, a.published?.timeIntervalSince1970,
                    a.declaredLanguage, f.language, f.contentHash, item.origin?.description,
                    f.binary, embedding,
                ])
                given.append(Int(db.lastInsertedRowID))
                try insertText.execute(arguments: [a.id, a.title, a.text])
                try insertMembership.execute(arguments: [a.id, item.decision.eventID.rawValue])
                try insertDecision.execute(arguments: [
                    a.id, item.decision.kind.rawValue, item.decision.eventID.rawValue,
                    item.decision.assessment?.probability, item.decision.threshold,
                    item.decision.summary, try encoder.encode(item.decision),
                ])
            }
            for m in batch.merges {
                try Self.deleteEvent(m.absorbed.rawValue, db: db)
                try db.execute(
                    sql: """
                        INSERT INTO merges (survivor, absorbed, probability, explanation, detail) VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        m.survivor.rawValue, m.absorbed.rawValue, m.assessment.probability, m.summary,
                        try encoder.encode(m),
                    ])
            }
            for id in batch.removedEvents {
                try Self.deleteEvent(id.rawValue, db: db)
            }
            let move = try db.cachedStatement(sql: "UPDATE memberships SET event_id = ? WHERE article_id = ?")
            for (article, event) in batch.memberships.sorted(by: { $0.key < $1.key }) {
                try move.execute(arguments: [event.rawValue, article])
            }
            try Self.upsert(batch.events, db: db, encoder: encoder)
            try Self.apply(batch.corpus, db: db)
            return given
        }
    }

    static func apply(_ delta: CorpusDelta, db: Database) throws {
        // Term ids run from 0 without gaps: the next one is past the largest (found by the key, not by counting).
        var next = try Int.fetchOne(db, sql: "SELECT IFNULL(MAX(id) + 1, 0) FROM terms") ?? 0
        let insertTerm = try db.cachedStatement(sql: "INSERT INTO terms (id, term, df) VALUES (?, ?, 0)")
        for term in delta.newTerms {
            try insertTerm.execute(arguments: [next, term])
            next += 1
        }
        let count = try db.cachedStatement(sql: "UPDATE terms SET df = df + ? WHERE id = ?")
        for (id, n) in delta.termCounts.sorted(by: { $0.key < $1.key }) {
            try count.execute(arguments: [n, Int(id)])
        }
        let entity = try db.cachedStatement(
            sql: "INSERT INTO entity_stats (key, df) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET df = df + excluded.df"
        )
        for (key, n) in delta.entityCounts.sorted(by: { $0.key < $1.key }) {
            try entity.execute(arguments: [key, n])
        }
        let setMeta = try db.cachedStatement(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")
        let documents = try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'documents'") ?? 0
        try setMeta.execute(arguments: ["documents", documents + delta.documents])
        if let thresholds = delta.thresholds {
            try db.execute(sql: "DELETE FROM thresholds")
            for (pair, value) in thresholds.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO thresholds (pair, value) VALUES (?, ?)", arguments: [pair, value])
            }
        }
        if let at = delta.calibratedAt { try setMeta.execute(arguments: ["calibrated_at", at]) }
        if let day = delta.latestDay {
            let old = try Double.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'latest_day'")
            try setMeta.execute(arguments: ["latest_day", max(old ?? day, day)])
        }
        if let e = delta.embedded { try setMeta.execute(arguments: ["embedded", e ? 1 : 0]) }
    }

    static func upsert(_ events: [EventSummary], db: Database, encoder: JSONEncoder) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO events (id, title, article_count, first_published, last_published, languages,
                    summary, first_day, last_day)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let clearLanguages = try db.cachedStatement(sql: "DELETE FROM event_languages WHERE event_id = ?")
        let addLanguage = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO event_languages (language, event_id) VALUES (?, ?)")
        for e in events {
            try statement.execute(arguments: [
                e.id.rawValue, e.title, e.articleCount, e.firstPublished, e.lastPublished,
                e.languages.joined(separator: ","), try encoder.encode(e), e.firstDay, e.lastDay,
            ])
            try clearLanguages.execute(arguments: [e.id.rawValue])
            for language in e.languages { try addLanguage.execute(arguments: [language, e.id.rawValue]) }
            try indexEntities(e.entityKeys, of: e.id.rawValue, db: db)
        }
    }

    /// Removes an event's row, its languages and its entities (its members have moved, or it was absorbed).
    static func deleteEvent(_ id: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM events WHERE id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM event_languages WHERE event_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM event_entities WHERE event_id = ?", arguments: [id])
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
        // The same filters as ``EventFilter``, in SQL; the order (newest first, then id) follows the index
        // `events_newest`, so only the page's summaries are read and decoded.
        let newest = "IFNULL(last_published, \(EventCursor.undated))"
        var conditions: [(sql: String, arguments: StatementArguments)] = []
        if let since = query.since {
            conditions.append(("(last_published IS NULL OR last_published >= ?)", [since.timeIntervalSince1970]))
        }
        if let until = query.until {
            conditions.append(("(first_published IS NULL OR first_published <= ?)", [until.timeIntervalSince1970]))
        }
        let key = query.entity.map(NameFolding.fold) ?? ""
        var indexed: [(condition: Int, filter: IndexedFilter)] = []
        for filter in [query.language.map(IndexedFilter.language), key.isEmpty ? nil : .entity(key)] {
            guard let filter else { continue }
            indexed.append((conditions.count, filter))
            conditions.append(("id IN (\(filter.members))", filter.arguments))
        }
        if let text = query.text, let match = Self.ftsQuery(text) {
            conditions.append(
                (
                    """
                    id IN (SELECT m.event_id FROM article_text t JOIN memberships m ON m.article_id = t.id
                           WHERE article_text MATCH ?)
                    """, [match]
                ))
        }
        let limit = max(0, query.limit)
        let offset = max(0, query.offset)
        let (total, blobs) = try read { db -> (Int, [Data]) in
            let (filtered, arguments) = Self.whereClause(conditions)
            let total =
                conditions.count == 1 && indexed.count == 1
                ? try Int.fetchOne(db, sql: indexed[0].filter.count, arguments: indexed[0].filter.arguments)
                : try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events \(filtered)", arguments: arguments)
            // Few matches are read from the indexes and sorted; many are found walking the events newest first
            // and probing the indexes for each, which meets a page near the top.
            var pageConditions = conditions
            if total ?? 0 > rareIndexedEvents {
                for (i, filter) in indexed { pageConditions[i] = (filter.probe, filter.arguments) }
            }
            if let after = query.after {
                pageConditions.append(
                    ("(\(newest) < ? OR (\(newest) = ? AND id > ?))", [after.key, after.key, after.id.rawValue]))
            }
            let (pageFilter, pageArguments) = Self.whereClause(pageConditions)
            // One more than the page, to know whether another page follows.
            let blobs = try Data.fetchAll(
                db,
                sql: "SELECT summary FROM events \(pageFilter) ORDER BY \(newest) DESC, id LIMIT ? OFFSET ?",
                arguments: pageArguments + [limit + 1, offset])
            return (total ?? 0, blobs)
        }
        let decoder = JSONDecoder()
        let events = try blobs.prefix(limit).map { blob in
            do { return try decoder.decode(EventSummary.self, from: blob) } catch {
                throw StoreError.damaged(path, detail: "an event summary cannot be read: \(error)")
            }
        }
        let more = blobs.count > limit
        return EventPage(
            events: events, total: total, offset: offset, next: more ? events.last.map(EventCursor.init(after:)) : nil)
    }

    /// `WHERE` and the conditions joined by `AND` (nothing without conditions), with their arguments in order.
    static func whereClause(_ conditions: [(sql: String, arguments: StatementArguments)]) -> (
        String, StatementArguments
    ) {
        guard !conditions.isEmpty else { return ("", []) }
        return (
            "WHERE " + conditions.map(\.sql).joined(separator: " AND "),
            conditions.reduce(into: StatementArguments()) { $0 += $1.arguments }
        )
    }

    /// A filter answered from an index of events (their languages, their entity keys): the events it keeps,
    /// the same question asked of one event, and how many it keeps.
    struct IndexedFilter {
        /// `SELECT event_id …`: the events it keeps.
        var members: String
        /// A condition on `events.id` that probes the index for that one event.
        var probe: String
        /// `SELECT COUNT(…)`: how many events it keeps.
        var count: String
        var arguments: StatementArguments

        static func language(_ language: String) -> IndexedFilter {
            IndexedFilter(
                members: "SELECT event_id FROM event_languages WHERE language = ?",
                probe: "EXISTS (SELECT 1 FROM event_languages WHERE language = ? AND event_id = events.id)",
                count: "SELECT COUNT(*) FROM event_languages WHERE language = ?", arguments: [language])
        }

        /// Events with an entity key that has a word beginning with the folded `key`, as ``EventFilter`` keeps
        /// them: the keys that contain it are found by their trigrams (for fewer than three characters, which
        /// have no trigram, by reading every distinct key), then those where it begins a word are kept.
        static func entity(_ key: String) -> IndexedFilter {
            let byTrigrams = key.unicodeScalars.count >= 3
            let keys =
                byTrigrams
                ? """
                SELECT rowid FROM entity_vocabulary_trigrams
                WHERE entity_vocabulary_trigrams MATCH ? AND instr(' ' || key, ?) > 0
                """
                : "SELECT id FROM entity_vocabulary WHERE instr(' ' || key, ?) > 0"
            return IndexedFilter(
                members: "SELECT event_id FROM event_entities WHERE key_id IN (\(keys))",
                probe: "EXISTS (SELECT 1 FROM event_entities WHERE event_id = events.id AND key_id IN (\(keys)))",
                count: "SELECT COUNT(DISTINCT event_id) FROM event_entities WHERE key_id IN (\(keys))",
                arguments: byTrigrams ? [SQLiteEventStore.phrase(key), " " + key] : [" " + key])
        }
    }

    public func events(sharingAnyOf words: [String], excluding: EventID, limit: Int) throws -> [EventID] {
        let phrases = words.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            .map { Self.phrase($0.filter { !$0.isNewline && $0 != "\0" }) }
        guard !phrases.isEmpty, limit > 0 else { return [] }
        let ids: [String] = try read { db in
            // Events by their best-ranked (bm25) article among the 400 best; an event's many articles do not
            // add up. (bm25 can only rank the full-text table's own rows, hence the inner query.)
            try String.fetchAll(
                db,
                sql: """
                    SELECT m.event_id FROM (
                        SELECT id, bm25(article_text) AS score FROM article_text WHERE article_text MATCH ?
                        ORDER BY score LIMIT 400) r
                    JOIN memberships m ON m.article_id = r.id WHERE m.event_id != ?
                    GROUP BY m.event_id ORDER BY MIN(r.score), m.event_id LIMIT ?
                    """, arguments: [phrases.joined(separator: " OR "), excluding.rawValue, limit])
        }
        return ids.map { EventID($0) }
    }

    /// An FTS5 query for words a person typed: every word must occur (any order), each taken literally.
    static func ftsQuery(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map { phrase(String($0)) }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// An FTS5 phrase matching `text` literally (its quotes doubled).
    static func phrase(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

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

    public func eventCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0 }
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
