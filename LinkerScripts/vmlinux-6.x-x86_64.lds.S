/* SPDX-License-Identifier: GPL-2.0 */
/*
 * initcall-sim: an x86-64 arch/x86/kernel/vmlinux.lds.S of the Linux 6.x era in its *macro*
 * form, written for initcall-sim from the documented layout. Preprocessed with
 *
 *	initcall-sim lds LinkerScripts/vmlinux-6.x-x86_64.lds.S -I LinkerScripts/include
 *
 * it gives the same layout as the expanded vmlinux-6.x-x86_64.lds beside it (a test checks
 * this statement by statement). The init sections use include/asm-generic/vmlinux.lds.h;
 * text, rodata, data and bss are abridged to the statements that place them.
 */

/* The configuration the expanded script was made with (kbuild reads autoconf.h). */
#define CONFIG_FTRACE_MCOUNT_RECORD 1
#define CONFIG_KPROBES 1
#define CONFIG_BLK_DEV_INITRD 1

#define __START_KERNEL_map	0xffffffff80000000
#define LOAD_OFFSET		__START_KERNEL_map
#define PAGE_SHIFT		12
#define PAGE_SIZE		(1 << PAGE_SHIFT)
#define THREAD_SIZE		(PAGE_SIZE << (2 + 0))
#define L1_CACHE_BYTES		64
#define LOAD_PHYSICAL_ADDR	ALIGN(0x1000000, 0x200000)
#define __START_KERNEL		(__START_KERNEL_map + LOAD_PHYSICAL_ADDR)
#define KERNEL_IMAGE_SIZE	(1024 * 1024 * 1024)
#define PMD_SIZE		0x200000

#include <asm-generic/vmlinux.lds.h>

#define BOUNDED(name, what)	__start_##name = .; KEEP(*(what)) __stop_##name = .;

