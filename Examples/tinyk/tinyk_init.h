/*
 * tinyk: include/tinyk/init.h — a small non-Linux kernel (written for initcall-sim) with four
 * init levels of its own. Each level's entries go to .tinyk_init.<level>.init; the driver
 * level may add a priority suffix (.tinyk_init.driver.init.<prio>) that the linker script
 * sorts by name. There is no console table and no early level.
 */
typedef int (*tinyk_initcall_t)(void);

#define __tinyk_initcall(fn, level) \
	static tinyk_initcall_t __tinyk_init_##level##_##fn __used \
	__attribute__((__section__(".tinyk_init." #level ".init"))) = fn

#define board_initcall(fn)	__tinyk_initcall(fn, board)
#define bus_initcall(fn)	__tinyk_initcall(fn, bus)
#define driver_initcall(fn)	__tinyk_initcall(fn, driver)
#define app_initcall(fn)	__tinyk_initcall(fn, app)
