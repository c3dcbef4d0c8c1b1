# Imported by 'initcall-sim import' from lkml-6.13-arm64-modules.dmesg: 31 lines, 0 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# 10 module inits after the initcalls: each a module block and a 'load' at its time and pid
# note: 1 module load started before the previous one returned (parallel loads): each load runs from its own time, side by side
kernel "6.13.1-300.vanilla.fc41.aarch64"
arch generic
build compiler="gcc (GCC) 14.2.1 20250110 (Red Hat 14.2.1-7)" linker="GNU ld version 2.43.1-5.fc41" version="#1 SMP PREEMPT_DYNAMIC Sat Feb  1 18:05:31 UTC 2025" user="mockbuild@e33a9e20464b4b1795fee0776cf41066"
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# user space loaded modules, so init ran; the log does not say from where: an initramfs
# /init stands in (the replay prints its 'Run /init as init process')
initramfs /init
# [    0.000000] Linux version 6.13.1-300.vanilla.fc41.aarch64 (mockbuild@e33a9e20464b4b1795fee0776cf41066) (gcc (GCC) 14.2.1 20250110 (Red Hat 14.2.1-7), GNU ld version 2.43.1-5.fc41) #1 SMP PREEMPT_DYNAMIC Sat Feb  1 18:05:31 UTC 2025
module typec
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init typec_init time=58000ns flush=29000ns size=0xd8
load typec at=2.133050s pid=431
# [    2.133219] qcom_qseecom qcom_qseecom: setting up client for qcom.tz.uefisecapp
module ghash_ce
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init ghash_ce_mod_init time=134000ns flush=34000ns size=0xff8
load ghash_ce at=2.134488s pid=464
module qcom_rng
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init qcom_rng_driver_init time=4130000ns flush=12000ns size=0xff8 printk=+1723000ns:KERN_INFO:"alg: No test for stdrng (qcom-rng)" printk=+3842000ns:KERN_INFO:"probe of 10d3000.rng returned 0 after 3773 usecs"
load qcom_rng at=2.134511s pid=480
module pwrseq_core
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init pwrseq_init time=38000ns flush=9000ns size=0xff8
load pwrseq_core at=2.138754s pid=429
# [    2.138857] efivars: Registered efivars operations
# [    2.138884] probe of qcom_qseecom returned 0 after 5880 usecs
# [    2.139790] probe of qcom_qseecom.uefisecapp.0 returned 0 after 1393 usecs
# [    2.139833] probe of firmware:scm returned 0 after 25578 usecs
module phy_qcom_qmp_pcie
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init qmp_pcie_driver_init size=0xff8
load phy_qcom_qmp_pcie at=2.141587s pid=493
module polyval_generic
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init polyval_mod_init time=307000ns flush=9000ns size=0xff8
load polyval_generic at=2.142227s pid=488
module icc_osm_l3
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init osm_l3_driver_init time=285000ns flush=8000ns size=0xff8 printk=+239000ns:KERN_INFO:"probe of 18590000.interconnect returned 0 after 96 usecs"
load icc_osm_l3 at=2.143948s pid=436
module rpmsg_core
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init rpmsg_init time=31000ns flush=9000ns size=0xff8
load rpmsg_core at=2.144638s pid=470
module pwrseq_qcom_wcn
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init pwrseq_qcom_wcn_driver_init time=173000ns flush=10000ns size=0xff8 printk=+131000ns:KERN_INFO:"probe of wcn6855-pmu returned -517 after 7 usecs"
load pwrseq_qcom_wcn at=2.151890s pid=429
module gpio_sbu_mux
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init gpio_sbu_mux_driver_init time=131000ns flush=11000ns size=0xff8 printk=+100000ns:KERN_INFO:"probe of usb0-sbu-mux returned -517 after 6 usecs" printk=+107000ns:KERN_INFO:"probe of usb1-sbu-mux returned -517 after 2 usecs"
load gpio_sbu_mux at=2.152247s pid=431
