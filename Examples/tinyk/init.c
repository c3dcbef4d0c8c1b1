/*
 * tinyk: kernel/init.c (excerpt) — the walk over the four levels, written with the names
 * initcall-sim reads: initcall_levels[] holds the boundary symbols of tinyk.lds in run order,
 * initcall_level_names[] one name per level. No console_init(), no do_pre_smp_initcalls().
 */
extern tinyk_initcall_t __tinyk_init_board[], __tinyk_init_bus[], __tinyk_init_driver[];
extern tinyk_initcall_t __tinyk_init_app[], __tinyk_init_end[];

static tinyk_initcall_t *initcall_levels[] = {
	__tinyk_init_board,
	__tinyk_init_bus,
	__tinyk_init_driver,
	__tinyk_init_app,
	__tinyk_init_end,
};

static const char *initcall_level_names[] = {
	"board",
	"bus",
	"driver",
	"app",
};
