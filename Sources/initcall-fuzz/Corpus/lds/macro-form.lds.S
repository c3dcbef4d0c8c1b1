#define LEVEL(n) __initcall##n##_start = .; KEEP(*(.initcall##n##.init)) KEEP(*(.initcall##n##s.init))
#if defined(CONFIG_X) && 1 + 2 > 2
#include "fuzz.lds.S"
#endif
SECTIONS {
  . = 0x1000;
  .init.data : AT(ADDR(.init.data) - 0x100) ALIGN(8) {
    __initcall_start = .; KEEP(*(SORT_BY_NAME(SORT_BY_ALIGNMENT(.initcallearly.init))))
    LEVEL(6) __initcall_end = .;
    __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;
    ASSERT(. >= __initcall_start, "order");
  }
  /DISCARD/ : { *(.exitcall.exit) }
}
