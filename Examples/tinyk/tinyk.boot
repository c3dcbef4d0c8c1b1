# tinyk, a small non-Linux kernel: four levels (board, bus, driver, app), no console table
# and no early level. Its level file and walk say which walks exist; the boot runs exactly
# those, in the order tinyk.lds lays the sections out.
#
#   swift run initcall-sim boot Examples/tinyk/tinyk.boot
#   swift run initcall-sim levels Examples/tinyk/tinyk.boot
kernel "6.8.0-sim"
arch generic
cmdline "initcall_debug"
# Its user space comes in an initramfs: the kernel runs /init and mounts no root.
initramfs /init
linker-script "../../LinkerScripts/tinyk.lds"
levels "tinyk_init.h" "init.c"

object drivers/uart.o
  driver_initcall uart_init time=40us requires=clock
object board/clock.o
  board_initcall clock_init time=15us provides=clock
object apps/shell.o
  app_initcall shell_init time=5us requires=uart
object bus/i2c.o
  bus_initcall i2c_init time=20us requires=clock provides=i2c
object drivers/uart_probe.o
  driver_initcall uart_probe time=10us requires=i2c provides=uart
