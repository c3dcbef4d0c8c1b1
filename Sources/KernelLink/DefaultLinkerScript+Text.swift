// The text of LinkerScripts/vmlinux-6.x-x86_64.lds, embedded. Regenerate this file when the
// script changes; `DefaultLinkerScriptTests` fails until the two are equal byte for byte.
extension DefaultLinkerScript {
    /// The script's text, byte for byte the shipped `LinkerScripts/vmlinux-6.x-x86_64.lds`.
    public static let text = #"""
        /*
         * initcall-sim: an x86-64 vmlinux.lds of the Linux 6.x era in its *expanded* form, as
         * `cpp -P` leaves arch/x86/kernel/vmlinux.lds.S after including
         * include/asm-generic/vmlinux.lds.h. Written for initcall-sim from the documented layout;
         * the parts around the init sections are complete, the rest (text, rodata, data, bss,
         * debug sections) is abridged to the statements that place them.
         *
         * INIT_CALLS: __initcall_start, .initcallearly.init, then for each level in
         * 0 1 2 3 4 5 rootfs 6 7: __initcall<L>_start, .initcall<L>.init, .initcall<L>s.init;
         * __initcall_end. CON_INITCALL follows inside .init.data.
         */
        OUTPUT_FORMAT("elf64-x86-64", "elf64-x86-64", "elf64-x86-64")
        OUTPUT_ARCH(i386:x86-64)
        ENTRY(phys_startup_64)
        jiffies = jiffies_64;
        PHDRS {
         text PT_LOAD FLAGS(5);
         data PT_LOAD FLAGS(6);
         percpu PT_LOAD FLAGS(6);
         init PT_LOAD FLAGS(7);
         note PT_NOTE FLAGS(0);
        }
        SECTIONS
        {
         . = (0xffffffff80000000 + ALIGN(0x1000000, 0x200000));
         phys_startup_64 = ABSOLUTE(startup_64 - 0xffffffff80000000);
         .text : AT(ADDR(.text) - 0xffffffff80000000) {
          _text = .;
          _stext = .;
          . = ALIGN(0x200000);
          *(.head.text)
          . = ALIGN(8); *(.text.hot .text.hot.*) *(.text .text.fixup) *(.text.unlikely .text.unlikely.*) *(.text.unknown .text.unknown.*) . = ALIGN(8); *(.noinstr.text) *(.ref.text) *(.text.asan.* .text.tsan.*)
          . = ALIGN(8); __sched_text_start = .; *(.sched.text) __sched_text_end = .;
          . = ALIGN(8); __cpuidle_text_start = .; *(.cpuidle.text) __cpuidle_text_end = .;
          . = ALIGN(8); __lock_text_start = .; *(.spinlock.text) __lock_text_end = .;
          *(.gnu.warning)
         } :text = 0xcccccccc
         . = ALIGN(0x200000);
         _etext = .;
         . = ALIGN(0x200000);
         __start_rodata = .;
         .rodata : AT(ADDR(.rodata) - 0xffffffff80000000) { *(.rodata) *(.rodata.*) *(__vermagic) . = ALIGN(8); __start___tracepoints_ptrs = .; KEEP(*(__tracepoints_ptrs)) __stop___tracepoints_ptrs = .; }
         .rodata1 : AT(ADDR(.rodata1) - 0xffffffff80000000) { *(.rodata1) }
         __param : AT(ADDR(__param) - 0xffffffff80000000) { __start___param = .; KEEP(*(__param)) __stop___param = .; }
         __modver : AT(ADDR(__modver) - 0xffffffff80000000) { __start___modver = .; KEEP(*(__modver)) __stop___modver = .; }
         . = ALIGN(0x1000);
         __end_rodata = .;
         . = ALIGN(0x200000);
         .data : AT(ADDR(.data) - 0xffffffff80000000) {
          _sdata = .;
          . = ALIGN(((1 << 12) << (2 + 0))); __start_init_stack = .; init_thread_union = .; init_stack = .; KEEP(*(.data..init_task)) KEEP(*(.data..init_thread_info)) . = __start_init_stack + ((1 << 12) << (2 + 0)); __end_init_stack = .;
          . = ALIGN((1 << 12)); *(.data..page_aligned) . = ALIGN((1 << 12));
          . = ALIGN(64); *(.data..cacheline_aligned)
          *(.data) *(.ref.data) *(.data..shared_aligned) *(.data.unlikely) __start_once = .; *(.data.once) __end_once = .;
          _edata = .;
         } :data
         . = ALIGN((1 << 12));
         __vvar_page = .;
         . = ALIGN((1 << 12));
         . = ALIGN((1 << 12));
         .init.begin : AT(ADDR(.init.begin) - 0xffffffff80000000) { __init_begin = .; } :init
         . = ALIGN((1 << 12)); .init.text : AT(ADDR(.init.text) - 0xffffffff80000000) { _sinittext = .; *(.init.text .init.text.*) *(.text.startup) *(.meminit.text*) _einittext = .; }
         .init.data : AT(ADDR(.init.data) - 0xffffffff80000000) { KEEP(*(SORT(___kentry+*))) *(.init.data .init.data.*) *(.meminit.data*) *(.init.rodata .init.rodata.*) *(.meminit.rodata) . = ALIGN(8); __start_mcount_loc = .; KEEP(*(__mcount_loc)) KEEP(*(__patchable_function_entries)) __stop_mcount_loc = .; . = ALIGN(8); __kprobe_blacklist = .; KEEP(*(_kprobe_blacklist)) ___kprobe_blacklist_end = .; . = ALIGN(8); __setup_start = .; KEEP(*(.init.setup)) __setup_end = .; __initcall_start = .; KEEP(*(.initcallearly.init)) __initcall0_start = .; KEEP(*(.initcall0.init)) KEEP(*(.initcall0s.init)) __initcall1_start = .; KEEP(*(.initcall1.init)) KEEP(*(.initcall1s.init)) __initcall2_start = .; KEEP(*(.initcall2.init)) KEEP(*(.initcall2s.init)) __initcall3_start = .; KEEP(*(.initcall3.init)) KEEP(*(.initcall3s.init)) __initcall4_start = .; KEEP(*(.initcall4.init)) KEEP(*(.initcall4s.init)) __initcall5_start = .; KEEP(*(.initcall5.init)) KEEP(*(.initcall5s.init)) __initcallrootfs_start = .; KEEP(*(.initcallrootfs.init)) KEEP(*(.initcallrootfss.init)) __initcall6_start = .; KEEP(*(.initcall6.init)) KEEP(*(.initcall6s.init)) __initcall7_start = .; KEEP(*(.initcall7.init)) KEEP(*(.initcall7s.init)) __initcall_end = .; __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .; . = ALIGN(4); __initramfs_start = .; KEEP(*(.init.ramfs)) . = ALIGN(8); KEEP(*(.init.ramfs.info)) }
         .x86_cpu_dev.init : AT(ADDR(.x86_cpu_dev.init) - 0xffffffff80000000) {
          __x86_cpu_dev_start = .;
          *(.x86_cpu_dev.init)
          __x86_cpu_dev_end = .;
         }
         . = ALIGN(8);
         .altinstructions : AT(ADDR(.altinstructions) - 0xffffffff80000000) {
          __alt_instructions = .;
          *(.altinstructions)
          __alt_instructions_end = .;
         }
         .exit.text : AT(ADDR(.exit.text) - 0xffffffff80000000) {
          *(.exit.text .exit.text.*) *(.text.exit)
         }
         .exit.data : AT(ADDR(.exit.data) - 0xffffffff80000000) {
          *(.exit.data .exit.data.*) *(.fini_array .fini_array.*) *(.dtors .dtors.*)
         }
         . = ALIGN((1 << 12));
         __per_cpu_load = .;
         .data..percpu 0 : AT(__per_cpu_load - 0xffffffff80000000) {
          __per_cpu_start = .; *(.data..percpu..first) . = ALIGN((1 << 12)); *(.data..percpu..page_aligned) . = ALIGN(64); *(.data..percpu..read_mostly) . = ALIGN(64); *(.data..percpu) *(.data..percpu..shared_aligned) __per_cpu_end = .;
         } :percpu
         . = __per_cpu_load + SIZEOF(.data..percpu);
         . = ALIGN((1 << 12));
         .init.end : AT(ADDR(.init.end) - 0xffffffff80000000) {
          __init_end = .;
         }
         .data_nosave : AT(ADDR(.data_nosave) - 0xffffffff80000000) {
          . = ALIGN((1 << 12)); __nosave_begin = .; *(.data..nosave) . = ALIGN((1 << 12)); __nosave_end = .;
         }
         . = ALIGN((1 << 12));
         .bss : AT(ADDR(.bss) - 0xffffffff80000000) {
          __bss_start = .;
          *(.bss..page_aligned)
          . = ALIGN((1 << 12));
          *(.bss..decrypted)
          *(.bss .bss.*)
          . = ALIGN((1 << 12));
          __bss_stop = .;
         }
         . = ALIGN((1 << 12));
         .brk (NOLOAD) : AT(ADDR(.brk) - 0xffffffff80000000) {
          __brk_base = .;
          . += 64 * 1024;
          *(.bss..brk)
          __brk_limit = .;
         }
         . = ALIGN((1 << 12));
         _end = .;
         .stab 0 : { *(.stab) } .stabstr 0 : { *(.stabstr) } .stab.excl 0 : { *(.stab.excl) } .stab.exclstr 0 : { *(.stab.exclstr) } .stab.index 0 : { *(.stab.index) } .stab.indexstr 0 : { *(.stab.indexstr) } .comment 0 : { *(.comment) } .symtab 0 : { *(.symtab) } .strtab 0 : { *(.strtab) } .shstrtab 0 : { *(.shstrtab) }
         .debug 0 : { *(.debug) } .line 0 : { *(.line) } .debug_info 0 : { *(.debug_info .gnu.linkonce.wi.*) } .debug_abbrev 0 : { *(.debug_abbrev) } .debug_line 0 : { *(.debug_line) } .debug_str 0 : { *(.debug_str) }
         /DISCARD/ : { *(.exit.text) *(.exit.data .exit.data.*) *(.exitcall.exit) *(.discard) *(.discard.*) *(.export_symbol) *(.modinfo) *(.gnu.version*) *(.eh_frame) }
         .got : { *(.got) *(.igot.*) }
         . = ASSERT(SIZEOF(.got) == 0, "Unexpected GOT entries detected!");
        }
        . = ASSERT((_end - 0xffffffff80000000 <= (1024 * 1024 * 1024)), "kernel image bigger than KERNEL_IMAGE_SIZE");
        . = ASSERT(phys_startup_64 == startup_64 - 0xffffffff80000000, "startup_64 must be at the start of the kernel image");

        """#
}
