import Testing

@testable import concord

/// The progress line of a long ingest: done/total, rate and time left when the total is known.
@Suite struct ProgressReporterTests {
    @Test func aKnownTotalGivesShareRateAndTimeLeft() {
        #expect(
            ProgressReporter.describe(label: "ingest", done: 1_024, total: 6_000, seconds: 2)
                == "ingest: 1,024/6,000 articles (17%), 512/s, about 10 s left")
        #expect(ProgressReporter.bar(done: 1_024, total: 6_000) == "[###.................]")
    }

    @Test func anUnknownTotalGivesCountAndRateOnly() {
        #expect(
            ProgressReporter.describe(label: "ingest", done: 300, total: nil, seconds: 3)
                == "ingest: 300 articles, 100/s")
        #expect(ProgressReporter.bar(done: 300, total: nil) == nil)
    }

    @Test func moreDoneThanEstimatedNeverShowsOverAHundredPercent() {
        // The estimate counts lines; a JSON array file counts as one.
        #expect(
            ProgressReporter.describe(label: "ingest", done: 120, total: 100, seconds: 1)
                == "ingest: 120/120 articles (100%), 120/s")
        #expect(ProgressReporter.bar(done: 120, total: 100) == "[####################]")
    }

    @Test(arguments: [(45.0, "45 s"), (600, "10 min"), (9_000, "2.5 h")])
    func timeLeftReadsAsAPersonWouldSayIt(seconds: Double, text: String) {
        #expect(ProgressReporter.duration(seconds) == text)
    }
}
