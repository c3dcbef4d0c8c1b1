/*
 * initcall-sim: the initcall macros of include/linux/init.h as Linux 2.6.16 and earlier 2.6
 * releases wrote them, written for initcall-sim from the documented forms. The level is a
 * string pasted into the section name, ".initcall" level ".init": levels 1 to 7 only, no sync
 * levels, no pure_initcall, no rootfs_initcall.
 */
#define __define_initcall(level,fn) \
	static initcall_t __initcall_##fn __attribute_used__ \
	__attribute__((__section__(".initcall" level ".init"))) = fn

#define core_initcall(fn)		__define_initcall("1",fn)
#define postcore_initcall(fn)		__define_initcall("2",fn)
#define arch_initcall(fn)		__define_initcall("3",fn)
#define subsys_initcall(fn)		__define_initcall("4",fn)
#define fs_initcall(fn)			__define_initcall("5",fn)
#define device_initcall(fn)		__define_initcall("6",fn)
#define late_initcall(fn)		__define_initcall("7",fn)

#define __initcall(fn) device_initcall(fn)

#define console_initcall(fn) \
	static initcall_t __initcall_##fn \
	__attribute_used__ __attribute__((__section__(".con_initcall.init")))=fn

/* include/linux/module.h, built in */
#define module_init(x)	__initcall(x);
