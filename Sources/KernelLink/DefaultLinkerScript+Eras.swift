// The older shipped linker scripts, embedded by .ci/embed-shipped-files; do not edit.

extension DefaultLinkerScript {
    /// Each older shipped linker script's text, by its path in the repository.
    package static let shippedFiles: [String: String] = [
        "LinkerScripts/vmlinux-2.6.2x-initcalls.lds.S": #"""
        /*
         * initcall-sim: a 2.6.2x-era (up to about 2.6.27) vmlinux.lds.S around the init sections,
         * written for initcall-sim from the documented layout. One INITCALLS list, no early level,
         * no per-level boundaries: do_initcalls() ran [__initcall_start, __initcall_end) in one loop.
         * No KEEP() yet, and the table sits in an output section of its own, .initcall.init.
         */
        #define PAGE_SIZE 4096

        #define INITCALLS							\
          	*(.initcall0.init)						\
          	*(.initcall0s.init)						\
          	*(.initcall1.init)						\
          	*(.initcall1s.init)						\
          	*(.initcall2.init)						\
          	*(.initcall2s.init)						\
          	*(.initcall3.init)						\
          	*(.initcall3s.init)						\
          	*(.initcall4.init)						\
          	*(.initcall4s.init)						\
          	*(.initcall5.init)						\
          	*(.initcall5s.init)						\
        	*(.initcallrootfs.init)						\
          	*(.initcall6.init)						\
          	*(.initcall6s.init)						\
          	*(.initcall7.init)						\
          	*(.initcall7s.init)

        OUTPUT_FORMAT("elf32-i386", "elf32-i386", "elf32-i386")
        OUTPUT_ARCH(i386)
        ENTRY(phys_startup_32)

        SECTIONS
        {
          . = 0xC0000000 + 0x100000;
          .text : AT(ADDR(.text) - 0xC0000000) { _text = .; *(.text) *(.fixup) *(.gnu.warning) _etext = .; }
          .data : AT(ADDR(.data) - 0xC0000000) { *(.data) _edata = .; }

          . = ALIGN(PAGE_SIZE);
          .init.text : AT(ADDR(.init.text) - 0xC0000000) { __init_begin = .; _sinittext = .; *(.init.text) _einittext = .; }
          .init.data : AT(ADDR(.init.data) - 0xC0000000) { *(.init.data) }
          . = ALIGN(16);
          .init.setup : AT(ADDR(.init.setup) - 0xC0000000) { __setup_start = .; *(.init.setup) __setup_end = .; }
          .initcall.init : AT(ADDR(.initcall.init) - 0xC0000000) {
        	__initcall_start = .;
        	INITCALLS
        	__initcall_end = .;
          }
          .con_initcall.init : AT(ADDR(.con_initcall.init) - 0xC0000000) {
        	__con_initcall_start = .;
        	*(.con_initcall.init)
        	__con_initcall_end = .;
          }
          . = ALIGN(PAGE_SIZE);
          __init_end = .;

          .bss : AT(ADDR(.bss) - 0xC0000000) { __bss_start = .; *(.bss) __bss_stop = .; }
          _end = . ;

          /DISCARD/ : { *(.exitcall.exit) }
        }

        """#,
        "LinkerScripts/vmlinux-2.6.28-3.3.lds": #"""
        /*
         * initcall-sim: the init sections of a vmlinux.lds from 2.6.28 to 3.3, expanded, written for
         * initcall-sim from the documented layout. early_initcall() arrived: its section comes first
         * and __early_initcall_end closes it. do_pre_smp_initcalls() walked
         * [__initcall_start, __early_initcall_end) and do_initcalls() [__early_initcall_end,
         * __initcall_end) in one loop, with no per-level parameter passes.
         */
        OUTPUT_FORMAT("elf64-x86-64", "elf64-x86-64", "elf64-x86-64")
        OUTPUT_ARCH(i386:x86-64)
        ENTRY(phys_startup_64)
        SECTIONS
        {
         . = 0xffffffff81000000;
         .text : AT(ADDR(.text) - 0xffffffff80000000) { _text = .; *(.text) *(.text.*) _etext = .; }
         .data : AT(ADDR(.data) - 0xffffffff80000000) { *(.data) _edata = .; }
         . = ALIGN(4096);
         __init_begin = .;
         .init.text : AT(ADDR(.init.text) - 0xffffffff80000000) { _sinittext = .; *(.init.text) _einittext = .; }
         .init.data : AT(ADDR(.init.data) - 0xffffffff80000000) { *(.init.data) . = ALIGN(16); __setup_start = .; *(.init.setup) __setup_end = .; __initcall_start = .; *(.initcallearly.init) __early_initcall_end = .; *(.initcall0.init) *(.initcall0s.init) *(.initcall1.init) *(.initcall1s.init) *(.initcall2.init) *(.initcall2s.init) *(.initcall3.init) *(.initcall3s.init) *(.initcall4.init) *(.initcall4s.init) *(.initcall5.init) *(.initcall5s.init) *(.initcallrootfs.init) *(.initcall6.init) *(.initcall6s.init) *(.initcall7.init) *(.initcall7s.init) __initcall_end = .; __con_initcall_start = .; *(.con_initcall.init) __con_initcall_end = .; __security_initcall_start = .; *(.security_initcall.init) __security_initcall_end = .; }
         . = ALIGN(4096);
         __init_end = .;
         .bss : AT(ADDR(.bss) - 0xffffffff80000000) { __bss_start = .; *(.bss) __bss_stop = .; }
         _end = .;
         /DISCARD/ : { *(.exit.text) *(.exit.data) *(.exitcall.exit) *(.discard) }
        }

        """#,
    ]
}
