import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one writer of a store: an exclusive lock on `STORE.lock`, held while an ingest (or a server) writes.
///
/// A second writer learns at once who holds the store (the lock file names the process, its command and
/// when it started), or waits for it. The operating system drops the lock when its holder exits, even when
/// it is killed, so a crashed ingest never leaves a store locked.
public final class WriterLock: @unchecked Sendable {
    // Safe: the descriptor is only written in init and read in deinit.
    private let descriptor: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock of the store at `storePath`.
    ///
    /// - Parameters:
    ///   - storePath: the store's file; the lock is `storePath` + `.lock` beside it.
    ///   - holder: who takes it, as the next writer will be told (e.g. `concord ingest`).
    ///   - wait: wait for the current holder to finish instead of failing.
    ///   - waiting: called once before waiting, with the holder's description (to tell the user).
    /// - Throws: ``WriterLockError``.
    public init(storePath: String, holder: String, wait: Bool = false, waiting: (String) -> Void = { _ in }) throws {
        path = storePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriterLockError.cannotCreate(path, reason: String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let current = Self.holder(descriptor)
            guard wait else {
                close(descriptor)
                throw WriterLockError.held(storePath: storePath, by: current)
            }
            waiting(current)
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        let formatter = ISO8601DateFormatter()
        let text = "pid \(getpid()), `\(holder)`, since \(formatter.string(from: Date()))\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = pread(fd, &buffer, buffer.count, 0)
        let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? "another process" : line
    }
}

/// Why the writer lock could not be taken.
public enum WriterLockError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Another writer holds the store.
    case held(storePath: String, by: String)
    case cannotCreate(String, reason: String)

    public var description: String {
        switch self {
        case .held(let store, let by):
            return "another writer is using the store \(store) (\(by)): wait for it to finish, or pass --wait"
        case .cannotCreate(let path, let reason):
            return "cannot create the lock file \(path): \(reason)"
        }
    }
}

/// Set when SIGINT or SIGTERM arrives, so that a long ingest stops after the batch it is committing.
public final class InterruptFlag: @unchecked Sendable {
    // Safe: `signal` is only read and written under `lock`.
    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    public init() {}

    /// The signal received, if any.
    public var signal: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    /// Catches SIGINT and SIGTERM: the first sets the flag; a second one ends the process at once (what was
    /// committed stays, as after a kill).
    public func install() {
        for sig in [SIGINT, SIGTERM] {
            #if canImport(Glibc)
                Glibc.signal(sig, SIG_IGN)
            #else
                Darwin.signal(sig, SIG_IGN)
            #endif
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [self] in
                lock.lock()
                let again = received != nil
                if !again { received = sig }
                lock.unlock()
                if again { exit(128 + sig) }
                FileHandle.standardError.write(
                    Data(
                        "\n\(sig == SIGINT ? "interrupt" : "terminate"): finishing the batch in flight (again to stop now)\n"
                            .utf8))
            }
            source.resume()
            sources.append(source)
        }
    }
}
