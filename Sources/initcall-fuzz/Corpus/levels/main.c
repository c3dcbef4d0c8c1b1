/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * init/main.c (excerpt): the tables do_initcalls() walks, with the recipe's new level
 * prev_device between fs and device. Read by `levels "init.h" "main.c"` in after.boot;
 * forgotten-table.boot leaves this file out, as a patch that forgets it would.
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
	__initcall8_start,
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
	"prev_device",
	"device",
	"late",
};
