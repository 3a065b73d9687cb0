import Foundation
import Testing

@testable import ConcordCore

/// Hand-made signals and the feature values the documentation of ``PairFeatures/Feature`` derives from them.
struct FeatureCase: Sendable, CustomTestStringConvertible {
    var name: String
    var signals: PairSignals
    /// The features expected to be nonzero; every other feature must be 0.
    var expected: [PairFeatures.Feature: Double]
    var testDescription: String { name }

    init(_ name: String, _ expected: [PairFeatures.Feature: Double], _ configure: (inout PairSignals) -> Void) {
        var s = PairSignals()
        configure(&s)
        (self.name, self.signals, self.expected) = (name, s, expected)
    }
}

@Suite("Pair features")
struct PairFeaturesTests {
    static let cases: [FeatureCase] = [
        // A default PairSignals has no lexical signal, so it counts as cross-lingual, and no entities.
        .init("nothing known", [.crossLingual: 1, .noEntities: 1]) { _ in },
        .init("embedding within a language", [.embedding: 0.8, .lexical: 0.4, .entities: 0.3]) {
            $0.lexical = 0.4
            $0.embedding = 0.8
            $0.entities = 0.3
            $0.languagePair = "en-en"
        },
        .init(
            "embedding across languages",
            [.embeddingCrossLingual: 0.7, .entitiesCrossLingual: 0.5, .crossLingual: 1]
        ) {
            $0.embedding = 0.7
            $0.entities = 0.5
            $0.languagePair = "en-it"
        },
        .init("negative embedding is kept", [.embedding: -0.2, .noEntities: 1]) {
            $0.lexical = 0
            $0.embedding = -0.2
        },
        .init("no entities within a language", [.lexical: 0.2, .noEntities: 1]) { $0.lexical = 0.2 },
        .init("distinctive entity missing", [.lexical: 0.1, .entities: 0.25, .distinctiveMissing: 0.6]) {
            $0.lexical = 0.1
            $0.entities = 0.25
            $0.distinctiveMissing = 0.6
        },
        .init("dates agree", [.lexical: 0.5, .noEntities: 1, .datesAgree: 1]) {
            $0.lexical = 0.5
            $0.dates = 1
        },
        .init("dates conflict", [.lexical: 0.5, .noEntities: 1, .datesConflict: 2.5]) {
            $0.lexical = 0.5
            $0.dates = -2.5
        },
        .init("scores agree", [.lexical: 0.5, .noEntities: 1, .scoresAgree: 1]) {
            $0.lexical = 0.5
            $0.scores = 1
        },
        .init("scores conflict", [.lexical: 0.5, .noEntities: 1, .scoresConflict: 1]) {
            $0.lexical = 0.5
            $0.scores = -1
        },
        .init("some quantities shared", [.lexical: 0.5, .noEntities: 1, .quantitiesShared: 0.5]) {
            $0.lexical = 0.5
            $0.quantities = 0.5
        },
        .init("no quantity shared", [.lexical: 0.5, .noEntities: 1, .quantitiesConflict: 1]) {
            $0.lexical = 0.5
            $0.quantities = 0
        },
        .init("same anchor day", [.lexical: 0.5, .noEntities: 1, .gap: log1p(0) - log(2)]) {
            $0.lexical = 0.5
            $0.gapDays = 0
        },
        .init("three days apart", [.lexical: 0.5, .noEntities: 1, .gap: log1p(3) - log(2)]) {
            $0.lexical = 0.5
            $0.gapDays = 3
        },
        .init("published 3 hours apart", [.lexical: 0.5, .noEntities: 1, .publishedGap: log1p(3) - log(25)]) {
            $0.lexical = 0.5
            $0.publishedGapHours = 3
        },
        .init("published 2 days apart", [.lexical: 0.5, .noEntities: 1, .publishedGap: log1p(48) - log(25)]) {
            $0.lexical = 0.5
            $0.publishedGapHours = 48
        },
        .init("length of the shorter side", [.lexical: 0.5, .noEntities: 1, .length: log1p(40) / 5]) {
            $0.lexical = 0.5
            $0.terms = 40
        },
    ]

