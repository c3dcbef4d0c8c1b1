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
