import KernelModel

/// glibc's `strerror()` texts for the errnos the module tools print.
package enum Strerror {
    package static func text(_ errno: Int32) -> String {
        switch errno {
        case Errno.EPERM: return "Operation not permitted"
        case Errno.ENOENT: return "No such file or directory"
        case Errno.ESRCH: return "No such process"
        case Errno.EINTR: return "Interrupted system call"
        case Errno.ENOEXEC: return "Exec format error"
        case Errno.EBADF: return "Bad file descriptor"
        case Errno.EAGAIN: return "Resource temporarily unavailable"
        case Errno.ENOMEM: return "Cannot allocate memory"
        case Errno.EACCES: return "Permission denied"
        case Errno.EFAULT: return "Bad address"
        case Errno.EBUSY: return "Device or resource busy"
        case Errno.EEXIST: return "File exists"
        case Errno.ENODEV: return "No such device"
        case Errno.EINVAL: return "Invalid argument"
        case Errno.ENOSPC: return "No space left on device"
        case Errno.EROFS: return "Read-only file system"
        case Errno.ERANGE: return "Numerical result out of range"
        case Errno.ENAMETOOLONG: return "File name too long"
        case Errno.ENOSYS: return "Function not implemented"
        case Errno.ETIMEDOUT: return "Connection timed out"
        case Errno.EKEYREJECTED: return "Key was rejected by service"
        case 5: return "Input/output error"
        case 6: return "No such device or address"
        case 26: return "Text file busy"
        case 62: return "Timer expired"
        case 65: return "Package not installed"
        case 74: return "Bad message"
        case 126: return "Required key not available"
        default: return "Unknown error \(errno)"
        }
    }

    /// kmod's insmod `mod_strerror()` (tools/insmod.c): its own texts for four errnos.
    package static func insmod(_ errno: Int32) -> String {
        switch errno {
        case Errno.ENOEXEC: return "Invalid module format"
        case Errno.ENOENT: return "Unknown symbol in module"
        case Errno.ESRCH: return "Module has wrong symbol version"
        case Errno.EINVAL: return "Invalid parameters"
        default: return text(errno)
        }
    }

    /// kmod's modprobe `mod_strerror()` (tools/modprobe.c).
    package static func modprobe(_ errno: Int32) -> String {
        switch errno {
        case Errno.ENOENT: return "Unknown symbol in module, or unknown parameter (see dmesg)"
        case Errno.EEXIST: return "Module already in kernel"
        default: return text(errno)
        }
    }

    /// BusyBox `moderror()` (modutils/modutils.c).
    package static func busybox(_ errno: Int32) -> String {
        switch errno {
        case Errno.ENOEXEC: return "invalid module format"
        case Errno.ENOENT: return "unknown symbol in module, or unknown parameter"
        case Errno.ESRCH: return "module has wrong symbol version"
        case Errno.ENOSYS: return "kernel does not support requested operation"
        default: return text(errno)
        }
    }
}
