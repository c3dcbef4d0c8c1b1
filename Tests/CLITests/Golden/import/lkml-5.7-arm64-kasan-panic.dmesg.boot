# Imported by 'initcall-sim import' from lkml-5.7-arm64-kasan-panic.dmesg: 52 lines, 7 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: no banner: the release 5.7.0-rc2-next-20200420-03722-ge4ba9b47e4ed is the one a stack dump in the log names
# note: the level of 7 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
# last taint flags: G
# the boot ended in a panic: Fatal exception
kernel "5.7.0-rc2-next-20200420-03722-ge4ba9b47e4ed"
hardware "linux,dummy-virt (DT)"
config CONFIG_PRINTK_CALLER=y
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000000ns
# [  311.326817] kobject: 'drivers' ((____ptrval____)):
# kobject_add_internal: parent: 'coresight', set: '<NULL>'
# [  311.331513] kobject: 'drivers' ((____ptrval____)): kobject_uevent_env
# [  311.334514] kobject: 'drivers' ((____ptrval____)):
# kobject_uevent_env: filter function caused the event to drop!
# [  311.340127] bus: 'coresight': registered
# [  311.342228] initcall coresight_init+0x0/0x64 returned 0 after 27343 usecs
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall debug_traps_init gap=311347740000ns flush=1398000ns size=0xa4  # level unknown
  device_initcall reserve_memblock_reserved_regions gap=2412000ns time=7999488ns flush=363512ns size=0x374  # level unknown
  device_initcall aarch32_alloc_vdso_pages gap=3024000ns flush=1882000ns size=0x1d0  # level unknown
  device_initcall vdso_init gap=2789000ns flush=1484000ns size=0x52c  # level unknown
  device_initcall arch_hw_breakpoint_init gap=2294000ns time=1999744ns flush=1734256ns size=0x178 printk=KERN_INFO:"hw-breakpoint: found 6 breakpoint and 4" printk=KERN_INFO:"watchpoint registers."  # level unknown
  device_initcall asids_update_limit gap=2804000ns time=2999744ns flush=503256ns size=0x110 printk=+962744ns:KERN_INFO:"ASID allocator initialised with 65536 entries"  # level unknown
  device_initcall hugetlbpage_init gap=2322000ns time=70674000ns size=0x7c printk=KERN_INFO:"Unexpected kernel BRK exception at EL1" printk=KERN_INFO:"Internal error: ptrace BRK handler: f20003e8" printk=KERN_INFO:"[#1] PREEMPT SMP" printk=KERN_INFO:"Modules linked in:" printk=KERN_INFO:"CPU: 0 PID: 1 Comm: swapper/0 Tainted: G        T 5.7.0-rc2-next-20200420-03722-ge4ba9b47e4ed #1" printk=KERN_INFO:"Hardware name: linux,dummy-virt (DT)" printk=KERN_INFO:"pstate: 80400005 (Nzcv daif +PAN -UAO)" printk=KERN_INFO:"pc : hugetlb_add_hstate+0x68/0x4f0" printk=KERN_INFO:"lr : hugetlb_add_hstate+0x68/0x4f0" printk=KERN_INFO:"sp : ffff000069c07c60" printk=KERN_INFO:"Call trace:" printk=KERN_INFO:" hugetlb_add_hstate+0x68/0x4f0" printk=KERN_INFO:" hugetlbpage_init+0x34/0x7c" printk=KERN_INFO:" do_one_initcall+0x480/0xa40" printk=KERN_INFO:" kernel_init_freeable+0x7a0/0x968" printk=KERN_INFO:" kernel_init+0x20/0x1f8" printk=KERN_INFO:" ret_from_fork+0x10/0x18" printk=KERN_INFO:"Code: 972762be 7100fedf 54000069 97276197 (d4207d00)" printk=KERN_INFO:"---[ end trace 60df362baad50718 ]---" panic="Fatal exception"  # level unknown
# [  311.491423] Kernel panic - not syncing: Fatal exception
# [  311.494038] ---[ end Kernel panic - not syncing: Fatal exception ]---