    @Test(arguments: cases)
    func featuresFollowTheirDefinitions(_ c: FeatureCase) {
        let x = PairFeatures(c.signals)
        #expect(x.values.count == PairFeatures.Feature.allCases.count)
        for f in PairFeatures.Feature.allCases {
            let expected = c.expected[f] ?? 0
            #expect(abs(x[f] - expected) < 1e-12, "\(f): \(x[f]) != \(expected)")
        }
    }

    @Test func everyFeatureIsCoveredByTheTable() {
        let covered = Set(Self.cases.flatMap { c in c.expected.filter { $0.value != 0 }.map(\.key) })
        #expect(covered == Set(PairFeatures.Feature.allCases))
    }

    @Test func valuesAndNamesFollowTheFeatureOrder() {
        #expect(PairFeatures.names == PairFeatures.Feature.allCases.map(\.rawValue))
        var s = PairSignals()
        s.lexical = 0.3
        s.embedding = 0.9
        s.dates = -1.5
        s.terms = 12
        let x = PairFeatures(s)
        for (i, f) in PairFeatures.Feature.allCases.enumerated() { #expect(x.values[i] == x[f]) }
    }

    /// Unknown gaps are neutral: the indicator-free features stay 0 whatever else is known.
    @Test func unknownGapsAreNeutral() {
        var s = PairSignals()
        s.lexical = 0.9
        s.entities = 0.9
        s.dates = 1
        #expect(s.gapDays == nil && s.publishedGapHours == nil)
        let x = PairFeatures(s)
        #expect(x[.gap] == 0)
        #expect(x[.publishedGap] == 0)
    }

    @Test(arguments: [0.0, 1, 6, 12, 23.5])
    func publishedGapIsNegativeWithinADay(_ hours: Double) {
        var s = PairSignals()
        s.publishedGapHours = hours
        #expect(PairFeatures(s)[.publishedGap] < 0)
    }

    @Test(arguments: [24.5, 36.0, 72.0, 720.0])
    func publishedGapIsPositiveBeyondADay(_ hours: Double) {
        var s = PairSignals()
        s.publishedGapHours = hours
        #expect(PairFeatures(s)[.publishedGap] > 0)
    }

    @Test func gapIsNegativeWithinADayAndPositiveBeyond() {
        var s = PairSignals()
        s.gapDays = 0.5
        #expect(PairFeatures(s)[.gap] < 0)
        s.gapDays = 1
        #expect(abs(PairFeatures(s)[.gap]) < 1e-12)
        s.gapDays = 2
        #expect(PairFeatures(s)[.gap] > 0)
    }

    @Test func quantitiesConflictOnlyWhenNoneIsShared() {
        var s = PairSignals()
        for q in [0.1, 0.5, 1.0] {
            s.quantities = q
            #expect(PairFeatures(s)[.quantitiesConflict] == 0)
            #expect(PairFeatures(s)[.quantitiesShared] == q)
        }
        s.quantities = nil
        #expect(PairFeatures(s)[.quantitiesConflict] == 0)
        s.quantities = 0
        #expect(PairFeatures(s)[.quantitiesConflict] == 1)
    }

    /// Agreement features must never count against a match, conflict features never for it.
    @Test(arguments: PairFeatures.Feature.allCases)
    func expectedSignFollowsTheEvidenceDirection(_ f: PairFeatures.Feature) {
        let agreement: Set<PairFeatures.Feature> = [
            .embedding, .embeddingCrossLingual, .lexical, .entities, .entitiesCrossLingual, .datesAgree, .scoresAgree,
            .quantitiesShared,
        ]
        let conflict: Set<PairFeatures.Feature> = [
            .distinctiveMissing, .datesConflict, .scoresConflict, .quantitiesConflict, .gap, .publishedGap,
            .crossLingual,
        ]
        let sign = PairFeatures.expectedSign(f)
        if agreement.contains(f) {
            #expect(sign == 1)
        } else if conflict.contains(f) {
            #expect(sign == -1)
        } else {
            // Indicators and the length are free.
            #expect(sign == 0)
            #expect([.noEntities, .length].contains(f))
        }
    }
}

/// A few hand-made articles, their shared statistics and their profiles.
struct ProfileCorpus {
    static let t0 = 1_725_000_000.0
    var vocabulary = TermVocabulary()
    var statistics = CorpusStatistics()
    var scorer = SameEventScorer()

