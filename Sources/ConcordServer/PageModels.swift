import ConcordCore
import ConcordEngine
import ConcordStore
import Foundation
import Hummingbird

/// What the templates show, as plain values (the templates escape every one of them).
enum PageFormat {
    static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: date)
    }

    static func time(_ seconds: Double?) -> String { time(seconds.map { Date(timeIntervalSince1970: $0) }) }

    static func percent(_ p: Double?) -> String? { p.map { String(format: "%.2f", $0) } }

    /// A query string component.
    static func query(_ pairs: [(String, String?)]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        let parts = pairs.compactMap { key, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return key + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)
        }
        return parts.isEmpty ? "/" : "/?" + parts.joined(separator: "&")
    }
}

struct ErrorScreen {
    var pageTitle: String
    var message: String
}

struct LanguageCount {
    var code: String
    var count: String?
    var selected = false
}

struct EntityLink {
    var name: String
    var href: String
    init(_ name: String) {
        self.name = name
        href = PageFormat.query([("entity", name)])
    }
}

struct ListScreen {
    struct Item {
        var id: String
        var title: String
        var date: String
        var languages: [LanguageCount]
        var articles: Int
        var sources: Int
        var entities: [EntityLink]
    }
    var pageTitle = "Events"
    var q: String
    var entity: String
    var since: String
    var until: String
    var languageOptions: [LanguageCount]
    var countText: String
    var events: [Item]
    var nextLink: String?
    var newestLink: String?

    static func item(_ e: EventSummary) -> Item {
        let date: String = e.eventDate ?? PageFormat.time(e.firstPublished)
        let languages: [LanguageCount] = e.languages.map { code in
            LanguageCount(code: code, count: e.languageCounts?[code].map { String($0) })
        }
        let entities: [EntityLink] = e.entities.prefix(5).map { EntityLink($0) }
        return Item(
            id: e.id.rawValue, title: e.title, date: date, languages: languages, articles: e.articleCount,
            sources: e.independentSources ?? e.sourceCount, entities: entities)
    }

    init(_ p: Parameters, page: EventPage, languages: [String: Int]) {
        q = p.get("q") ?? ""
        entity = p.get("entity") ?? ""
        since = p.get("since") ?? ""
        until = p.get("until") ?? ""
        let lang = p.get("lang") ?? ""
        languageOptions = languages.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { LanguageCount(code: $0.key, count: String($0.value), selected: $0.key == lang) }
        events = page.events.map(Self.item)
        let filters: [(String, String?)] = [
            ("q", q), ("lang", lang), ("entity", entity), ("since", since), ("until", until),
        ]
        let shown = page.events.count
        countText =
            page.total == 0
            ? "No events match."
            : "\(page.total) event\(page.total == 1 ? "" : "s")\(shown < page.total ? ", \(shown) shown" : "")"
        nextLink = page.next.map { PageFormat.query(filters + [("cursor", $0.token)]) }
        newestLink = p.get("cursor") != nil ? PageFormat.query(filters) : nil
    }
}

struct EventScreen {
    struct Language {
        var code: String
        var count: Int
        var title: String
        var articles: [Item]
    }
    struct Item {
        var id: String
        var title: String
        var source: String
        var published: String
        var kind: String
        var probability: String?
        var threshold: String?
        var decision: String
        var copies: [Copy]
    }
    struct Copy {
        var id: String
        var title: String
        var source: String
        var published: String
    }
    struct LookAlikeItem {
        var id: String
        var title: String
        var date: String
        var probability: String
        var reason: String
    }
    var pageTitle: String
    var id: String
    var title: String
    var eventDate: String
    var evidence: String
    var articleCount: Int
    var independentSources: Int
    /// Nil when there is none (Mustache shows a section for any number, 0 too).
    var copies: Int?
    var languages: [Language]
    var entities: [EntityLink]
    var svg: String
    var lookAlikes: [LookAlikeItem]

