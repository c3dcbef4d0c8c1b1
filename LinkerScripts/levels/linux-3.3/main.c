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
