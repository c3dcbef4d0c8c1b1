# The classic `par` module on an embedded board: Linux 3.5 and BusyBox. Before 4.9 a printk()
# without a newline leaves its record open and the next printk() without a level continues
# it, so `arr:` and the ten numbers print on one line.
#
#   swift run initcall-sim shell Examples/modules/par-3.5.boot --script Examples/modules/par-3.5.sh --userland busybox
kernel "3.5.0"
arch generic
cpus 1
initramfs /init

module par
  MODULE_LICENSE "Dual BSD/GPL"
  MODULE_AUTHOR "letcos"
  MODULE_DESCRIPTION "STUDY_MODULE"
  MODULE_VERSION "v1.0"
  module_param age int 0644 default=25
  module_param_array arr int 0444 max=10 default=1,2,3,4,5,6,7,8,9,10
  sizes core=648 init=0
  module_init par_init printk=KERN_ALERT:"age:%d\n",age printk="arr:" printk="%d ",arr[0] printk="%d ",arr[1] printk="%d ",arr[2] printk="%d ",arr[3] printk="%d ",arr[4] printk="%d ",arr[5] printk="%d ",arr[6] printk="%d ",arr[7] printk="%d ",arr[8] printk="%d ",arr[9] printk="\n"
  module_exit par_exit printk=KERN_ALERT:"par exit\n"
