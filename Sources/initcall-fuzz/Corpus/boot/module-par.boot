# The classic `par` module: an int parameter (0644) and an int array (0444), printed by its
# (the transcript: Tests/CLITests/Golden/shell-par.txt)
# init with printk() calls that end without a newline. Built as a module (build=m) here; the
# same block with build=y is linked into the kernel (see par-builtin.boot).
#
#   swift run initcall-sim shell Examples/modules/par.boot --script Examples/modules/par.sh
#
# Linux 6.8: a printk() without KERN_CONT starts a new record, so the array prints one
# number a line (par-3.5.boot shows the same module under 3.5, where it continues the line).
kernel "6.8.0-sim"
initramfs /init

module par                                   # par.ko
  MODULE_LICENSE "Dual BSD/GPL"
  MODULE_AUTHOR "letcos"
  MODULE_DESCRIPTION "STUDY_MODULE"
  MODULE_VERSION "v1.0"
  module_param age int 0644 default=25
  module_param_array arr int 0444 max=10 default=1,2,3,4,5,6,7,8,9,10
  MODULE_PARM_DESC age "how old the user is"
  module_init par_init printk=KERN_ALERT:"age:%d\n",age printk="arr:" printk="%d ",arr[0] printk="%d ",arr[1] printk="%d ",arr[2] printk="%d ",arr[3] printk="%d ",arr[4] printk="%d ",arr[5] printk="%d ",arr[6] printk="%d ",arr[7] printk="%d ",arr[8] printk="%d ",arr[9] printk="\n"
  module_exit par_exit printk=KERN_ALERT:"par exit\n"
