import ConcordCore
import ConcordStore
import Foundation

extension EventSummary {
    /// Summarizes an event from its members' features: the first titled member's title, outlets, languages
    /// by count, publication span, the median text-derived event date with its evidence, the most mentioned
    /// entities, and the day span the engine searches candidates around.
    public init(id: EventID, members: [ArticleFeatures]) {
        var langs: [String: Int] = [:]
        for m in members { langs[m.language, default: 0] += 1 }
        let times = members.compactMap(\.published)
        let dated = members.compactMap(\.eventDate).sorted { ($0.first, $0.last) < ($1.first, $1.last) }
        let textual = dated.filter { $0.source != .published }
        let pick = textual.isEmpty ? dated : textual
        let median = pick.isEmpty ? nil : pick[pick.count / 2]
        var counts: [String: (Int, String)] = [:]
        for m in members {
            for e in m.entities {
                let old = counts[e.key] ?? (0, e.surface)
                counts[e.key] = (old.0 + 1, e.surface.count > old.1.count ? e.surface : old.1)
            }
        }
        let ranked = counts.sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.key < $1.key }
        self.init(
            id: id,
            title: members.first(where: { !$0.title.isEmpty })?.title ?? members.first?.articleID ?? "",
            articleCount: members.count,
            sourceCount: Set(members.map { $0.source ?? $0.articleID }).count,
            languages: langs.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
            firstPublished: times.min(), lastPublished: times.max(),
            eventDate: median.map { CalendarDays.isoString($0.first) },
            eventDateEvidence: median.map { $0.evidence + " (\(pick.count) of \(members.count) articles)" },
            entities: ranked.prefix(8).map(\.value.1), entityKeys: ranked.prefix(30).map(\.key))
        let days = members.compactMap(\.anchorDay)
        firstDay = days.min()
        lastDay = days.max()
        languageCounts = langs
        let ordered = members.sorted {
            ($0.published ?? .infinity, $0.articleID) < ($1.published ?? .infinity, $1.articleID)
        }
        independentSources = NearCopies.independentSources(ordered, groups: NearCopies.groups(ordered))
    }
}
