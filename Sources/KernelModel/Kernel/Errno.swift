import SourceInput

/// Linux errno values (x86/generic numbering, `include/uapi/asm-generic/errno-base.h`,
/// `errno.h`, and the kernel-internal `include/linux/errno.h` codes that initcalls return).
///
/// Initcalls return `0` or a negative errno: `return -Errno.ENODEV`.
public enum Errno {
    public static let EPERM: Int32 = 1
    public static let ENOENT: Int32 = 2
    public static let ESRCH: Int32 = 3
    public static let EINTR: Int32 = 4
    public static let EIO: Int32 = 5
    public static let ENXIO: Int32 = 6
    public static let E2BIG: Int32 = 7
    public static let ENOEXEC: Int32 = 8
    public static let EBADF: Int32 = 9
    public static let ECHILD: Int32 = 10
    public static let EAGAIN: Int32 = 11
    public static let ENOMEM: Int32 = 12
    public static let EACCES: Int32 = 13
    public static let EFAULT: Int32 = 14
    public static let EBUSY: Int32 = 16
    public static let EEXIST: Int32 = 17
    public static let ENODEV: Int32 = 19
    public static let ENOTDIR: Int32 = 20
    public static let EINVAL: Int32 = 22
    public static let ENOSPC: Int32 = 28
    public static let EROFS: Int32 = 30
    public static let ERANGE: Int32 = 34
    public static let ENOSYS: Int32 = 38
    public static let ETIMEDOUT: Int32 = 110
    public static let EOPNOTSUPP: Int32 = 95
    public static let EPROBE_DEFER: Int32 = 517
    public static let ENOTSUPP: Int32 = 524

    /// Every errno name initcall-sim understands, with its value; `.boot` files and the JSON
    /// output use these names.
    public static let table: [(name: String, value: Int32)] = [
        ("EPERM", 1), ("ENOENT", 2), ("ESRCH", 3), ("EINTR", 4), ("EIO", 5), ("ENXIO", 6),
        ("E2BIG", 7), ("ENOEXEC", 8), ("EBADF", 9), ("ECHILD", 10), ("EAGAIN", 11), ("ENOMEM", 12),
        ("EACCES", 13), ("EFAULT", 14), ("ENOTBLK", 15), ("EBUSY", 16), ("EEXIST", 17), ("EXDEV", 18),
        ("ENODEV", 19), ("ENOTDIR", 20), ("EISDIR", 21), ("EINVAL", 22), ("ENFILE", 23),
        ("EMFILE", 24), ("ENOTTY", 25), ("ETXTBSY", 26), ("EFBIG", 27), ("ENOSPC", 28),
        ("ESPIPE", 29), ("EROFS", 30), ("EMLINK", 31), ("EPIPE", 32), ("EDOM", 33), ("ERANGE", 34),
        ("EDEADLK", 35), ("ENAMETOOLONG", 36), ("ENOLCK", 37), ("ENOSYS", 38), ("ENOTEMPTY", 39),
        ("ELOOP", 40), ("ENOMSG", 42), ("EIDRM", 43), ("ENOSTR", 60), ("ENODATA", 61), ("ETIME", 62),
        ("ENOSR", 63), ("ENOPKG", 65), ("EREMOTE", 66), ("ENOLINK", 67), ("EPROTO", 71),
        ("EBADMSG", 74), ("EOVERFLOW", 75), ("EILSEQ", 84), ("EUSERS", 87), ("ENOTSOCK", 88),
        ("EMSGSIZE", 90), ("EPROTONOSUPPORT", 93), ("EOPNOTSUPP", 95), ("EAFNOSUPPORT", 97),
        ("EADDRINUSE", 98), ("EADDRNOTAVAIL", 99), ("ENETDOWN", 100), ("ENETUNREACH", 101),
        ("ECONNRESET", 104), ("ENOBUFS", 105), ("EISCONN", 106), ("ENOTCONN", 107),
        ("ETIMEDOUT", 110), ("ECONNREFUSED", 111), ("EHOSTDOWN", 112), ("EHOSTUNREACH", 113),
        ("EALREADY", 114), ("EINPROGRESS", 115), ("ESTALE", 116), ("EDQUOT", 122),
        ("ECANCELED", 125), ("ENOKEY", 126), ("EKEYEXPIRED", 127), ("EKEYREVOKED", 128),
        ("EKEYREJECTED", 129), ("EOWNERDEAD", 130), ("ENOTRECOVERABLE", 131), ("ERFKILL", 132),
        ("EHWPOISON", 133), ("ERESTARTSYS", 512), ("ERESTARTNOINTR", 513),
        ("ERESTARTNOHAND", 514), ("ENOIOCTLCMD", 515), ("ERESTART_RESTARTBLOCK", 516),
        ("EPROBE_DEFER", 517), ("EOPENSTALE", 518), ("ENOPARAM", 519), ("EBADHANDLE", 521),
        ("ENOTSYNC", 522), ("EBADCOOKIE", 523), ("ENOTSUPP", 524), ("ETOOSMALL", 525),
        ("ESERVERFAULT", 526), ("EBADTYPE", 527), ("EJUKEBOX", 528), ("EIOCBQUEUED", 529),
        ("ERECALLCONFLICT", 530), ("ENOGRACE", 531),
    ]

    private static let byName: [String: Int32] = Dictionary(table.map { ($0.name, $0.value) }) { first, _ in first }
    private static let byValue: [Int32: String] = Dictionary(table.map { ($0.value, $0.name) }) { first, _ in first }

    /// The value of an errno name (`"ENODEV"` → 19), or nil.
    public static func value(named name: String) -> Int32? { byName[name] }

    /// The name of a positive errno value (19 → `"ENODEV"`), or nil.
    public static func name(of value: Int32) -> String? { byValue[value] }

    /// `-19` → `"-ENODEV"`, `0` → `"0"`, `5` → `"5"`: how initcall-sim names a return value.
    public static func describe(_ ret: Int32) -> String {
        if ret < 0, ret != Int32.min, let name = byValue[-ret] { return "-\(name)" }
        return String(ret)
    }

    /// Names close to `name`, for "did you mean" notes.
    static func suggestions(for name: String) -> [String] {
        Suggestions.closest(to: name, in: table.map(\.name))
    }
}