    init(_ articles: [ArticleFeatures]) {
        for a in articles { statistics.add(terms: vocabulary.vector(a.terms), entities: a.entities) }
    }

    mutating func profile(_ members: ArticleFeatures...) -> EventProfile {
        var p = EventProfile(id: EventID(openedBy: members[0].articleID))
        for m in members { p.add(m, terms: vocabulary.vector(m.terms).weightedUnit { statistics.termIDF($0) }) }
        return p
    }

    func signals(_ a: EventProfile, _ b: EventProfile) -> PairSignals {
        scorer.signals(a, b, statistics: statistics)
    }

    static func article(
        _ id: String, language: String = "en", hoursAfterT0: Double? = nil, terms: [String] = [],
        entities: [String] = [], numbers: [NumberMention] = [], eventDay: DayNumber? = nil,
        dateSource: EventDate.Source = .mentioned, embedding: [Float]? = nil, yearlessDay: MonthDay? = nil
    ) -> ArticleFeatures {
        ArticleFeatures(
            articleID: id, language: language, languageConfidence: 1, published: hoursAfterT0.map { t0 + $0 * 3600 },
            source: nil, terms: Dictionary(terms.map { ($0, Float(1)) }, uniquingKeysWith: +),
            entities: entities.map { EntityMention(surface: $0, key: $0.lowercased(), count: 1) }, numbers: numbers,
            dates: [], eventDate: eventDay.map { EventDate(first: $0, last: $0, source: dateSource, evidence: "") },
            embedding: embedding, contentHash: id, title: id, yearlessDay: yearlessDay)
    }
}

extension PairFeaturesTests {
    @Suite("Pair signals from profiles")
    struct FromProfiles {
        typealias C = ProfileCorpus

        @Test func publicationTimesThreeHoursApartGiveThreeHours() {
            let a = C.article("a", hoursAfterT0: 0, terms: ["fire", "port"])
            let b = C.article("b", hoursAfterT0: 3, terms: ["fire", "warehouse"])
            var corpus = C([a, b])
            let (pa, pb) = (corpus.profile(a), corpus.profile(b))
            #expect(corpus.signals(pa, pb).publishedGapHours == 3)
            #expect(corpus.signals(pb, pa).publishedGapHours == 3)
            let x = PairFeatures(corpus.signals(pa, pb))
            #expect(abs(x[.publishedGap] - (log1p(3) - log(25))) < 1e-12)
        }

        @Test func overlappingPublicationRangesGiveZeroHours() {
            let early = C.article("e1", hoursAfterT0: 0, terms: ["fire"])
            let late = C.article("e2", hoursAfterT0: 10, terms: ["fire"])
            let inside = C.article("a", hoursAfterT0: 5, terms: ["fire"])
            let after = C.article("z", hoursAfterT0: 13, terms: ["fire"])
            var corpus = C([early, late, inside, after])
            let event = corpus.profile(early, late)
            #expect(event.publishedRange == C.t0...(C.t0 + 10 * 3600))
            #expect(corpus.signals(corpus.profile(inside), event).publishedGapHours == 0)
            // Beyond the range the gap counts from its nearer end.
            #expect(corpus.signals(corpus.profile(after), event).publishedGapHours == 3)
            #expect(corpus.signals(event, corpus.profile(after)).publishedGapHours == 3)
        }

        @Test func missingPublicationTimeGivesNoGap() {
            let a = C.article("a", hoursAfterT0: 0, terms: ["fire"])
            let b = C.article("b", terms: ["fire"])
            var corpus = C([a, b])
            let s = corpus.signals(corpus.profile(a), corpus.profile(b))
            #expect(s.publishedGapHours == nil)
            #expect(PairFeatures(s)[.publishedGap] == 0)
        }

