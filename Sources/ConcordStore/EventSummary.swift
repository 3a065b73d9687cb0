import ConcordCore
import Foundation

/// What a person sees of an event in a list: id, title, time span, languages, sources, top entities.
public struct EventSummary: Sendable, Codable, Equatable {
    public var id: EventID
    public var title: String
    public var articleCount: Int
    /// Distinct outlets (copies from one outlet count once).
    public var sourceCount: Int
    public var languages: [String]
    /// Earliest and latest publication time of the members (seconds since 1970).
    public var firstPublished: Double?
    public var lastPublished: Double?
    /// The estimated event day (`YYYY-MM-DD`) and its evidence.
    public var eventDate: String?
    public var eventDateEvidence: String?
    public var entities: [String]
    /// Folded entity keys, for filtering.
    public var entityKeys: [String]
    /// The earliest and latest anchor day of the members (``ArticleFeatures/anchorDay``, days since 1970):
    /// the span the engine searches candidates around. Nil when no member has one.
    public var firstDay: Double?
    public var lastDay: Double?

    public init(
        id: EventID, title: String, articleCount: Int, sourceCount: Int, languages: [String],
        firstPublished: Double?, lastPublished: Double?, eventDate: String?, eventDateEvidence: String?,
        entities: [String], entityKeys: [String]
    ) {
        self.id = id
        self.title = title
        self.articleCount = articleCount
        self.sourceCount = sourceCount
        self.languages = languages
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
        self.eventDate = eventDate
        self.eventDateEvidence = eventDateEvidence
        self.entities = entities
        self.entityKeys = entityKeys
    }

    /// Summarizes an event from its members' features.
    public init(id: EventID, members: [ArticleFeatures]) {
        self.id = id
        title = members.first(where: { !$0.title.isEmpty })?.title ?? members.first?.articleID ?? ""
        articleCount = members.count
        sourceCount = Set(members.map { $0.source ?? $0.articleID }).count
        var langs: [String: Int] = [:]
        for m in members { langs[m.language, default: 0] += 1 }
        languages = langs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let times = members.compactMap(\.published)
        firstPublished = times.min()
        lastPublished = times.max()
        let dated = members.compactMap(\.eventDate).sorted { ($0.first, $0.last) < ($1.first, $1.last) }
        let textual = dated.filter { $0.source != .published }
        let pick = (textual.isEmpty ? dated : textual)
        if !pick.isEmpty {
            let median = pick[pick.count / 2]
            eventDate = CalendarDays.isoString(median.first)
            eventDateEvidence = median.evidence + " (\(pick.count) of \(members.count) articles)"
        }
        var counts: [String: (Int, String)] = [:]
        for m in members {
            for e in m.entities {
                let old = counts[e.key] ?? (0, e.surface)
                counts[e.key] = (old.0 + 1, e.surface.count > old.1.count ? e.surface : old.1)
            }
        }
        let ranked = counts.sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.key < $1.key }
        entities = ranked.prefix(8).map(\.value.1)
        entityKeys = ranked.prefix(30).map(\.key)
        let days = members.compactMap(\.anchorDay)
        firstDay = days.min()
        lastDay = days.max()
    }

}
