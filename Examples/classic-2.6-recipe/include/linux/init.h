/*
 * include/linux/init.h (excerpt) of a 2.6.27-era tree, with the classic "add prev_device"
 * recipe applied exactly as it is usually copied: trailing spaces after most lines and `//`
 * comments. prev_device becomes level 6, device moves to 7 and late to 8.
 */
#define __define_initcall(level,fn,id) \
	static initcall_t __initcall_##fn##id __used \
	__attribute__((__section__(".initcall" level ".init"))) = fn

#define pure_initcall(fn)		__define_initcall("0",fn,0)

#define core_initcall(fn)		__define_initcall("1",fn,1)
#define core_initcall_sync(fn)		__define_initcall("1s",fn,1s)
#define postcore_initcall(fn)		__define_initcall("2",fn,2)
#define postcore_initcall_sync(fn)	__define_initcall("2s",fn,2s)
#define arch_initcall(fn)		__define_initcall("3",fn,3)
#define arch_initcall_sync(fn)		__define_initcall("3s",fn,3s)
#define subsys_initcall(fn)		__define_initcall("4",fn,4)
#define subsys_initcall_sync(fn)	__define_initcall("4s",fn,4s)
#define fs_initcall(fn)			__define_initcall("5",fn,5)
#define fs_initcall_sync(fn)		__define_initcall("5s",fn,5s)
#define rootfs_initcall(fn)		__define_initcall("rootfs",fn,rootfs)
#if 1 
#define prev_device_initcall(fn) __define_initcall("6",fn,6)          //new level
#define prev_device_initcall_sync(fn) __define_initcall("6s",fn,6s) 
#define device_initcall(fn) __define_initcall("7",fn,7) 
#define device_initcall_sync(fn) __define_initcall("7s",fn,7s) 
#define late_initcall(fn) __define_initcall("8",fn,8) 
#define late_initcall_sync(fn) __define_initcall("8s",fn,8s)
#else 
#define device_initcall(fn) __define_initcall("6",fn,6) 
#define device_initcall_sync(fn) __define_initcall("6s",fn,6s) 
#define late_initcall(fn) __define_initcall("7",fn,7) 
#define late_initcall_sync(fn) __define_initcall("7s",fn,7s)
#endif 

#define __initcall(fn) device_initcall(fn)

#define console_initcall(fn) \
	static initcall_t __initcall_##fn \
	__used __section(.con_initcall.init) = fn

/* include/linux/module.h, built in */
#define module_init(x)	__initcall(x);
