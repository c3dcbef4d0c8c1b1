# A module whose init fails: do_init_module() takes it down again (GOING, free_module()) and
# insmod reports the init's errno; nothing is left behind. The second init returns a positive
# value: the kernel warns and keeps the module.
#
#   swift run initcall-sim shell Examples/modules/init-fails.boot --script Examples/modules/init-fails.sh
kernel "6.8.0-sim"
initramfs /init
cmdline "initcall_debug"

module nodev
  MODULE_LICENSE "GPL"
  module_init nodev_init printk=KERN_ERR:"nodev: no device found\n" returns=-ENODEV
  module_exit nodev_exit

module odd
  MODULE_LICENSE "GPL"
  module_init odd_init returns=1

module picky
  MODULE_LICENSE "GPL"
  module_param count int 0644 default=1
  module_init picky_init printk=KERN_INFO:"picky: count=%d\n",count
  module_exit picky_exit
