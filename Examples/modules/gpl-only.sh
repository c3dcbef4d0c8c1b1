# The proprietary module cannot see the GPL-only symbol; a GPL one can.
dmesg -C
insmod gplcore.ko
insmod blob.ko
dmesg -c
cat /proc/sys/kernel/tainted
lsmod
insmod leaky.ko
dmesg
cat /proc/modules
