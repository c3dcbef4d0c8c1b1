// The level files under LinkerScripts/levels, embedded by .ci/embed-shipped-files; do not edit.

extension LevelTable {
    /// Each shipped level file's text, by its path in the repository.
    package static let shippedFiles: [String: String] = [
        "LinkerScripts/levels/linux-2.6.16/init.h": #"""
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

        """#,
        "LinkerScripts/levels/linux-2.6.16/main.c": #"""
        /*
         * initcall-sim: the table walk of init/main.c in Linux 2.6.16 and earlier 2.6 releases,
         * written for initcall-sim from the documented shape: one loop over the whole table, no
         * per-level parameter passes; do_pre_smp_initcalls() called a fixed list of functions.
         */
        extern initcall_t __initcall_start[], __initcall_end[];

        static void __init do_initcalls(void)
        {
        	initcall_t *call;

        	for (call = __initcall_start; call < __initcall_end; call++)
        		do_one_initcall(*call);

        	/* Make sure there is no pending stuff from the initcall sequence */
        	flush_scheduled_work();
        }

        """#,
        "LinkerScripts/levels/linux-2.6.27/init.h": #"""
        /*
         * initcall-sim: the initcall macros of include/linux/init.h as Linux 2.6.17 to 2.6.27 wrote
         * them, written for initcall-sim from the documented forms. The level is a string pasted into
         * the section name, ".initcall" level ".init"; the id keeps the entry's symbol unique. The
         * sync levels, pure_initcall (level 0) and rootfs_initcall exist; early_initcall does not yet.
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
        #define device_initcall(fn)		__define_initcall("6",fn,6)
        #define device_initcall_sync(fn)	__define_initcall("6s",fn,6s)
        #define late_initcall(fn)		__define_initcall("7",fn,7)
        #define late_initcall_sync(fn)		__define_initcall("7s",fn,7s)

        #define __initcall(fn) device_initcall(fn)

        #define console_initcall(fn) \
        	static initcall_t __initcall_##fn \
        	__used __section(.con_initcall.init) = fn

        /* include/linux/module.h, built in */
        #define module_init(x)	__initcall(x);

        """#,
        "LinkerScripts/levels/linux-2.6.27/main.c": #"""
        /*
         * initcall-sim: the table walk of init/main.c in Linux 2.6.17 to 2.6.27, written for
         * initcall-sim from the documented shape: one loop over the whole table, no per-level
         * parameter passes; do_pre_smp_initcalls() still called a fixed list of functions.
         */
        extern initcall_t __initcall_start[], __initcall_end[];

        static void __init do_initcalls(void)
        {
        	initcall_t *call;

        	for (call = __initcall_start; call < __initcall_end; call++)
        		do_one_initcall(*call);

        	/* Make sure there is no pending stuff from the initcall sequence */
        	flush_scheduled_work();
        }

        """#,
        "LinkerScripts/levels/linux-3.3/init.h": #"""
        /*
         * initcall-sim: the initcall macros of include/linux/init.h as Linux 2.6.28 to 3.3 wrote
         * them, written for initcall-sim from the documented forms. As in 2.6.27, plus
         * early_initcall(), whose entries do_pre_smp_initcalls() runs before the other CPUs come up.
         */
        #define __define_initcall(level,fn,id) \
        	static initcall_t __initcall_##fn##id __used \
        	__attribute__((__section__(".initcall" level ".init"))) = fn

        #define early_initcall(fn)		__define_initcall("early",fn,early)

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
        #define device_initcall(fn)		__define_initcall("6",fn,6)
        #define device_initcall_sync(fn)	__define_initcall("6s",fn,6s)
        #define late_initcall(fn)		__define_initcall("7",fn,7)
        #define late_initcall_sync(fn)		__define_initcall("7s",fn,7s)

        #define __initcall(fn) device_initcall(fn)

        #define console_initcall(fn) \
        	static initcall_t __initcall_##fn \
        	__used __section(.con_initcall.init) = fn

        /* include/linux/module.h, built in */
        #define module_init(x)	__initcall(x);

        """#,
        "LinkerScripts/levels/linux-3.3/main.c": #"""
        /*
         * initcall-sim: the table walks of init/main.c in Linux 2.6.28 to 3.3, written for
         * initcall-sim from the documented shape: the early entries end at __early_initcall_end,
         * then one loop over the rest, with no per-level parameter passes.
         */
        extern initcall_t __initcall_start[], __initcall_end[], __early_initcall_end[];

        static void __init do_initcalls(void)
        {
        	initcall_t *fn;

        	for (fn = __early_initcall_end; fn < __initcall_end; fn++)
        		do_one_initcall(*fn);
        }

        static void __init do_pre_smp_initcalls(void)
        {
        	initcall_t *fn;

        	for (fn = __initcall_start; fn < __early_initcall_end; fn++)
        		do_one_initcall(*fn);
        }

        """#,
        "LinkerScripts/levels/linux-4.16/init.h": #"""
        /*
         * initcall-sim: the initcall macros of include/linux/init.h as Linux 3.8 to 4.16 wrote them,
         * written for initcall-sim from the documented forms (3.4 to 3.7 still used the string-level
         * form of 2.6.27, for the same table). The id is pasted into the section name,
         * ".initcall" #id ".init".
         */
        #define __define_initcall(fn, id) \
        	static initcall_t __initcall_##fn##id __used \
        	__attribute__((__section__(".initcall" #id ".init"))) = fn;

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
        #define device_initcall(fn)		__define_initcall(fn, 6)
        #define device_initcall_sync(fn)	__define_initcall(fn, 6s)
        #define late_initcall(fn)		__define_initcall(fn, 7)
        #define late_initcall_sync(fn)		__define_initcall(fn, 7s)

        #define __initcall(fn) device_initcall(fn)

        #define console_initcall(fn) \
        	static initcall_t __initcall_##fn \
        	__used __section(.con_initcall.init) = fn

        /* include/linux/module.h, built in */
        #define module_init(x)	__initcall(x);

        """#,
        "LinkerScripts/levels/linux-4.16/main.c": #"""
        /*
         * initcall-sim: the tables of init/main.c in Linux 3.4 to 4.16, written for initcall-sim
         * from the documented shape: one do_initcall_level() per level, each with its own parameter
         * pass named after the level; level 0 is still called "early".
         */
        extern initcall_t __initcall_start[];
        extern initcall_t __initcall0_start[];
        extern initcall_t __initcall1_start[];
        extern initcall_t __initcall2_start[];
        extern initcall_t __initcall3_start[];
        extern initcall_t __initcall4_start[];
        extern initcall_t __initcall5_start[];
        extern initcall_t __initcall6_start[];
        extern initcall_t __initcall7_start[];
        extern initcall_t __initcall_end[];

        static initcall_t *initcall_levels[] __initdata = {
        	__initcall0_start,
        	__initcall1_start,
        	__initcall2_start,
        	__initcall3_start,
        	__initcall4_start,
        	__initcall5_start,
        	__initcall6_start,
        	__initcall7_start,
        	__initcall_end,
        };

        /* Keep these in sync with initcalls in include/linux/init.h */
        static char *initcall_level_names[] __initdata = {
        	"early",
        	"core",
        	"postcore",
        	"arch",
        	"subsys",
        	"fs",
        	"device",
        	"late",
        };

        static void __init do_pre_smp_initcalls(void)
        {
        	initcall_t *fn;

        	for (fn = __initcall_start; fn < __initcall0_start; fn++)
        		do_one_initcall(*fn);
        }

        """#,
        "LinkerScripts/levels/linux-6.x/init.h": #"""
        /*
         * initcall-sim: the initcall macros of include/linux/init.h as Linux 4.17 and later write
         * them, reduced to what places an entry (the PREL32 and LTO machinery behind
         * ___define_initcall() is left out), written for initcall-sim from the documented forms.
         */
        #define __define_initcall(fn, id) ___define_initcall(fn, id, .initcall##id)

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
        #define device_initcall(fn)		__define_initcall(fn, 6)
        #define device_initcall_sync(fn)	__define_initcall(fn, 6s)
        #define late_initcall(fn)		__define_initcall(fn, 7)
        #define late_initcall_sync(fn)		__define_initcall(fn, 7s)

        #define __initcall(fn) device_initcall(fn)

        #define console_initcall(fn)	___define_initcall(fn, con, .con_initcall)

        /* include/linux/module.h, built in */
        #define module_init(x)	__initcall(x);

        """#,
        "LinkerScripts/levels/linux-6.x/main.c": #"""
        /*
         * initcall-sim: the tables of init/main.c in Linux 4.17 and later, written for initcall-sim
         * from the documented shape: one do_initcall_level() per level, each with its own parameter
         * pass named after the level; level 0 is "pure", and "early" names the pre-SMP walk.
         */
        static initcall_entry_t *initcall_levels[] __initdata = {
        	__initcall0_start,
        	__initcall1_start,
        	__initcall2_start,
        	__initcall3_start,
        	__initcall4_start,
        	__initcall5_start,
        	__initcall6_start,
        	__initcall7_start,
        	__initcall_end,
        };

        /* Keep these in sync with initcalls in include/linux/init.h */
        static const char *initcall_level_names[] __initdata = {
        	"pure",
        	"core",
        	"postcore",
        	"arch",
        	"subsys",
        	"fs",
        	"device",
        	"late",
        };

        static void __init do_pre_smp_initcalls(void)
        {
        	initcall_entry_t *fn;

        	trace_initcall_level("early");
        	for (fn = __initcall_start; fn < __initcall0_start; fn++)
        		do_one_initcall(initcall_from_entry(fn));
        }

        """#,
    ]
}
