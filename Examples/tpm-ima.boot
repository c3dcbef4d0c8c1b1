# Raspberry Pi: IMA comes up without the TPM (https://github.com/raspberrypi/linux/issues/3291).
# The TPM sits behind the SPI controller, which needs the core clock, and the clock driver
# needs the firmware. clk-bcm2835 was a core_initcall and the firmware driver a
# subsys_initcall: the clock driver ran before its own dependency in every link order, so the
# TPM never came up and IMA activated its TPM-bypass. tpm-ima-fixed.boot moves both levels as
# the review of the fix suggested (https://github.com/raspberrypi/linux/pull/3297): firmware
# to core_initcall, and the clock driver only as far as postcore_initcall, "less likely to
# have unintended consequences" than subsys_initcall.
#
# Modelled simply: a probe that cannot complete makes its initcall return -ENODEV; the SPI
# controller and the TPM behind it are one initcall; IMA carries on without the TPM
# (on-missing=ignore), so the boot reaches init either way.
#
#   swift run initcall-sim check Examples/tpm-ima.boot
#   swift run initcall-sim compare Examples/tpm-ima.boot Examples/tpm-ima-fixed.boot
#   swift run initcall-sim explore Examples/tpm-ima.boot
kernel "6.8.0-sim"
arch arm64
cpus 4
hardware "Raspberry Pi 4 Model B Rev 1.1 (DT)"
cmdline "console=ttyS0,115200 root=/dev/mmcblk0p2 rootwait ima_policy=tcb initcall_debug loglevel=8"
# The SD card: the MMC host probes asynchronously, so the card appears only after the initcalls
# are done; rootwait makes prepare_namespace() wait for mmcblk0p2 ("Waiting for root device").
disk mmcblk0 size=29G driver=mmcblk appears=180ms
partition mmcblk0p1 size=512M fs=vfat uuid=6c586e13-01
partition mmcblk0p2 size=29183M fs=ext4 uuid=6c586e13-02 holds=/sbin/init,/bin/sh

object drivers/clk/bcm/clk-bcm2835.o
  core_initcall __bcm2835_clk_driver_init time=180us requires=rpi-firmware provides=clk
object drivers/firmware/raspberrypi.o
  subsys_initcall rpi_firmware_init time=120us provides=rpi-firmware
object drivers/char/tpm/tpm-interface.o
  subsys_initcall tpm_init time=60us provides=tpm-class
object drivers/char/tpm/tpm_tis_spi_main.o
  module_init tpm_tis_spi_driver_init time=2ms requires=tpm-class,clk provides=tpm
object security/integrity/ima/ima_main.o
  late_initcall init_ima time=900us requires=tpm on-missing=ignore printk=KERN_INFO:"ima: Allocated hash algorithm: sha256"
