/*
 * include/asm-generic/vmlinux.lds.h (excerpt) of a 2.6.27-era tree, with the recipe's
 * INITCALLS edit as it is usually copied: bare *(.initcallN.init) lines, most of whose
 * backslashes are followed by a space before the newline. GCC joins such lines anyway and
 * warns "backslash and newline separated by space" for each.
 */
#define INITCALLS \
  *(.initcall0.init) \ 
  *(.initcall0s.init) \ 
  *(.initcall1.init) \ 
  *(.initcall1s.init) \ 
  *(.initcall2.init) \ 
  *(.initcall2s.init) \ 
  *(.initcall3.init) \ 
  *(.initcall3s.init) \ 
  *(.initcall4.init) \ 
  *(.initcall4s.init) \ 
  *(.initcall5.init) \ 
  *(.initcall5s.init) \ 
  *(.initcallrootfs.init) \ 
  *(.initcall6.init) \ 
  *(.initcall6s.init) \ 
  *(.initcall7.init) \ 
  *(.initcall7s.init) \ 
  *(.initcall8.init) \
  *(.initcall8s.init)
