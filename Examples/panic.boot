# A late initcall that cannot go on calls panic(): the boot stops there, with the kernel's
# panic report; init never runs. Exit status 1.
#
#   swift run initcall-sim boot Examples/panic.boot
kernel "6.8.0-sim"
cmdline "root=/dev/vda1 initcall_debug loglevel=8"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk vda size=8G driver=virtio_blk
partition vda1 size=8191M fs=ext4 holds=/sbin/init,/bin/sh

object drivers/base/firmware_loader/main.o
  device_initcall firmware_class_init time=35us provides=firmware
object security/integrity/ima/ima_main.o
  late_initcall init_ima time=900us requires=tpm on-missing=panic
