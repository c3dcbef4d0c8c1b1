# A GPL-only export and a proprietary module: EXPORT_SYMBOL_GPL symbols are invisible to a
# module whose license is not GPL-compatible, so the loader reports it as an unknown symbol
# after tainting the kernel P. The loaded GPL module then shows in every WARN's "Modules
# linked in:" line, with its flags.
#
#   swift run initcall-sim shell Examples/modules/gpl-only.boot --script Examples/modules/gpl-only.sh
kernel "6.8.0-sim"
initramfs /init
config CONFIG_MODULE_SIG=y

module gplcore
  MODULE_LICENSE "GPL"
  EXPORT_SYMBOL_GPL gplcore_register
  module_exit gplcore_exit

module blob
  MODULE_LICENSE "Proprietary"
  MODULE_AUTHOR "Vendor Inc."
  uses gplcore_register
  module_init blob_init printk=KERN_INFO:"blob: registered\n"
  module_exit blob_exit

module leaky
  MODULE_LICENSE "GPL"
  module_init leaky_init preempt=+1
  module_exit leaky_exit
