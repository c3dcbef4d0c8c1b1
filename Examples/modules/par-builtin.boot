# The `par` driver of par.boot built into the kernel (build=y): its init runs in the device
# level of do_initcalls(), its parameters come from the command line as par.age= and
# par.arr=, and its exit is discarded. The tools know it as built in.
#
#   swift run initcall-sim boot Examples/modules/par-builtin.boot
#   swift run initcall-sim shell Examples/modules/par-builtin.boot --script Examples/modules/par-builtin.sh
kernel "6.8.0-sim"
initramfs /init
cmdline "par.age=78 par.arr=12,13,14,15,16"

module par build=y
  MODULE_LICENSE "Dual BSD/GPL"
  MODULE_AUTHOR "letcos"
  MODULE_DESCRIPTION "STUDY_MODULE"
  MODULE_VERSION "v1.0"
  module_param age int 0644 default=25
  module_param_array arr int 0444 max=10 default=1,2,3,4,5,6,7,8,9,10
  module_init par_init printk=KERN_ALERT:"age:%d\n",age printk=KERN_ALERT:"arr:%d %d %d %d %d %d %d %d %d %d\n",arr[0],arr[1],arr[2],arr[3],arr[4],arr[5],arr[6],arr[7],arr[8],arr[9]
  module_exit par_exit printk=KERN_ALERT:"par exit\n"
