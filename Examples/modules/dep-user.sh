# insmod in the wrong order, then the right one; removal in the wrong and right order;
# then depmod and modprobe, which handle the order themselves.
dmesg -C
insmod user.ko
dmesg -c
insmod dep.ko
insmod user.ko
lsmod
cat /proc/modules
rmmod dep
modprobe -r dep
rmmod user
rmmod dep
modprobe user
depmod
cat /lib/modules/6.8.0-sim/modules.dep
cat /lib/modules/6.8.0-sim/modules.symbols
cat /lib/modules/6.8.0-sim/modules.alias
modprobe --show-depends user verbose=1
echo "options user verbose=1" > /etc/modprobe.d/user.conf
modprobe -v user
lsmod
modinfo user
modprobe -r -v user
lsmod
modprobe dep-provider
modprobe symbol:dep_get
lsmod
modprobe nosuch
dmesg
