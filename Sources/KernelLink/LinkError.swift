import LinkerScript
import SourceInput

/// Why a kernel image cannot be linked. Each case says what to change.
public enum LinkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The linker script itself is invalid.
    case script(LinkerScriptError)
    /// `initcall_levels[]` (or the early/console slice) names a symbol the script never
    /// defines: ld would fail with "undefined reference". The diagnostic points at the entry
    /// of `initcall_levels[]` that names it, or else at the script's definition of the other
    /// end of the walk; nil when neither has a place.
    case undefinedSymbol(name: String, referencedBy: String, diagnostic: Diagnostic?)
    /// The script defines the symbol, but its value depends on something it cannot compute;
    /// the diagnostic points at that reference (ld: "undefined symbol `x' referenced in
    /// expression"), with its line.
    case unknownSymbolValue(name: String, referencedBy: String, diagnostic: Diagnostic)
    /// A registration used a macro the level table does not define.
    case unknownMacro(macro: String, function: String, object: String, source: SourceLocation?, suggestions: [String])
    /// The link order names an object the description does not have.
    case unknownObjectInLinkOrder(path: String, location: SourceLocation?, suggestions: [String])
    /// The description has objects the link order leaves out.
    case objectMissingFromLinkOrder(paths: [String])
    /// Two objects of the description have the same path.
    case duplicateObject(path: String)
    /// A parameter declaration the compiler would reject: a permission
    /// `VERIFY_OCTAL_PERMISSIONS()` refuses, an initializer that does not fit, a name declared
    /// twice in one object. The diagnostic points at the declaration.
    case parameter(Diagnostic)

    public var description: String { message(spelling: .swift) }

    /// The error as a diagnostic with a place in an input file, when it has one (a script
    /// error, a boundary symbol), for the caret display.
    public var diagnostic: Diagnostic? {
        switch self {
        case .script(let error): return error.diagnostic
        case .undefinedSymbol(_, _, let diagnostic): return diagnostic
        case .unknownSymbolValue(_, _, let diagnostic): return diagnostic
        case .parameter(let diagnostic): return diagnostic
        default: return nil
        }
    }

    /// The message, naming the options that would get past the error as `spelling` spells them.
    public func message(spelling: OptionSpelling) -> String {
        switch self {
        case .script(let error):
            return error.description
        case .undefinedSymbol(let name, let referencedBy, let diagnostic):
            let place = diagnostic.map { "\($0.location): " } ?? ""
            return "\(place)undefined reference to `\(name)' (from \(referencedBy)): the linker script never defines it"
        case .unknownSymbolValue(_, _, let diagnostic):
            return diagnostic.description
        case .unknownMacro(let macro, let function, let object, let source, let suggestions):
            let place = source.map { "\($0.file):\($0.line)" } ?? object
            var text = "\(place): '\(macro)(\(function))': no such initcall macro in the level table"
            if !suggestions.isEmpty {
                text += "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            }
            return text
        case .unknownObjectInLinkOrder(let path, let location, let suggestions):
            var text =
                "\(location.map { "\($0): " } ?? "")link order names '\(path)', which the description does not define"
            if !suggestions.isEmpty {
                text += "; did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            }
            return text + " (use \(spelling.allowPartial) to ignore it)"
        case .objectMissingFromLinkOrder(let paths):
            return
                "link order leaves out \(paths.count == 1 ? "object" : "objects") \(paths.map { "'\($0)'" }.joined(separator: ", ")) (use \(spelling.allowPartial) to link them after the listed ones)"
        case .duplicateObject(let path):
            return "object '\(path)' is defined twice"
        case .parameter(let diagnostic):
            return diagnostic.description
        }
    }
}