        @Test func languagePairIsSharedLanguageOrSortedPair() {
            let en1 = C.article("en1", language: "en", terms: ["fire", "hamburg"])
            let en2 = C.article("en2", language: "en", terms: ["blaze", "hamburg"])
            let it = C.article("it", language: "it", terms: ["incendio", "amburgo"])
            var corpus = C([en1, en2, it])
            let same = corpus.signals(corpus.profile(en1), corpus.profile(en2))
            #expect(same.languagePair == "en-en")
            #expect(same.lexical != nil)
            #expect(!same.isCrossLingual)
            for (a, b) in [(en1, it), (it, en1)] {
                let cross = corpus.signals(corpus.profile(a), corpus.profile(b))
                #expect(cross.languagePair == "en-it")
                #expect(cross.lexical == nil)
                #expect(cross.isCrossLingual)
                #expect(PairFeatures(cross)[.crossLingual] == 1)
            }
            // An event with an English member shares English with an English article.
            let mixed = corpus.signals(corpus.profile(en1), corpus.profile(it, en2))
            #expect(mixed.languagePair == "en-en")
            #expect(mixed.lexical != nil)
        }

        @Test func lexicalIsTheCosineOfUnitVectors() {
            let a = C.article("a", terms: ["fire", "port", "tyres"])
            let b = C.article("b", terms: ["fire", "port", "tyres"])
            let c = C.article("c", terms: ["marathon", "record"])
            var corpus = C([a, b, c])
            let identical = corpus.signals(corpus.profile(a), corpus.profile(b))
            #expect(abs((identical.lexical ?? 0) - 1) < 1e-6)
            let disjoint = corpus.signals(corpus.profile(a), corpus.profile(c))
            #expect(disjoint.lexical == 0)
        }

        @Test func distinctiveMissingIsZeroWhenTheOtherSideNamesThemAll() {
            let article = C.article("a", entities: ["Giulia Ferraresi", "Álvaro Quiroga"])
            // "Grecia" is held by one member of three: not distinctive of the event.
            let m1 = C.article("m1", entities: ["Giulia Ferraresi", "Álvaro Quiroga", "Grecia"])
            let m2 = C.article("m2", entities: ["Giulia Ferraresi", "Álvaro Quiroga"])
            let m3 = C.article("m3", entities: ["Giulia Ferraresi", "Álvaro Quiroga"])
            var corpus = C([article, m1, m2, m3])
            let s = corpus.signals(corpus.profile(article), corpus.profile(m1, m2, m3))
            #expect(s.distinctiveMissing == 0)
            #expect(s.onlyInArticle.isEmpty)
            #expect(Set(s.sharedEntities) == ["Giulia Ferraresi", "Álvaro Quiroga"])
        }

        @Test func distinctiveMissingCountsAMissingPerson() throws {
            let a = C.article("a", entities: ["Giulia Ferraresi", "Álvaro Quiroga", "Nikos Andreou"])
            let b = C.article("b", entities: ["Giulia Ferraresi", "Álvaro Quiroga"])
            var corpus = C([a, b])
            let s = corpus.signals(corpus.profile(a), corpus.profile(b))
            let missing = try #require(s.distinctiveMissing)
            #expect(missing > 0)
            // The IDF-weighted share of a's distinctive entities that b lacks.
            let idf = corpus.statistics.entityIDF
            let total = idf("giulia ferraresi") + idf("álvaro quiroga") + idf("nikos andreou")
            let expected = idf("nikos andreou") / total
            #expect(abs(missing - expected) < 1e-12)
            #expect(s.onlyInArticle == ["Nikos Andreou"])
            // The larger of the two directions: the same seen from b.
            #expect(corpus.signals(corpus.profile(b), corpus.profile(a)).distinctiveMissing == missing)
        }

        @Test func entitiesAreUnknownWhenEitherSideHasNone() {
            let a = C.article("a", terms: ["fire"], entities: ["Hamburg"])
            let b = C.article("b", terms: ["fire"])
            var corpus = C([a, b])
            let s = corpus.signals(corpus.profile(a), corpus.profile(b))
            #expect(s.entities == nil)
            #expect(s.distinctiveMissing == nil)
            #expect(PairFeatures(s)[.noEntities] == 1)
        }

