# Two modules and an exported symbol: `user` calls `dep_get`, which `dep` exports, so the
# loader links them (module_use): dep's "Used by" counts user, dep cannot go first, and
# modprobe loads dep before user and takes it away again with -r.
#
#   swift run initcall-sim shell Examples/modules/dep-user.boot --script Examples/modules/dep-user.sh
kernel "6.8.0-sim"
initramfs /init

module dep
  MODULE_LICENSE "GPL"
  MODULE_DESCRIPTION "exports dep_get"
  MODULE_ALIAS "dep-provider"
  EXPORT_SYMBOL dep_get
  module_init dep_init printk=KERN_INFO:"dep: ready\n"
  module_exit dep_exit printk=KERN_INFO:"dep: gone\n"

module user
  MODULE_LICENSE "GPL"
  MODULE_DESCRIPTION "calls dep_get"
  uses dep_get
  module_param verbose bool 0644
  module_init user_init printk=KERN_INFO:"user: got %d from dep_get\n",verbose
  module_exit user_exit printk=KERN_INFO:"user: bye\n"
