/// A failure while running a command (not a usage mistake): printed as `Error: …`, exit status 1.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
