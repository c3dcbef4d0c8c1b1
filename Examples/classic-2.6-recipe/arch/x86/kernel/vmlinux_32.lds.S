/*
 * arch/x86/kernel/vmlinux_32.lds.S (excerpt) of a 2.6.27-era tree: the init sections, with
 * the INITCALLS list from <asm-generic/vmlinux.lds.h> in an output section of its own.
 * do_initcalls() runs [__initcall_start, __initcall_end) in one loop.
 */
#include <asm-generic/vmlinux.lds.h>

#define LOAD_OFFSET 0xC0000000
#define PAGE_SIZE 4096

OUTPUT_FORMAT("elf32-i386", "elf32-i386", "elf32-i386")
OUTPUT_ARCH(i386)
ENTRY(phys_startup_32)

SECTIONS
{
  . = LOAD_OFFSET + 0x100000;
  .text : AT(ADDR(.text) - LOAD_OFFSET) { _text = .; *(.text) *(.fixup) _etext = .; }
  .data : AT(ADDR(.data) - LOAD_OFFSET) { *(.data) _edata = .; }

  . = ALIGN(PAGE_SIZE);
  .init.text : AT(ADDR(.init.text) - LOAD_OFFSET) { __init_begin = .; _sinittext = .; *(.init.text) _einittext = .; }
  .init.data : AT(ADDR(.init.data) - LOAD_OFFSET) { *(.init.data) }
  . = ALIGN(16);
  .init.setup : AT(ADDR(.init.setup) - LOAD_OFFSET) { __setup_start = .; *(.init.setup) __setup_end = .; }
  .initcall.init : AT(ADDR(.initcall.init) - LOAD_OFFSET) {
	__initcall_start = .;
	INITCALLS
	__initcall_end = .;
  }
  .con_initcall.init : AT(ADDR(.con_initcall.init) - LOAD_OFFSET) {
	__con_initcall_start = .;
	*(.con_initcall.init)
	__con_initcall_end = .;
  }
  . = ALIGN(PAGE_SIZE);
  __init_end = .;

  .bss : AT(ADDR(.bss) - LOAD_OFFSET) { __bss_start = .; *(.bss) __bss_stop = .; }
  _end = . ;

  /DISCARD/ : { *(.exitcall.exit) }
}
