#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading the files users point initcall-sim at, with errors a person can read: "is a
/// directory", "is not a regular file" (a FIFO, `/dev/null`), "permission denied", "invalid
/// UTF-8 at line 3, column 7" — never an `NSError` dump. Files are read in one bounded piece:
/// a FIFO is refused before it is opened (opening it would block), and nothing larger than
/// ``sizeLimit`` is read.
public enum InputFile {
    /// The largest file read: far beyond any linker script, `.boot` file or kernel log.
    public static let sizeLimit = 256 * 1_024 * 1_024

    /// The text of the regular file at `path`, as written (line ends are normalized by the
    /// parsers, see ``SourceText``).
    public static func read(_ path: String) throws(InputFileError) -> String {
        let bytes = try readBytes(path)
        if let (line, column) = firstInvalidUTF8(bytes) {
            throw InputFileError(path: path, reason: .invalidUTF8(line: line, column: column))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Why reading failed, in words, whatever the reader threw: an ``InputFileError``'s
    /// explanation, or the error's own description (for in-memory readers in tests).
    public static func explain(_ error: any Error) -> String {
        (error as? InputFileError)?.explanation ?? String(describing: error)
    }

    /// Where a reading error points: the bad byte of invalid UTF-8, else `path:1:1`.
    public static func location(of error: any Error, path: String) -> SourceLocation {
        (error as? InputFileError)?.location ?? SourceLocation(file: path, line: 1, column: 1)
    }

    /// Whether a reader's error means the file is simply not there (so a search goes on to the
    /// next candidate), as opposed to being there and unreadable. Errors of other readers
    /// (in-memory files in tests) count as "not there".
    public static func isMissing(_ error: any Error) -> Bool {
        guard let error = error as? InputFileError else { return true }
        return error.reason == .notFound
    }

    /// `realpath(3)`: the absolute path with every symbolic link resolved, or nil when the
    /// path does not exist. What sandbox checks compare, never the path as written.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func readBytes(_ path: String) throws(InputFileError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputFileError(path: path, reason: .from(errno: errno)) }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw InputFileError(path: path, reason: kind == S_IFDIR ? .isDirectory : .notRegularFile)
        }
        guard Int(info.st_size) <= sizeLimit else {
            throw InputFileError(path: path, reason: .tooLarge(bytes: Int(info.st_size)))
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputFileError(path: path, reason: .from(errno: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputFileError(path: path, reason: .from(errno: errno))
            }
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
            guard bytes.count <= sizeLimit else {
                throw InputFileError(path: path, reason: .tooLarge(bytes: bytes.count))
            }
        }
    }

    /// The line and column (in bytes, 1-based) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return (line, index - lineStart + 1) }
            index += length
        }
        return nil
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 if none starts there
    /// (overlong forms, surrogates and values past U+10FFFF are invalid, as in RFC 3629).
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let (length, low, high): (Int, UInt8, UInt8)
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }
}

/// `read(2)`, named apart from ``InputFile/read(_:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Why a file could not be read, in words.
public struct InputFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case notFound
        case isDirectory
        /// A FIFO, a socket, a device such as `/dev/null`.
        case notRegularFile
        case permissionDenied
        case tooLarge(bytes: Int)
        /// The first byte that is not UTF-8, 1-based, the column counted in bytes.
        case invalidUTF8(line: Int, column: Int)
        /// Any other operating-system error, as `strerror(3)` words it.
        case system(String)

        static func from(errno code: Int32) -> Reason {
            switch code {
            case ENOENT, ENOTDIR: return .notFound
            case EACCES, EPERM: return .permissionDenied
            case EISDIR: return .isDirectory
            default: return .system(String(cString: strerror(code)))
            }
        }
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `no such file or directory`, `is a directory`, `invalid UTF-8 at line 3, column 7`.
    public var explanation: String {
        switch reason {
        case .notFound: return "no such file or directory"
        case .isDirectory: return "is a directory"
        case .notRegularFile: return "is not a regular file"
        case .permissionDenied: return "permission denied"
        case .tooLarge(let bytes):
            return "is too large (\(bytes) bytes; at most \(InputFile.sizeLimit) are read)"
        case .invalidUTF8(let line, let column): return "invalid UTF-8 at line \(line), column \(column)"
        case .system(let message): return message
        }
    }

    /// Where the problem is: the bad byte for invalid UTF-8, else the start of the file.
    public var location: SourceLocation {
        if case .invalidUTF8(let line, let column) = reason {
            return SourceLocation(file: path, line: line, column: column)
        }
        return SourceLocation(file: path, line: 1, column: 1)
    }

    public var description: String { "'\(path)': \(explanation)" }
}
