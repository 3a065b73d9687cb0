import Foundation
import Testing

/// What a finished `concord` run printed and how it ended.
struct ProcessOutput: Sendable, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var killedBySignal: Bool
    var stdout: String
    var stderr: String

    /// Exited normally with status 0.
    var succeeded: Bool { !killedBySignal && status == 0 }

    /// The lines of standard error.
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    /// Decodes standard output as JSON.
    func json<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(stdout.utf8))
    }

    var description: String {
        let end = killedBySignal ? "killed by signal \(status)" : "exit \(status)"
        return "concord \(arguments.joined(separator: " ")) -> \(end)\nstderr:\n\(stderr.prefix(2_000))"
    }
}

/// The built `concord` binary, run as a subprocess.
///
/// The binary is, in order: `$CONCORD_BIN`; the `concord` next to the test bundle (the build folder
/// `swift test` used); `.build/debug/concord`; `.build/release/concord` under the repository root.
enum ConcordProcess {
    /// The repository root, found from this file's path.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ConcordCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Samples/demo` in the repository.
    static let demo: URL = repositoryRoot.appendingPathComponent("Samples/demo")

    /// A hung process is killed after this long, so a bug cannot hang the suite.
    static let watchdog: Duration = .seconds(180)

    static var binary: URL? {
        let fm = FileManager.default
        if let path = ProcessInfo.processInfo.environment["CONCORD_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL {
            // .build/<triple>/debug/ConcordPackageTests.xctest: the CLI is a sibling.
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("concord"))
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/concord"))
        candidates.append(repositoryRoot.appendingPathComponent(".build/release/concord"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `concord` with `arguments` in `directory` and waits for it to end.
    static func run(_ arguments: [String], in directory: URL) async throws -> ProcessOutput {
        try await start(arguments, in: directory).finish()
    }

    /// Starts `concord` in `directory` without waiting.
    static func start(_ arguments: [String], in directory: URL) throws -> RunningProcess {
        let binary = try #require(binary, "no concord binary: run `swift build` or set CONCORD_BIN")
        let id = UUID().uuidString
        let out = directory.appendingPathComponent(".concord-\(id).stdout")
        let err = directory.appendingPathComponent(".concord-\(id).stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["CONCORD_DB"] = nil  // every test names its store
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return RunningProcess(process: process, arguments: arguments, stdoutFile: out, stderrFile: err)
    }
}

/// A `concord` process that was started and may still run.
struct RunningProcess: @unchecked Sendable {
    // Process is not Sendable; a RunningProcess is used by one test task at a time.
    let process: Process
    let arguments: [String]
    let stdoutFile: URL
    let stderrFile: URL

    var isRunning: Bool { process.isRunning }

    /// Sends SIGKILL: the process dies at once, without cleanup.
    func sendSIGKILL() { send(SIGKILL) }

    /// Sends a signal.
    func send(_ signal: Int32) {
        _ = kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end (killing it after ``ConcordProcess/watchdog``) and collects its output.
    func finish() async throws -> ProcessOutput {
        let clock = ContinuousClock()
        let deadline = clock.now + ConcordProcess.watchdog
        while process.isRunning {
            if clock.now > deadline {
                let command = arguments.joined(separator: " ")
                Issue.record("concord \(command) still running after \(ConcordProcess.watchdog)")
                sendSIGKILL()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: stdoutFile)
            try? FileManager.default.removeItem(at: stderrFile)
        }
        return ProcessOutput(
            arguments: arguments,
            status: process.terminationStatus,
            killedBySignal: process.terminationReason == .uncaughtSignal,
            stdout: try String(contentsOf: stdoutFile, encoding: .utf8),
            stderr: try String(contentsOf: stderrFile, encoding: .utf8))
    }
}

/// Runs `body` in a fresh temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("concord-cli-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}
