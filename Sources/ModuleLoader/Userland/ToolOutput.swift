/// What a user-space tool printed, interleaved as a terminal shows it, and its exit status.
package struct ToolOutput: Sendable {
    package var text = ""
    package var status: Int32 = 0

    package init() {}

    mutating func out(_ line: String) { text += line + "\n" }

    /// An error line (on standard error; the transcript interleaves it).
    mutating func err(_ line: String) {
        text += line + "\n"
        status = 1
    }
}