        @Test func textDatesAgreeOrConflictByDistance() {
            let day = 20_000
            let a = C.article("a", eventDay: day)
            let same = C.article("same", eventDay: day)
            let next = C.article("next", eventDay: day + 1)
            let later = C.article("later", eventDay: day + 30)
            let published = C.article("published", eventDay: day + 30, dateSource: .published)
            var corpus = C([a, same, next, later, published])
            let tolerance = corpus.scorer.configuration.dateTolerance
            let pa = corpus.profile(a)
            #expect(corpus.signals(pa, corpus.profile(same)).dates == 1)
            #expect(abs(corpus.signals(pa, corpus.profile(next)).dates + min(3, log2(1 / tolerance))) < 1e-12)
            #expect(corpus.signals(pa, corpus.profile(later)).dates == -3)
            // A date taken from publication is not a text date.
            #expect(corpus.signals(pa, corpus.profile(published)).dates == 0)
            let x = PairFeatures(corpus.signals(pa, corpus.profile(next)))
            #expect(x[.datesConflict] > 0)
            #expect(x[.datesAgree] == 0)
        }

        @Test func aYearlessDayIsReadInTheYearOfAReportedDate() throws {
            let jan30 = try #require(CalendarDays.day(year: 2025, month: 1, day: 30))
            let dec12 = try #require(CalendarDays.day(year: 2024, month: 12, day: 12))
            let hours = { (day: DayNumber) in (Double(day) * 86_400 - C.t0) / 3_600 + 12 }
            let january = C.article("january", hoursAfterT0: hours(jan30), eventDay: jan30)
            let december = C.article("december", hoursAfterT0: hours(dec12), eventDay: dec12)
            let undated = C.article("undated", yearlessDay: MonthDay(month: 1, day: 30))
            let undatedToo = C.article("undated-too", yearlessDay: MonthDay(month: 1, day: 30))
            // An undated text dated only by its own mentions: its date may be background (a retrospective).
            let retrospective = C.article("retrospective", eventDay: jan30)
            var corpus = C([january, december, undated, undatedToo, retrospective])
            let pu = corpus.profile(undated)
            let agree = corpus.signals(pu, corpus.profile(january))
            #expect(agree.dates == 1)
            #expect(agree.notes.contains { $0.contains("30/1 read in that year") })
            #expect(corpus.signals(corpus.profile(january), pu).dates == 1)
            // 30/1 is read as 2025-01-30, 49 days after 12 December: a conflict.
            let conflict = corpus.signals(pu, corpus.profile(december))
            #expect(conflict.dates == -3)
            #expect(conflict.notes.contains { $0.contains("49 days") })
            // Two yearless days, or a yearless day and an undated text's own date, are not compared.
            #expect(corpus.signals(pu, corpus.profile(undatedToo)).dates == 0)
            #expect(corpus.signals(pu, corpus.profile(retrospective)).dates == 0)
            // Once the event has a reported date, a yearless member does not move it.
            let joined = corpus.profile(january, undated)
            #expect(joined.medianTextDate == Double(jan30))
        }

        /// An undated report of the 30 January rate cut, with `since June 2024` in it, against its event and a
        /// look-alike six weeks earlier (texts written for this test).
        @Test func anUndatedReportGoesToTheEventItsDayNames() throws {
            let extractor = FeatureExtractor(languageIdentifier: DeclaredLanguage())
            func article(_ id: String, _ published: String?, _ text: String) -> ArticleFeatures {
                let date = published.map {
                    Date(timeIntervalSince1970: Double(ExpectedDate.dayNumber($0)) * 86_400 + 50_000)
                }
                return extractor.features(
                    of: Article(
                        id: id, title: "ECB cuts its deposit rate", text: text, published: date,
                        declaredLanguage: "en"))
            }
            let december = article(
                "december", "2024-12-12",
                "The European Central Bank cut its deposit rate by a quarter point to 3.00% on Thursday, Dec. 12.")
            let january = article(
                "january", "2025-01-30",
                "The European Central Bank cut its deposit rate by a quarter point to 2.75% on Thursday, Jan. 30.")
            let undated = article(
                "undated", nil,
                "On Jan. 30 the European Central Bank cut its deposit rate to 2.75%, its fifth cut since June 2024.")
            #expect(undated.eventDate == nil)
            #expect(undated.yearlessDay == MonthDay(month: 1, day: 30))
            #expect(january.yearlessDay == nil)
            var state = EventClustering()
            for f in [december, january, undated] { state.observe(f) }
            let toJanuary = state.assess(undated, january)
            let toDecember = state.assess(undated, december)
            #expect(toJanuary.signals.dates == 1)
            #expect(toDecember.signals.dates < 0)
            #expect(toJanuary.probability > toDecember.probability)
        }

