// The whole library in one import: every layer, re-exported.
@_exported import BootAnalysis
@_exported import KernelBoot
@_exported import KernelLink
@_exported import KernelModel
@_exported import LinkerScript
@_exported import ModuleLoader
@_exported import Reports
@_exported import SourceInput
