/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registration macros of include/linux/init.h as the classic "add a new initcall level"
 * recipe edits them: prev_device_initcall() registers at 6, device at 7, late at 8. The
 * original lines stay under #else. Read by `levels "init.h"` in the .boot files here.
 */
#define early_initcall(fn)		__define_initcall(fn, early)

#define pure_initcall(fn)		__define_initcall(fn, 0)

#define core_initcall(fn)		__define_initcall(fn, 1)
#define core_initcall_sync(fn)		__define_initcall(fn, 1s)
#define postcore_initcall(fn)		__define_initcall(fn, 2)
#define postcore_initcall_sync(fn)	__define_initcall(fn, 2s)
#define arch_initcall(fn)		__define_initcall(fn, 3)
#define arch_initcall_sync(fn)		__define_initcall(fn, 3s)
#define subsys_initcall(fn)		__define_initcall(fn, 4)
#define subsys_initcall_sync(fn)	__define_initcall(fn, 4s)
#define fs_initcall(fn)			__define_initcall(fn, 5)
#define fs_initcall_sync(fn)		__define_initcall(fn, 5s)
#define rootfs_initcall(fn)		__define_initcall(fn, rootfs)
#if 1
#define prev_device_initcall(fn)	__define_initcall(fn, 6)
#define prev_device_initcall_sync(fn)	__define_initcall(fn, 6s)
#define device_initcall(fn)		__define_initcall(fn, 7)
#define device_initcall_sync(fn)	__define_initcall(fn, 7s)
#define late_initcall(fn)		__define_initcall(fn, 8)
#define late_initcall_sync(fn)		__define_initcall(fn, 8s)
#else
#define device_initcall(fn)		__define_initcall(fn, 6)
#define device_initcall_sync(fn)	__define_initcall(fn, 6s)
#define late_initcall(fn)		__define_initcall(fn, 7)
#define late_initcall_sync(fn)		__define_initcall(fn, 7s)
#endif

#define __initcall(fn) device_initcall(fn)

#define console_initcall(fn)	___define_initcall(fn, con, .con_initcall)

/* include/linux/module.h, built in: module_init() is a device initcall */
#define module_init(x)	__initcall(x);