        @Test func gapDaysBetweenAnchorDays() {
            let a = C.article("a", hoursAfterT0: 0, eventDay: 20_000)
            let b = C.article("b", hoursAfterT0: 72, eventDay: 20_003)
            var corpus = C([a, b])
            #expect(corpus.signals(corpus.profile(a), corpus.profile(b)).gapDays == 3)
            #expect(corpus.signals(corpus.profile(b), corpus.profile(a)).gapDays == 3)
            #expect(corpus.signals(corpus.profile(a), corpus.profile(a, b)).gapDays == 0)
            let undated = C.article("u")
            #expect(corpus.signals(corpus.profile(a), corpus.profile(undated)).gapDays == nil)
            // A date from an undated text alone does not place the article in time.
            let textDated = C.article("t", eventDay: 20_100)
            #expect(corpus.signals(corpus.profile(a), corpus.profile(textDated)).gapDays == nil)
        }

        @Test func scoresAndQuantitiesCompareKeys() {
            let twoOne = NumberMention(kind: .score, text: "2-1", value: 2, second: 1)
            let oneTwo = NumberMention(kind: .score, text: "1-2", value: 1, second: 2)
            let threeNil = NumberMention(kind: .score, text: "3-0", value: 3, second: 0)
            let fans9300 = NumberMention(kind: .quantity, text: "9,300", value: 9300, unit: "fans")
            let fans14100 = NumberMention(kind: .quantity, text: "14,100", value: 14100, unit: "fans")
            let small = NumberMention(kind: .quantity, text: "3", value: 3)
            let a = C.article("a", numbers: [twoOne, fans9300, small])
            let b = C.article("b", numbers: [oneTwo, fans14100, small])
            let c = C.article("c", numbers: [threeNil, fans9300])
            var corpus = C([a, b, c])
            let ab = corpus.signals(corpus.profile(a), corpus.profile(b))
            #expect(ab.scores == 1)  // 2-1 and 1-2 are one result
            #expect(ab.quantities == 0)  // 3 is below 10 and does not count
            #expect(PairFeatures(ab)[.quantitiesConflict] == 1)
            let ac = corpus.signals(corpus.profile(a), corpus.profile(c))
            #expect(ac.scores == -1)
            #expect(ac.quantities == 1)
            #expect(PairFeatures(ac)[.scoresConflict] == 1)
            #expect(PairFeatures(ac)[.quantitiesShared] == 1)
        }

        @Test func embeddingIsTheMeanCosineOfMembers() throws {
            let a = C.article("a", embedding: [1, 0])
            let b = C.article("b", embedding: [0.6, 0.8])
            let c = C.article("c", embedding: [0, 1])
            let none = C.article("none")
            var corpus = C([a, b, c, none])
            let ab = try #require(corpus.signals(corpus.profile(a), corpus.profile(b)).embedding)
            #expect(abs(ab - 0.6) < 1e-6)
            // Average link: (cos(a, b) + cos(a, c)) / 2.
            let aBC = try #require(corpus.signals(corpus.profile(a), corpus.profile(b, c)).embedding)
            #expect(abs(aBC - (0.6 + 0) / 2) < 1e-6)
            #expect(corpus.signals(corpus.profile(a), corpus.profile(none)).embedding == nil)
        }

        @Test func termsIsTheShorterSidesMeanTermCount() {
            let a = C.article("a", terms: ["one", "two"])
            let b = C.article("b", terms: ["one", "two", "three", "four", "five", "six"])
            let c = C.article("c", terms: ["one", "two", "three", "four"])
            var corpus = C([a, b, c])
            #expect(corpus.signals(corpus.profile(a), corpus.profile(b)).terms == 2)
            #expect(corpus.signals(corpus.profile(b, c), corpus.profile(b)).terms == 5)
            let length = PairFeatures(corpus.signals(corpus.profile(a), corpus.profile(b)))[.length]
            #expect(abs(length - log1p(2) / 5) < 1e-12)
        }
    }
}
