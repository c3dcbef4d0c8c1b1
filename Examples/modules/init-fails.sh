dmesg -C
insmod nodev.ko
dmesg -c
lsmod
insmod picky.ko count=abc
insmod picky.ko count=5 bogus=1
dmesg -c
insmod odd.ko
dmesg
cat /proc/modules
rmmod odd
echo 1 > /proc/sys/kernel/modules_disabled
rmmod picky
echo 0 > /proc/sys/kernel/modules_disabled
cat /proc/sys/kernel/modules_disabled
