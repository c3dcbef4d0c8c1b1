cmdline "initcall_debug"
timeline jiffies=4ms jiffies_phase=1700us printk=1us
initramfs /init
object a.o
  core_initcall a_init time=30us
  core_initcall b_init time=2500us printk=+1ms:KERN_INFO:"b: halfway" printk=KERN_INFO:"b: done"
  fs_initcall clocksource_done_booting time=7us printk=+2us:KERN_INFO:"clocksource: Switched to clocksource tsc"
  device_initcall f_init time=1500us