OUTPUT_FORMAT("elf64-x86-64", "elf64-x86-64", "elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(phys_startup_64)
jiffies = jiffies_64;

PHDRS {
	text PT_LOAD FLAGS(5);		/* R_E */
	data PT_LOAD FLAGS(6);		/* RW_ */
	percpu PT_LOAD FLAGS(6);	/* RW_ */
	init PT_LOAD FLAGS(7);		/* RWE */
	note PT_NOTE FLAGS(0);		/* ___ */
}

SECTIONS
{
	. = __START_KERNEL;
	phys_startup_64 = ABSOLUTE(startup_64 - LOAD_OFFSET);

	/* Text and read-only data */
	.text : AT(ADDR(.text) - LOAD_OFFSET) {
		_text = .;
		_stext = .;
		. = ALIGN(PMD_SIZE);
		*(.head.text)
		. = ALIGN(8); *(.text.hot .text.hot.*) *(.text .text.fixup) *(.text.unlikely .text.unlikely.*) *(.text.unknown .text.unknown.*) . = ALIGN(8); *(.noinstr.text) *(.ref.text) *(.text.asan.* .text.tsan.*)
		. = ALIGN(8); __sched_text_start = .; *(.sched.text) __sched_text_end = .;
		. = ALIGN(8); __cpuidle_text_start = .; *(.cpuidle.text) __cpuidle_text_end = .;
		. = ALIGN(8); __lock_text_start = .; *(.spinlock.text) __lock_text_end = .;
		*(.gnu.warning)
	} :text = 0xcccccccc

	. = ALIGN(PMD_SIZE);
	_etext = .;

	. = ALIGN(PMD_SIZE);
	__start_rodata = .;
	.rodata : AT(ADDR(.rodata) - LOAD_OFFSET) { *(.rodata) *(.rodata.*) *(__vermagic) STRUCT_ALIGN(); BOUNDED(__tracepoints_ptrs, __tracepoints_ptrs) }
	.rodata1 : AT(ADDR(.rodata1) - LOAD_OFFSET) { *(.rodata1) }
	__param : AT(ADDR(__param) - LOAD_OFFSET) { BOUNDED(__param, __param) }
	__modver : AT(ADDR(__modver) - LOAD_OFFSET) { BOUNDED(__modver, __modver) }
	. = ALIGN(0x1000);
	__end_rodata = .;

	. = ALIGN(PMD_SIZE);
	/* Data */
	.data : AT(ADDR(.data) - LOAD_OFFSET) {
		_sdata = .;
		. = ALIGN(THREAD_SIZE); __start_init_stack = .; init_thread_union = .; init_stack = .; KEEP(*(.data..init_task)) KEEP(*(.data..init_thread_info)) . = __start_init_stack + THREAD_SIZE; __end_init_stack = .;
		. = ALIGN(PAGE_SIZE); *(.data..page_aligned) . = ALIGN(PAGE_SIZE);
		. = ALIGN(L1_CACHE_BYTES); *(.data..cacheline_aligned)
		*(.data) *(.ref.data) *(.data..shared_aligned) *(.data.unlikely) __start_once = .; *(.data.once) __end_once = .;
		_edata = .;
	} :data

	. = ALIGN(PAGE_SIZE);
	__vvar_page = .;
	. = ALIGN(PAGE_SIZE);

	/* Init code and data - will be freed after init */
	. = ALIGN(PAGE_SIZE);
	.init.begin : AT(ADDR(.init.begin) - LOAD_OFFSET) {
		__init_begin = .; /* paired with __init_end */
	} :init

	INIT_TEXT_SECTION(PAGE_SIZE)

	INIT_DATA_SECTION(8)

	.x86_cpu_dev.init : AT(ADDR(.x86_cpu_dev.init) - LOAD_OFFSET) {
		__x86_cpu_dev_start = .;
		*(.x86_cpu_dev.init)
		__x86_cpu_dev_end = .;
	}

	. = ALIGN(8);
	.altinstructions : AT(ADDR(.altinstructions) - LOAD_OFFSET) {
		__alt_instructions = .;
		*(.altinstructions)
		__alt_instructions_end = .;
	}

	/*
	 * .exit.text is discarded at runtime, not link time, to deal with
	 * references from .altinstructions
	 */
	.exit.text : AT(ADDR(.exit.text) - LOAD_OFFSET) {
		EXIT_TEXT
	}

	.exit.data : AT(ADDR(.exit.data) - LOAD_OFFSET) {
		EXIT_DATA
	}

	. = ALIGN(PAGE_SIZE);
	__per_cpu_load = .;
	.data..percpu 0 : AT(__per_cpu_load - LOAD_OFFSET) {
		__per_cpu_start = .; *(.data..percpu..first) . = ALIGN(PAGE_SIZE); *(.data..percpu..page_aligned) . = ALIGN(L1_CACHE_BYTES); *(.data..percpu..read_mostly) . = ALIGN(L1_CACHE_BYTES); *(.data..percpu) *(.data..percpu..shared_aligned) __per_cpu_end = .;
	} :percpu
	. = __per_cpu_load + SIZEOF(.data..percpu);

	/* freed after init ends here */
	. = ALIGN(PAGE_SIZE);
	.init.end : AT(ADDR(.init.end) - LOAD_OFFSET) {
		__init_end = .;
	}

	.data_nosave : AT(ADDR(.data_nosave) - LOAD_OFFSET) {
		. = ALIGN(PAGE_SIZE); __nosave_begin = .; *(.data..nosave) . = ALIGN(PAGE_SIZE); __nosave_end = .;
	}

	/* BSS */
	. = ALIGN(PAGE_SIZE);
	.bss : AT(ADDR(.bss) - LOAD_OFFSET) {
		__bss_start = .;
		*(.bss..page_aligned)
		. = ALIGN(PAGE_SIZE);
		*(.bss..decrypted)
		*(.bss .bss.*)
		. = ALIGN(PAGE_SIZE);
		__bss_stop = .;
	}

	. = ALIGN(PAGE_SIZE);
	.brk (NOLOAD) : AT(ADDR(.brk) - LOAD_OFFSET) {
		__brk_base = .;
		. += 64 * 1024;		/* 64k alignment slop space */
		*(.bss..brk)		/* areas brk users have reserved */
		__brk_limit = .;
	}

	. = ALIGN(PAGE_SIZE);		/* keep VO_INIT_SIZE page aligned */
	_end = .;

	STABS_DEBUG
	DWARF_DEBUG

	DISCARDS

	/*
	 * Make sure that the .got.plt is either completely empty or it
	 * contains only the lazy dispatch entries.
	 */
	.got : { *(.got) *(.igot.*) }
	. = ASSERT(SIZEOF(.got) == 0, "Unexpected GOT entries detected!");
}

/*
 * The ASSERT() sink to . is intentional, for binutils 2.14 compatibility:
 */
. = ASSERT((_end - LOAD_OFFSET <= KERNEL_IMAGE_SIZE),
	   "kernel image bigger than KERNEL_IMAGE_SIZE");

. = ASSERT(phys_startup_64 == startup_64 - LOAD_OFFSET, "startup_64 must be at the start of the kernel image");
