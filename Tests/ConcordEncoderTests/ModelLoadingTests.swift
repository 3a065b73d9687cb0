import Foundation
import Testing

@testable import ConcordEncoder

/// Loading errors: each names the file and, where reinstalling fixes it, `scripts/setup.sh`.
@Suite("Model loading")
struct ModelLoadingTests {
    /// A fresh temporary directory, removed by the caller.
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("concord-encoder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes the first `count` bytes of the installed model to a temporary file and returns its path.
    private func modelPrefix(_ count: Int, in directory: URL) throws -> String {
        let source = TextEncoder.defaultModelPath()
        let handle = try #require(FileHandle(forReadingAtPath: source), "model missing; run scripts/setup.sh")
        defer { try? handle.close() }
        let data = try handle.read(upToCount: count) ?? Data()
        let path = directory.appendingPathComponent("truncated-\(count).bin").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    private func loadError(_ path: String) -> EncoderError? {
        do {
            _ = try TextEncoder(modelPath: path)
            return nil
        } catch {
            return error
        }
    }

    @Test("the installed model loads and has the e5-small shape")
    func installedModel() throws {
        let encoder = try SharedEncoder.get()
        #expect(encoder.weights.header.layers == 12)
        #expect(encoder.weights.header.heads == 12)
        #expect(encoder.weights.header.feedForward == 1536)
        #expect(encoder.weights.header.maxPositions == 512)
        #expect(encoder.tokenizer.vocabulary.count == 250_002)
    }

    @Test("a missing model names the setup command")
    func missingFile() throws {
        let error = try #require(loadError("/nonexistent/concord/e5-small-q4.bin"))
        #expect(error.isModelNotFound)
        #expect(error.description.contains("scripts/setup.sh"))
        #expect(error.description.contains("/nonexistent/concord/e5-small-q4.bin"))
    }

    @Test("a truncated model is reported as truncated", arguments: [0, 6, 100, 3_000_000, 5_000_000])
    func truncatedFile(length: Int) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try modelPrefix(length, in: directory)
        let error = try #require(loadError(path))
        #expect(error.isTruncated, "\(error)")
        #expect(error.description.contains("truncated"))
        #expect(error.description.contains("scripts/setup.sh"))
    }

    @Test("a file of another kind is reported by its magic")
    func wrongMagic() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("lid.176.ftz").path
        try Data("GGUF\u{3}\0\0\0 this is not an e5 model".utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(loadError(path))
        #expect(error.isWrongMagic)
        #expect(error.description.contains("GGUF"))
        #expect(error.description.contains("E5S1"))
    }

    @Test("a directory is not a model")
    func directoryPath() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = try #require(loadError(directory.path))
        #expect(!error.isModelNotFound)
        #expect(error.description.contains(directory.path))
    }

    @Test("the default path honours CONCORD_MODELS, else $XDG_CACHE_HOME/concord/models, else ~/.cache")
    func defaultPath() {
        #expect(
            TextEncoder.defaultModelPath(environment: ["CONCORD_MODELS": "/srv/models", "HOME": "/home/a"])
                == "/srv/models/e5-small-q4.bin")
        #expect(
            TextEncoder.defaultModelPath(environment: ["CONCORD_MODELS": "", "HOME": "/home/a"])
                == "/home/a/.cache/concord/models/e5-small-q4.bin")
        #expect(
            TextEncoder.defaultModelPath(environment: ["HOME": "/home/a"])
                == "/home/a/.cache/concord/models/e5-small-q4.bin")
        #expect(
            TextEncoder.defaultModelPath(environment: ["XDG_CACHE_HOME": "/var/cache/a", "HOME": "/home/a"])
                == "/var/cache/a/concord/models/e5-small-q4.bin")
        #expect(
            TextEncoder.defaultModelPath(environment: ["CONCORD_MODELS": "/srv/m", "XDG_CACHE_HOME": "/var/cache/a"])
                == "/srv/m/e5-small-q4.bin")
    }
}
