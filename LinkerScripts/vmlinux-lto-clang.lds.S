/* SPDX-License-Identifier: GPL-2.0 */
/*
 * initcall-sim: an LTO-era script written for initcall-sim. Under CONFIG_LTO_CLANG every
 * initcall entry has its own section, .initcall<level>.init..<modname>__<counter>_<line>_<fn>
 * (see include/linux/init.h's __initcall_section()). Where no generated .tmp_initcalls.lds
 * merges them back first (out-of-tree module scripts do this), INIT_CALLS_LEVEL must match
 * them with wildcards: each level takes its plain section and its per-entry sections, and
 * the _sync ones after all of them. A pattern like .initcall6* would be wrong: it would also
 * take .initcall6s.init, in link order among the level-6 entries.
 */
#include <asm-generic/vmlinux.lds.h>

#undef INIT_CALLS_LEVEL
#define INIT_CALLS_LEVEL(level)						\
		__initcall##level##_start = .;				\
		KEEP(*(.initcall##level##.init .initcall##level##.init..*))	\
		KEEP(*(.initcall##level##s.init .initcall##level##s.init..*))

#undef INIT_CALLS
#define INIT_CALLS							\
		__initcall_start = .;					\
		KEEP(*(.initcallearly.init .initcallearly.init..*))	\
		INIT_CALLS_LEVEL(0)					\
		INIT_CALLS_LEVEL(1)					\
		INIT_CALLS_LEVEL(2)					\
		INIT_CALLS_LEVEL(3)					\
		INIT_CALLS_LEVEL(4)					\
		INIT_CALLS_LEVEL(5)					\
		INIT_CALLS_LEVEL(rootfs)				\
		INIT_CALLS_LEVEL(6)					\
		INIT_CALLS_LEVEL(7)					\
		__initcall_end = .;

#undef CON_INITCALL
#define CON_INITCALL							\
	__con_initcall_start = .;					\
	KEEP(*(.con_initcall.init .con_initcall.init..*))		\
	__con_initcall_end = .;

SECTIONS
{
	. = 0xffffffff81000000;
	.text : { *(.text .text.*) }
	.init.data : {
		INIT_CALLS
		CON_INITCALL
	}
	DISCARDS
}
