# The classic transcript: insert, look, remove, insert with parameters.
dmesg -C
insmod par.ko
dmesg
lsmod
cat /sys/module/par/parameters/age
rmmod par
dmesg -c
insmod par.ko age=78 arr=12,13,14,15,16
dmesg -c
cat /sys/module/par/parameters/arr
cat /proc/modules
rmmod par.ko
rmmod par
insmod nosuch.ko
modinfo par.ko
