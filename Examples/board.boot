# A small x86-64 board: 48 initcalls over every level, in the link order of the 6.x top-level
# Kbuild (init/, arch/, kernel/, mm/, fs/, ipc/, security/, crypto/, block/, drivers/, net/).
# The NIC has no hardware (-ENODEV); the SATA driver waits for PCI; everything else succeeds.
#
#   swift run initcall-sim boot Examples/board.boot
kernel "6.8.0-sim"
arch x86_64
cpus 4
hardware "QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014"
cmdline "console=ttyS0 root=/dev/vda1 ro initcall_debug loglevel=8"
# The disk virtio_blk finds (20971520 sectors), and the root filesystem on its first partition.
disk vda size=10G driver=virtio_blk requires=virtio-blk
partition vda1 size=10239M fs=ext4 uuid=6e1a5d2b-01 holds=/sbin/init,/bin/sh printk=KERN_INFO:"EXT4-fs (vda1): mounted filesystem 3c4d4f2e-9a1b-4c62-8d0e-6f1f2a3b4c5d ro with ordered data mode. Quota mode: none."

object init/initramfs.o
  rootfs_initcall populate_rootfs time=1800us

object arch/x86/kernel/pcspeaker.o
  device_initcall add_pcspkr time=40us

object arch/x86/pci/init.o
  arch_initcall pci_arch_init time=210us provides=pci-config
object arch/x86/pci/legacy.o
  subsys_initcall pci_subsys_init time=2600us requires=pci-config provides=pci
object arch/x86/pci/i386.o
  fs_initcall pcibios_assign_resources time=320us requires=pci

object kernel/softirq.o
  early_initcall spawn_ksoftirqd time=45us
object kernel/stop_machine.o
  early_initcall cpu_stop_init time=30us
object kernel/rcu/tree.o
  early_initcall rcu_spawn_gp_kthread time=60us
object kernel/ksysfs.o
  core_initcall ksysfs_init time=25us provides=kernel-kobj
object kernel/power/main.o
  core_initcall pm_init time=90us requires=kernel-kobj
object kernel/workqueue.o
  core_initcall wq_sysfs_init time=35us
object kernel/time/jiffies.o
  core_initcall init_jiffies_clocksource time=8us
object kernel/time/clocksource.o
  fs_initcall clocksource_done_booting time=150us
object kernel/printk/printk.o
  late_initcall printk_late_init time=12us

object mm/memory.o
  early_initcall init_zero_pfn time=3us
object mm/backing-dev.o
  postcore_initcall bdi_class_init time=20us

object fs/locks.o
  core_initcall filelock_init time=15us
object fs/pipe.o
  fs_initcall init_pipe_fs time=40us
object fs/anon_inodes.o
  fs_initcall anon_inode_init time=18us

object block/genhd.o
  subsys_initcall genhd_device_init time=55us provides=block

object drivers/base/dd.o
  late_initcall deferred_probe_initcall time=110us
object drivers/pci/pci-driver.o
  postcore_initcall pci_driver_init time=30us
object drivers/acpi/bus.o
  subsys_initcall acpi_init time=8400us requires=pci-config provides=acpi
object drivers/acpi/osl.o
  fs_initcall_sync acpi_reserve_resources time=22us requires=acpi
object drivers/char/mem.o
  fs_initcall chr_dev_init time=140us
object drivers/tty/vt/vt.o
  console_initcall con_init time=300us printk=KERN_INFO:"Console: colour VGA+ 80x25"
object drivers/tty/serial/8250/8250_core.o
  console_initcall univ8250_console_init time=90us printk=KERN_INFO:"printk: legacy console [ttyS0] enabled"
  module_init serial8250_init time=1200us printk=KERN_INFO:"Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled"
  module_exit serial8250_exit
object drivers/input/input.o
  subsys_initcall input_init time=28us provides=input
object drivers/input/serio/i8042.o
  module_init i8042_init time=2100us requires=input printk=KERN_INFO:"i8042: PNP: PS/2 Controller [PNP0303:KBD,PNP0f13:MOU] at 0x60,0x64 irq 1,12"
object drivers/input/mousedev.o
  module_init mousedev_init time=60us requires=input printk=KERN_INFO:"mousedev: PS/2 mouse device common for all mice"
object drivers/usb/core/usb.o
  subsys_initcall usb_init time=700us requires=pci provides=usb printk=KERN_INFO:"usbcore: registered new interface driver usbfs"
object drivers/usb/host/xhci-pci.o
  module_init xhci_pci_init time=4300us requires=usb,pci
object drivers/ata/ahci.o
  module_init ahci_pci_driver_init time=6200us requires=pci,block printk=KERN_INFO:"ahci 0000:00:1f.2: AHCI 0001.0000 32 slots 6 ports 1.5 Gbps 0x3f impl SATA mode"
object drivers/block/loop.o
  module_init loop_init time=180us requires=block printk=KERN_INFO:"loop: module loaded"
object drivers/block/virtio_blk.o
  module_init virtio_blk_init time=950us requires=block provides=virtio-blk printk=KERN_INFO:"virtio_blk virtio1: [vda] 20971520 512-byte logical blocks (10.7 GB/10.0 GiB)"
object drivers/net/ethernet/intel/e1000/e1000_main.o
  module_init e1000_init_module time=2300us requires=pci returns=-ENODEV printk=KERN_INFO:"e1000: Intel(R) PRO/1000 Network Driver"
  module_exit e1000_exit_module
object drivers/rtc/class.o
  subsys_initcall rtc_init time=16us provides=rtc
object drivers/rtc/rtc-cmos.o
  module_init cmos_init time=380us requires=rtc printk=KERN_INFO:"rtc_cmos 00:00: RTC can wake from S4"
object drivers/clk/clk.o
  late_initcall_sync clk_disable_unused time=14us
object drivers/regulator/core.o
  core_initcall regulator_init time=20us
  late_initcall_sync regulator_init_complete time=9us
object drivers/of/platform.o
  arch_initcall_sync of_platform_default_populate_init time=5us

object net/socket.o
  core_initcall sock_init time=130us provides=sockets
object net/core/net_namespace.o
  pure_initcall net_ns_init time=65us provides=netns
object net/core/dev.o
  subsys_initcall net_dev_init time=310us requires=netns provides=netdev
object net/ipv4/af_inet.o
  fs_initcall inet_init time=1400us requires=sockets,netdev printk=KERN_INFO:"NET: Registered PF_INET protocol family"
object net/ipv4/tcp_cong.o
  late_initcall tcp_congestion_default time=4us