    init(_ view: EventView, lookAlikes found: [LookAlikeFinder.LookAlike]) {
        let s = view.summary
        id = s.id.rawValue
        title = view.languages.first?.title ?? s.title
        pageTitle = title
        eventDate = s.eventDate ?? "unknown"
        evidence = s.eventDateEvidence ?? "no date in the articles"
        articleCount = s.articleCount
        independentSources = view.independentSources
        copies = view.copies > 0 ? view.copies : nil
        entities = s.entities.map(EntityLink.init)
        languages = view.languages.map { l in
            Language(
                code: l.code, count: l.count, title: l.title,
                articles: l.articles.map { a in
                    let d = a.stored.decision
                    return Item(
                        id: a.stored.article.id, title: a.stored.article.title,
                        source: a.stored.article.source ?? "", published: PageFormat.time(a.stored.article.published),
                        kind: d.map {
                            $0.kind == .joined
                                ? "joined"
                                : $0.kind == .created ? "opened the event · closest other event" : "duplicate"
                        }
                            ?? "placed",
                        probability: PageFormat.percent(d?.assessment?.probability),
                        threshold: PageFormat.percent(d?.threshold), decision: d?.summary ?? "",
                        copies: a.copies.map {
                            Copy(
                                id: $0.article.id, title: $0.article.title, source: $0.article.source ?? "",
                                published: PageFormat.time($0.article.published))
                        })
                })
        }
        svg = Self.timeline(view)
        lookAlikes = found.map {
            LookAlikeItem(
                id: $0.summary.id.rawValue, title: $0.summary.title,
                date: $0.summary.eventDate ?? PageFormat.time($0.summary.firstPublished),
                probability: PageFormat.percent($0.probability) ?? "", reason: $0.reason)
        }
    }

    /// Articles per hour or day as an inline SVG bar chart (no text from articles in it).
    static func timeline(_ view: EventView) -> String {
        let bins = view.timeline
        guard !bins.isEmpty else { return "<p>No article has a publication time.</p>" }
        let width = 640.0, height = 96.0, top = 8.0, bottom = 22.0
        let most = Double(bins.map(\.count).max() ?? 1)
        let step = width / Double(bins.count)
        var svg =
            "<svg class=\"timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Articles per \(view.binSeconds < 86_400 ? "hour" : "day")\" preserveAspectRatio=\"none\">"
        for (i, b) in bins.enumerated() where b.count > 0 {
            let h = (height - top - bottom) * Double(b.count) / most
            let x = Double(i) * step
            svg +=
                "<rect x=\"\(String(format: "%.1f", x + step * 0.1))\" y=\"\(String(format: "%.1f", height - bottom - h))\" width=\"\(String(format: "%.1f", max(1, step * 0.8)))\" height=\"\(String(format: "%.1f", h))\"><title>\(PageFormat.time(b.start)): \(b.count) article\(b.count == 1 ? "" : "s")</title></rect>"
        }
        let first = PageFormat.time(bins.first?.start), last = PageFormat.time(bins.last?.start)
        svg += "<text x=\"0\" y=\"\(Int(height - 6))\" class=\"axis\">\(first)</text>"
        if bins.count > 1 {
            svg +=
                "<text x=\"\(Int(width))\" y=\"\(Int(height - 6))\" text-anchor=\"end\" class=\"axis\">\(last)</text>"
        }
        return svg + "</svg>"
    }
}

struct ArticleScreen {
    struct Comparison {
        var verdict: String
        var summary: String
        var other: String
    }
    struct DateItem {
        var text: String
        var day: String
    }
    struct NumberItem {
        var text: String
        var kind: String
    }
    var pageTitle: String
    var id: String
    var title: String
    var language: String
    var source: String
    var url: String
    var published: String
    var event: String
    var eventTitle: String
    var decision: String
    var eventDate: String
    var dates: [DateItem]
    var entities: [EntityLink]
    var numbers: [NumberItem]
    var paragraphs: [String]
    var compare = ""
    var comparison: Comparison?
    var compareError: String?

    init(_ stored: StoredArticle, event: EventSummary?) {
        let a = stored.article, f = stored.features
        id = a.id
        title = a.title
        pageTitle = a.title.isEmpty ? a.id : a.title
        language = f.language
        source = a.source ?? ""
        url = a.url.flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil } ?? ""
        published = PageFormat.time(a.published)
        self.event = stored.eventID.rawValue
        eventTitle = event?.title ?? stored.eventID.rawValue
        decision = stored.decision?.summary ?? ""
        eventDate = f.eventDate.map { CalendarDays.isoString($0.first) + " (" + $0.evidence + ")" } ?? ""
        dates = f.dates.map {
            DateItem(
                text: $0.text,
                day: $0.first == $0.last
                    ? CalendarDays.isoString($0.first)
                    : CalendarDays.isoString($0.first) + " – " + CalendarDays.isoString($0.last))
        }
        entities = f.entities.map { EntityLink($0.surface) }
        numbers = f.numbers.map { NumberItem(text: $0.text, kind: "\($0.kind)") }
        paragraphs = a.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }
}
