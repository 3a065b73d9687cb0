import Foundation
import Testing

@testable import ConcordCore

/// A date read from an undated text alone does not close the candidate window.
@Suite struct UndatedWindowTests {
    static let extractor = FeatureExtractor(languageIdentifier: DeclaredLanguage())

    static func article(_ id: String, _ text: String, published: Date? = nil) -> ArticleFeatures {
        extractor.features(
            of: Article(id: id, title: "Castelmare derby", text: text, published: published, declaredLanguage: "en"))
    }

    @Test("an undated article has an event date from its text but no anchor day; a published one has both")
    func anchorDay() throws {
        let text = "The derby was played on 9 March 2025 and ended 1-1 after a late penalty by Bernardini."
        let undated = Self.article("u", text)
        #expect(undated.eventDate != nil)
        #expect(undated.anchorDay == nil)
        let published = Self.article("p", text, published: Date(timeIntervalSince1970: 1_741_564_800))
        #expect(published.anchorDay != nil)
    }

    @Test("two undated reports naming days months apart are still candidates of each other")
    func undatedReportsMeet() throws {
        let a = Self.article(
            "a", "Castelmare drew 1-1 with Sporting on 9 March 2025; Bernardini scored a late penalty.")
        let b = Self.article(
            "b", "Bernardini, signed in the summer of 2021, scored a late penalty as Castelmare drew 1-1 with Sporting."
        )
        var state = EventClustering()
        state.observe(a)
        state.observe(b)
        _ = state.add(a)
        let vector = state.unitVector(state.observe(b))
        let single = EventProfile(id: EventID(openedBy: "b"), article: b, terms: vector)
        let candidates = state.candidates(for: single, keys: state.lookupKeys(b, vector: vector))
        #expect(candidates.contains(EventID(openedBy: "a")))
    }
}
