# Built in: no .ko, no /proc/modules line; the parameters are in /sys/module/par all the same.
ls
lsmod
cat /sys/module/par/parameters/age
cat /sys/module/par/parameters/arr
echo 30 > /sys/module/par/parameters/age
cat /sys/module/par/parameters/age
rmmod par
depmod
modprobe par
modprobe -r par
modinfo par
