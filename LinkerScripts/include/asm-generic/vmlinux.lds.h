/* SPDX-License-Identifier: GPL-2.0 */
/*
 * initcall-sim: the Linux 6.x generic linker-script helpers, written for initcall-sim from
 * the documented layout of include/asm-generic/vmlinux.lds.h. Only the macros an arch
 * vmlinux.lds.S needs around the init sections are here, in the kernel's style:
 *
 *	INIT_CALLS		the initcall table, level by level
 *	CON_INITCALL		the console initcall table
 *	INIT_DATA_SECTION(a)	.init.data: INIT_DATA, INIT_SETUP, INIT_CALLS,
 *				CON_INITCALL, INIT_RAM_FS
 *
 * Preprocess it as kbuild does: cpp -P -D__ASSEMBLY__ -DLINKER_SCRIPT -I include.
 */
#ifndef LOAD_OFFSET
#define LOAD_OFFSET 0
#endif

/* Align . to an 8-byte boundary, the size of the largest table entry. */
#define STRUCT_ALIGNMENT 8
#define STRUCT_ALIGN() . = ALIGN(STRUCT_ALIGNMENT)

/*
 * A section bracketed by two labels:
 * BOUNDED_SECTION_POST_LABEL(.con_initcall.init, __con_initcall, _start, _end)
 * gives __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;
 */
#define BOUNDED_SECTION_PRE_LABEL(_sec_, _label_, _BEGIN_, _END_)	\
	_BEGIN_##_label_ = .;						\
	KEEP(*(_sec_))							\
	_END_##_label_ = .;

#define BOUNDED_SECTION_POST_LABEL(_sec_, _label_, _BEGIN_, _END_)	\
	_label_##_BEGIN_ = .;						\
	KEEP(*(_sec_))							\
	_label_##_END_ = .;

#define BOUNDED_SECTION_BY(_sec_, _label_)				\
	BOUNDED_SECTION_PRE_LABEL(_sec_, _label_, __start, __stop)

#define BOUNDED_SECTION(_sec)	 BOUNDED_SECTION_BY(_sec, _sec)

#ifdef CONFIG_FTRACE_MCOUNT_RECORD
#define MCOUNT_REC()	. = ALIGN(8);					\
			__start_mcount_loc = .;				\
			KEEP(*(__mcount_loc))				\
			KEEP(*(__patchable_function_entries))		\
			__stop_mcount_loc = .;
#else
#define MCOUNT_REC()
#endif

#ifdef CONFIG_KPROBES
#define KPROBE_BLACKLIST()	. = ALIGN(8);				\
				__kprobe_blacklist = .;			\
				KEEP(*(_kprobe_blacklist))		\
				___kprobe_blacklist_end = .;
#else
#define KPROBE_BLACKLIST()
#endif

/* init and exit section handling */
#define INIT_DATA							\
	KEEP(*(SORT(___kentry+*)))					\
	*(.init.data .init.data.*)					\
	*(.meminit.data*)						\
	*(.init.rodata .init.rodata.*)					\
	*(.meminit.rodata)						\
	MCOUNT_REC()							\
	KPROBE_BLACKLIST()

#define INIT_TEXT							\
	*(.init.text .init.text.*)					\
	*(.text.startup)						\
	*(.meminit.text*)

#define EXIT_DATA							\
	*(.exit.data .exit.data.*)					\
	*(.fini_array .fini_array.*)					\
	*(.dtors .dtors.*)

#define EXIT_TEXT							\
	*(.exit.text .exit.text.*)					\
	*(.text.exit)

#define EXIT_CALL							\
	*(.exitcall.exit)

/* __setup() and early_param() entries */
#define INIT_SETUP(initsetup_align)					\
		. = ALIGN(initsetup_align);				\
		BOUNDED_SECTION_POST_LABEL(.init.setup, __setup, _start, _end)

/*
 * One initcall level: its boundary symbol, then the level's entries, then its _sync
 * entries. Under Clang LTO every entry has its own section (.initcall6.init..<id>); the
 * generated .tmp_initcalls.lds merges them back before this runs.
 */
#define INIT_CALLS_LEVEL(level)						\
		__initcall##level##_start = .;				\
		KEEP(*(.initcall##level##.init))			\
		KEEP(*(.initcall##level##s.init))

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

#define CON_INITCALL							\
	BOUNDED_SECTION_POST_LABEL(.con_initcall.init, __con_initcall, _start, _end)

#ifdef CONFIG_BLK_DEV_INITRD
#define INIT_RAM_FS							\
	. = ALIGN(4);							\
	__initramfs_start = .;						\
	KEEP(*(.init.ramfs))						\
	. = ALIGN(8);							\
	KEEP(*(.init.ramfs.info))
#else
#define INIT_RAM_FS
#endif

#define INIT_TEXT_SECTION(inittext_align)				\
	. = ALIGN(inittext_align);					\
	.init.text : AT(ADDR(.init.text) - LOAD_OFFSET) {		\
		_sinittext = .;						\
		INIT_TEXT						\
		_einittext = .;						\
	}

#define INIT_DATA_SECTION(initsetup_align)				\
	.init.data : AT(ADDR(.init.data) - LOAD_OFFSET) {		\
		INIT_DATA						\
		INIT_SETUP(initsetup_align)				\
		INIT_CALLS						\
		CON_INITCALL						\
		INIT_RAM_FS						\
	}

/*
 * Sections thrown away at link time: built-in exit code, data and calls (the arch keeps
 * .exit.text and .exit.data itself when alternatives refer to them), and friends.
 */
#define EXIT_DISCARDS							\
	*(.exit.text)							\
	*(.exit.data .exit.data.*)

#define DISCARDS							\
	/DISCARD/ : {							\
	EXIT_DISCARDS							\
	EXIT_CALL							\
	*(.discard)							\
	*(.discard.*)							\
	*(.export_symbol)						\
	*(.modinfo)							\
	*(.gnu.version*)						\
	*(.eh_frame)							\
	}

#define STABS_DEBUG							\
		.stab 0 : { *(.stab) }					\
		.stabstr 0 : { *(.stabstr) }				\
		.stab.excl 0 : { *(.stab.excl) }			\
		.stab.exclstr 0 : { *(.stab.exclstr) }			\
		.stab.index 0 : { *(.stab.index) }			\
		.stab.indexstr 0 : { *(.stab.indexstr) }		\
		.comment 0 : { *(.comment) }				\
		.symtab 0 : { *(.symtab) }				\
		.strtab 0 : { *(.strtab) }				\
		.shstrtab 0 : { *(.shstrtab) }

#define DWARF_DEBUG							\
		.debug 0 : { *(.debug) }				\
		.line 0 : { *(.line) }					\
		.debug_info 0 : { *(.debug_info .gnu.linkonce.wi.*) }	\
		.debug_abbrev 0 : { *(.debug_abbrev) }			\
		.debug_line 0 : { *(.debug_line) }			\
		.debug_str 0 : { *(.debug_str) }
