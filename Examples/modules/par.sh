# Insert par with its defaults, read and write its parameters, remove it, insert it again
# with age=78 arr=12,13,14,15,16, and look at it from every side.
dmesg -C
insmod par.ko
dmesg
lsmod
cat /proc/modules
ls -l /sys/module/par/parameters
cat /sys/module/par/parameters/age
cat /sys/module/par/parameters/arr
echo 30 > /sys/module/par/parameters/age
cat /sys/module/par/parameters/age
echo 1,2 > /sys/module/par/parameters/arr
echo abc > /sys/module/par/parameters/age
dmesg -C
insmod par.ko
rmmod par
dmesg -c
insmod par.ko age=78 arr=12,13,14,15,16
dmesg
cat /sys/module/par/parameters/arr
modinfo par.ko
su user
whoami
cat /sys/module/par/parameters/age
echo 5 > /sys/module/par/parameters/age
rmmod par
exit
rmmod par
lsmod
