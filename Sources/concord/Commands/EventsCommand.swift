import ArgumentParser
import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation

struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List stored events, newest first.",
        discussion: "Example: concord events --lang vi --entity \"Hun Sen\" --since 2013-10-01")

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Events with an article published on or after this date.") var since: DateArgument?
    @Option(name: .long, help: "Events with an article published on or before this date.") var until: DateArgument?
    @Option(name: .long, help: "Events with an article in this language (ISO 639-1).") var lang: String?
    @Option(
        name: .long,
        help: "Events mentioning this name (accents and case ignored; the start of a word is enough: bern).")
    var entity: String?
    @Option(
        name: .long,
        help:
            "Events with an article whose title or text holds every one of these words (any language, accents ignored)."
    )
    var query: String?
    @Option(name: .long, help: "At most this many events.") var limit = 50
    @Option(name: .long, help: "Skip this many matching events first (the next page: --offset 50).") var offset = 0
    @Option(name: .long, help: "Output format.") var format: OutputFormat = .table

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if offset < 0 { throw ValidationError("--offset must not be negative") }
    }

    func run() async throws {
        let db = try store.openExisting()
        let q = EventQuery(
            since: since?.date, until: until?.date, language: lang, entity: entity, text: query, limit: limit,
            offset: offset)
        let page: EventPage
        do { page = try db.events(matching: q) } catch { throw CommandError("\(error)") }
        let events = page.events
        switch format {
        case .json: print(Console.json(events))
        case .jsonl: for e in events { print(Console.json(e, pretty: false)) }
        case .table, .csv:
            var t = TextTable(header: ["event", "articles", "sources", "languages", "date", "title", "entities"])
            for e in events {
                t.rows.append([
                    e.id.rawValue, String(e.articleCount), String(e.sourceCount), e.languages.joined(separator: " "),
                    e.eventDate ?? "", e.title, e.entities.prefix(3).joined(separator: ", "),
                ])
            }
            print(format == .csv ? t.csv() : t.render(maxWidth: 50))
            if format == .table, page.total == 0 {
                let filtered = since != nil || until != nil || lang != nil || entity != nil || query != nil
                Console.error(filtered ? "no event matches these filters" : "the store holds no events yet")
            } else if format == .table, events.count < page.total {
                let first = page.offset + 1, last = page.offset + events.count
                let more = last < page.total ? "; --offset \(last) for the next" : ""
                Console.error(
                    events.isEmpty
                        ? "none of \(page.total) events after offset \(page.offset)"
                        : "events \(first)-\(last) of \(page.total)\(more)")
            }
        }
    }
}

struct EventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Show one event: its articles, languages, entities, dates and numbers.")

    @Argument(help: "The event id (from `concord events`).") var id: String
    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Output format.") var format: OutputFormat = .table

    func run() async throws {
        let db = try store.openExisting()
        guard let (summary, articles) = try db.event(EventID(id)) else {
            throw CommandError("no event \(id) in \(store.path)")
        }
        if format == .json || format == .jsonl {
            print(
                Console.json(
                    EventDetail(summary: summary, articles: articles.map(EventDetail.Member.init)),
                    pretty: format == .json))
            return
        }
        print("\(summary.id)  \(summary.title)")
        print(
            "articles: \(summary.articleCount) from \(summary.sourceCount) sources; languages: \(summary.languages.joined(separator: ", "))"
        )
        if let d = summary.eventDate { print("event date: \(d)  (\(summary.eventDateEvidence ?? ""))") }
        print("entities: \(summary.entities.joined(separator: ", "))")
        var numbers: [String: Int] = [:]
        for a in articles { for n in Set(a.features.numbers.map(\.text)) { numbers[n, default: 0] += 1 } }
        if !numbers.isEmpty {
            print(
                "numbers: "
                    + numbers.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .prefix(10).map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
        }
        var t = TextTable(header: ["article", "lang", "published", "source", "title", "dates"])
        for a in articles {
            t.rows.append([
                a.article.id, a.features.language,
                a.article.published.map { String($0.ISO8601Format().prefix(16)) } ?? "",
                a.article.source ?? "", a.features.title,
                (a.features.dates.prefix(3).map(\.text)
                    + (a.features.yearlessDay.map { ["\($0.text) (no year)"] } ?? []))
                    .joined(separator: "; "),
            ])
        }
        print(format == .csv ? t.csv() : t.render(maxWidth: 48))
    }
}
