# A Debian 6.1 cloud kernel booted under QEMU with no disk, no initramfs and
# "panic=-1 initcall_debug" (reference §16): after its last initcall, prepare_namespace() finds
# no root device, prints the kernel's diagnosis and panics; with panic=-1 it reboots at once,
# so the log ends after the "Kernel Offset:" line, with no end marker and no "Freeing unused
# kernel image" line (the root is mounted before init memory is freed).
# The boot panics on purpose: Exit status 1. To boot it, declare a disk and name it:
#   disk vda size=10G driver=virtio_blk
#   partition vda1 size=10239M fs=ext4 holds=/sbin/init,/bin/sh
# and add root=/dev/vda1 to the command line.
#
#   swift run initcall-sim boot Examples/debian-6.1-no-root.boot
kernel "6.1.0-56-cloud-amd64"
arch x86_64
cpus 2
build compiler="gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0" linker="GNU ld (GNU Binutils for Debian) 2.40" version="#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2025-05-20)" user="debian-kernel@lists.debian.org" package=" Debian 6.1.192-2"
hardware "QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014"
kaslr 0x2ce00000
cmdline "panic=-1 initcall_debug"

object drivers/input/serio/i8042.o
  module_init i8042_init time=2100us printk=KERN_INFO:"i8042: PNP: PS/2 Controller [PNP0303:KBD,PNP0f13:MOU] at 0x60,0x64 irq 1,12"
object drivers/clk/clk.o
  late_initcall_sync clk_disable_unused time=15us printk=KERN_INFO:"clk: Disabling unused clocks"
