import Testing

/// `concord --version` prints a version and exits 0.
@Suite struct VersionTests {
    @Test func versionIsPrinted() async throws {
        try await withTemporaryDirectory { dir in
            let result = try await ConcordProcess.run(["--version"], in: dir)
            #expect(result.succeeded, "\(result)")
            let version = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(version.split(separator: ".").count == 3, "not a version: \(version)")
            #expect(version.split(separator: ".").allSatisfy { Int($0) != nil }, "not a version: \(version)")
        }
    }
}
