# pci-cma-keyring.boot with the reviewer's fix (https://github.com/l1k/linux/pull/2): "the
# keyring needs to be allocated one initcall level earlier than subsys_initcall, which is
# arch_initcall". pci_cma_keyring_init now runs before acpi_init in every link order.
#
#   swift run initcall-sim check Examples/pci-cma-keyring-fixed.boot
#   swift run initcall-sim explore Examples/pci-cma-keyring-fixed.boot
#   swift run initcall-sim compare Examples/pci-cma-keyring.boot Examples/pci-cma-keyring-fixed.boot
kernel "6.8.0-sim"
arch x86_64
hardware "QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014"
cmdline "console=ttyS0 root=/dev/vda1 initcall_debug loglevel=8"
# The disk virtio_blk finds (20971520 sectors), and the root filesystem on its first partition.
disk vda size=10G driver=virtio_blk requires=virtio-blk
partition vda1 size=10239M fs=ext4 uuid=6e1a5d2b-01 holds=/sbin/init,/bin/sh printk=KERN_INFO:"EXT4-fs (vda1): mounted filesystem 3c4d4f2e-9a1b-4c62-8d0e-6f1f2a3b4c5d ro with ordered data mode. Quota mode: none."

object arch/x86/pci/init.o
  arch_initcall pci_arch_init time=210us provides=pci-config

object drivers/pci/pci-driver.o
  postcore_initcall pci_driver_init time=30us provides=pci-bus
object drivers/pci/cma.o
  arch_initcall pci_cma_keyring_init time=40us provides=cma-keyring
object drivers/pci/pcie/portdrv.o
  device_initcall pcie_portdrv_init time=120us requires=pci-devices

object drivers/acpi/bus.o
  subsys_initcall acpi_init time=8400us requires=pci-config,pci-bus,cma-keyring provides=acpi,pci-devices on-missing=panic
object drivers/acpi/osl.o
  fs_initcall_sync acpi_reserve_resources time=22us requires=acpi
object drivers/pnp/pnpacpi/core.o
  fs_initcall pnpacpi_init time=900us requires=acpi

object drivers/block/virtio_blk.o
  module_init virtio_blk_init time=950us requires=pci-devices provides=virtio-blk printk=KERN_INFO:"virtio_blk virtio1: [vda] 20971520 512-byte logical blocks (10.7 GB/10.0 GiB)"
