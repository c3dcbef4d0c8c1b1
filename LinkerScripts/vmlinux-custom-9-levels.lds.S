/* SPDX-License-Identifier: GPL-2.0 */
/*
 * initcall-sim: the classic "add a new initcall level" recipe, linker-script half, written
 * for initcall-sim. A level prev_device goes in before device; device and late move up one
 * (6 -> 7, 7 -> 8), so INIT_CALLS gains INIT_CALLS_LEVEL(8). The recipe keeps the original
 * under #else, as people do when they patch include/asm-generic/vmlinux.lds.h.
 *
 * The other two halves: the level macros (include/linux/init.h) and initcall_levels[] /
 * initcall_level_names[] (init/main.c); see Examples/custom-level/.
 *
 *	initcall-sim lds LinkerScripts/vmlinux-custom-9-levels.lds.S -I LinkerScripts/include \
 *		--levels Examples/custom-level/init.h --levels Examples/custom-level/main.c
 */
#define CONFIG_BLK_DEV_INITRD 1

#include <asm-generic/vmlinux.lds.h>

#undef INIT_CALLS
#if 1
#define INIT_CALLS							\
		__initcall_start = .;					\
		KEEP(*(.initcallearly.init))				\
		INIT_CALLS_LEVEL(0)					\
		INIT_CALLS_LEVEL(1)					\
		INIT_CALLS_LEVEL(2)					\
		INIT_CALLS_LEVEL(3)					\
		INIT_CALLS_LEVEL(4)					\
		INIT_CALLS_LEVEL(5)					\
		INIT_CALLS_LEVEL(rootfs)				\
		INIT_CALLS_LEVEL(6)					\
		INIT_CALLS_LEVEL(7)					\
		INIT_CALLS_LEVEL(8)					\
		__initcall_end = .;
#else
#define INIT_CALLS							\
		__initcall_start = .;					\
		KEEP(*(.initcallearly.init))				\
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
#endif

#define PAGE_SIZE 4096

OUTPUT_ARCH(i386:x86-64)
ENTRY(startup_64)

SECTIONS
{
	. = 0xffffffff81000000;
	.text : { _text = .; *(.head.text) *(.text .text.*) _etext = .; }
	.data : { *(.data .data.*) }

	. = ALIGN(PAGE_SIZE);
	.init.begin : { __init_begin = .; }
	INIT_TEXT_SECTION(PAGE_SIZE)
	INIT_DATA_SECTION(16)
	. = ALIGN(PAGE_SIZE);
	.init.end : { __init_end = .; }

	.bss : { *(.bss .bss.*) }
	_end = .;

	DISCARDS
}
