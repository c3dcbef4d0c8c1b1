# Parameters a built-in driver declares, set from the command line, per level, and read back.
#
#   swift run initcall-sim boot Examples/params.boot
#   swift run initcall-sim boot Examples/params.boot --parameters
#   swift run initcall-sim cmdline "par.age=78 clk.rate=48000000 sensor.offset=40000" Examples/params.boot
#
# par.o declares an int, an int array, a string buffer, a bool, a hexint, a byte and a charp;
# its init prints them with a printk format. clk.o's rate is tagged with the subsys level
# (subsys_param_cb): the core initcall still sees the default, the subsys initcall the value
# the subsys pass set just before it. sensor.o has a renamed uint, a ushort array without a
# count, a core_param, an early_param and a __setup handler. The command line gives
# sensor.offset a value a short cannot hold: the kernel says so and the boot goes on.
kernel "6.8.0-sim"
# The user space comes in an initramfs: the kernel runs /init and mounts no root.
initramfs /init
cmdline "par.age=78 par.arr=12,13,14,15,16 par.name=\"letcos sim\" par.verbose par.mask=0x3f par.firmware=par.bin clk.rate=48000000 sensor.offset=40000 sensor.scale=0x10 sensor.thresholds=10,20,30 sensor_debug=1 mydbg=2 sensor_mode=fast foo=bar"

object drivers/misc/par.o                 # KBUILD_MODNAME: "par"
  module_param age int 0644 default=25
  module_param_array arr int 0444 max=10 default=6,7,8,9,10
  module_param_string name 0644 size=16 default="par"
  module_param verbose bool 0644
  module_param mask hexint 0600 default=0xff
  module_param level byte 0444 default=3
  module_param firmware charp 0444
  MODULE_PARM_DESC age "how old the user is"
  MODULE_PARM_DESC arr "up to ten numbers"
  module_init par_init printk=KERN_INFO:"par: age=%d arr[0]=%d arr_count=%u name=%s verbose=%d mask=%#x level=%u firmware=%s\n",age,arr[0],arr_count,name,verbose,mask,level,firmware

object drivers/clk/clk-sim.o
  modname clk
  subsys_param_cb rate ulong 0644 default=24000000
  core_initcall clk_early_init printk=KERN_INFO:"clk: rate %lu at the core level\n",rate
  subsys_initcall clk_init printk=KERN_INFO:"clk: rate %lu at the subsys level\n",rate

object drivers/misc/sensor.o
  module_param offset short 0644 default=-5
  module_param_named scale sensor_scale uint 0644 default=1
  module_param_array thresholds ushort 0644 max=3 count=NULL
  core_param sensor_debug bint 0644
  early_param "mydbg" mydbg_setup printk=KERN_INFO:"sensor: early debug level %s\n",str
  __setup "sensor_mode=" sensor_mode_setup printk=KERN_INFO:"sensor: mode %s\n",str
  late_initcall sensor_init printk=KERN_INFO:"sensor: offset=%hd scale=%u thresholds[2]=%hu debug=%d\n",offset,sensor_scale,thresholds[2],sensor_debug
