/// What one parameter pass did with one token of the command line: the answer to "why did my
/// parameter not take effect". Mirrors one iteration of `parse_args()` (kernel/params.c).
public struct CommandLineEvent: Sendable, Hashable {
    /// What happened to the token.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// A parameter of this pass was set (`parameter`, the `value` its sysfs file now reads).
        case set
        /// Setting failed, or the option was refused: `messages` say what the kernel printed.
        case error
        /// A parameter of another pass: silently left for it (`value` names that pass).
        case otherLevel = "other-level"
        /// Nothing in this pass wants the token.
        case ignored
        /// `parse_early_param()` ran an `early_param()` handler (`parameter`).
        case earlyOption = "early-option"
        /// The "Booting kernel" pass saw an option an early handler already took.
        case earlyDone = "early-done"
        /// A `__setup()` handler (`parameter`) consumed it.
        case setup
        /// `BOOT_IMAGE=` or `kexec…`, consumed for the boot loader.
        case bootLoader = "boot-loader"
        /// A dotted name no built-in parameter has: dropped (a module parameter for later).
        case dropped
        /// Passed to init as an argument (`value`).
        case initArgument = "init-argument"
        /// Passed to init's environment (`value`).
        case initEnvironment = "init-environment"
        /// A bare `--`: the end of kernel parameters.
        case endOfOptions = "end-of-options"
        /// Too many init arguments or variables: dropped, and the boot will panic.
        case tooMany = "too-many"
    }

    /// The pass: `early options`, `Booting kernel`, a level's name, `Setting init args`.
    public var pass: String
    /// The level of a level pass; nil for the others.
    public var level: Int?
    /// Where the token starts in the command line (bytes): the same token in every pass.
    public var offset: Int
    /// The parameter's name as `next_arg()` split it.
    public var param: String
    /// Its value (nil without `=`).
    public var value: String?
    /// What the pass did.
    public var action: Action
    /// The parameter or handler involved (`par.age`, `__setup("console=")`).
    public var target: String?
    /// The value set (or, after an error, what the parameter's sysfs file reads now), the pass
    /// a parameter is left for, or what init gets.
    public var detail: String?
    /// The error `parse_args()` reported for the token (`-EINVAL`), if any.
    public var error: String?
    /// What the kernel printed while handling the token.
    public var messages: [String]

    /// The token as written: `param=value` or `param`.
    public var token: String { value.map { "\(param)=\($0)" } ?? param }
}

/// Collects ``CommandLineEvent``s while a boot parses its command line (only when asked: a
/// boot without a trace pays nothing).
final class CommandLineTrace {
    private(set) var events: [CommandLineEvent] = []
    private var current: CommandLineEvent?

    func begin(pass: String, level: Int?, offset: Int, param: String, value: String?) {
        current = CommandLineEvent(
            pass: pass, level: level, offset: offset, param: param, value: value, action: .ignored, target: nil,
            detail: nil, error: nil, messages: [])
    }

    /// What the pass did with the current token; the first action wins over later defaults.
    func act(_ action: CommandLineEvent.Action, target: String? = nil, detail: String? = nil) {
        guard var event = current else { return }
        event.action = action
        if let target { event.target = target }
        if let detail { event.detail = detail }
        current = event
    }

    /// The token failed with `errno` (as `parse_args()` reports it).
    func fail(_ errno: String) {
        guard var event = current else { return }
        event.action = .error
        event.error = errno
        current = event
    }

    func note(_ text: String) { current?.messages.append(text) }

    func end() {
        if let current { events.append(current) }
        current = nil
    }
}
