import SourceInput

/// Linux errno values (x86/generic numbering, `include/uapi/asm-generic/errno-base.h`,
/// `errno.h`, and the kernel-internal `include/linux/errno.h` codes that initcalls return).
///
/// Initcalls return `0` or a negative errno: `return -Errno.ENODEV`.
public enum Errno {
    /// Operation not permitted: what `do_one_initcall()` returns for an initcall
    /// `initcall_blacklist=` names. The kernel's `EPERM`.
    public static let EPERM: Int32 = 1
    /// No such file or directory: what `parse_args()` reports an unknown parameter with. The
    /// kernel's `ENOENT`.
    public static let ENOENT: Int32 = 2
    /// No such process. The kernel's `ESRCH`.
    public static let ESRCH: Int32 = 3
    /// Interrupted system call. The kernel's `EINTR`.
    public static let EINTR: Int32 = 4
    /// I/O error. The kernel's `EIO`.
    public static let EIO: Int32 = 5
    /// No such device or address. The kernel's `ENXIO`.
    public static let ENXIO: Int32 = 6
    /// Argument list too long. The kernel's `E2BIG`.
    public static let E2BIG: Int32 = 7
    /// Exec format error. The kernel's `ENOEXEC`.
    public static let ENOEXEC: Int32 = 8
    /// Bad file number. The kernel's `EBADF`.
    public static let EBADF: Int32 = 9
    /// No child processes. The kernel's `ECHILD`.
    public static let ECHILD: Int32 = 10
    /// Try again. The kernel's `EAGAIN`.
    public static let EAGAIN: Int32 = 11
    /// Out of memory. The kernel's `ENOMEM`.
    public static let ENOMEM: Int32 = 12
    /// Permission denied. The kernel's `EACCES`.
    public static let EACCES: Int32 = 13
    /// Bad address. The kernel's `EFAULT`.
    public static let EFAULT: Int32 = 14
    /// Device or resource busy. The kernel's `EBUSY`.
    /// `EAGAIN` under its other name: what `delete_module()` returns while a module is used.
    public static let EWOULDBLOCK: Int32 = 11
    /// "Device or resource busy".
    public static let EBUSY: Int32 = 16
    /// File exists. The kernel's `EEXIST`.
    public static let EEXIST: Int32 = 17
    /// No such device: what a driver's init returns when its hardware is not there, and the default
    /// `on-missing=` return of a `.boot` initcall. The kernel's `ENODEV`.
    public static let ENODEV: Int32 = 19
    /// Not a directory. The kernel's `ENOTDIR`.
    public static let ENOTDIR: Int32 = 20
    /// Invalid argument: what a parameter handler returns for a bad value. The kernel's `EINVAL`.
    public static let EINVAL: Int32 = 22
    /// No space left on device; `parse_args()` reports it as a value too large for the parameter.
    /// The kernel's `ENOSPC`.
    public static let ENOSPC: Int32 = 28
    /// Read-only file system. The kernel's `EROFS`.
    public static let EROFS: Int32 = 30
    /// Math result not representable. The kernel's `ERANGE`.
    public static let ERANGE: Int32 = 34
    /// Invalid system call number. The kernel's `ENOSYS`.
    public static let ENOSYS: Int32 = 38
    /// Connection timed out; drivers also return it when hardware does not answer in time. The
    /// kernel's `ETIMEDOUT`.
    public static let ETIMEDOUT: Int32 = 110
    /// "Timer expired": `request_module()` waiting for a free kmod slot too long.
    public static let ETIME: Int32 = 62
    /// Operation not supported on transport endpoint. The kernel's `EOPNOTSUPP`.
    public static let EOPNOTSUPP: Int32 = 95
    /// "File name too long": `request_module()` of a name of `MODULE_NAME_LEN` or more.
    public static let ENAMETOOLONG: Int32 = 36
    /// "Key was rejected by service": an unsigned module under `module.sig_enforce`.
    public static let EKEYREJECTED: Int32 = 129
    /// Driver requests probe retry: kernel-internal, never seen by user space. The kernel's
    /// `EPROBE_DEFER`.
    public static let EPROBE_DEFER: Int32 = 517
    /// Operation is not supported: kernel-internal, not to be confused with `EOPNOTSUPP`. The
    /// kernel's `ENOTSUPP`.
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
