# tpm-ima.boot with the levels the review of https://github.com/raspberrypi/linux/pull/3297
# settled on: the firmware driver a core_initcall, the clock driver a postcore_initcall (one
# level after it, rather than subsys_initcall). The clock, the TPM and IMA now come up in
# every link order.
#
#   swift run initcall-sim check Examples/tpm-ima-fixed.boot
#   swift run initcall-sim compare Examples/tpm-ima.boot Examples/tpm-ima-fixed.boot
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
  postcore_initcall __bcm2835_clk_driver_init time=180us requires=rpi-firmware provides=clk
object drivers/firmware/raspberrypi.o
  core_initcall rpi_firmware_init time=120us provides=rpi-firmware
object drivers/char/tpm/tpm-interface.o
  subsys_initcall tpm_init time=60us provides=tpm-class
object drivers/char/tpm/tpm_tis_spi_main.o
  module_init tpm_tis_spi_driver_init time=2ms requires=tpm-class,clk provides=tpm
object security/integrity/ima/ima_main.o
  late_initcall init_ima time=900us requires=tpm on-missing=ignore printk=KERN_INFO:"ima: Allocated hash algorithm: sha256"
