#ifndef CPU_FEATURES_H
#define CPU_FEATURES_H

/// 1 when the CPU runs x86-64-v3 code (AVX, AVX2, FMA, BMI1/2, F16C, MOVBE, LZCNT), which CKernels and the
/// Swift modules are compiled for; 0 otherwise. This file is compiled without -march, so the check itself runs
/// on any x86-64 CPU.
int cpu_supports_x86_64_v3(void);

#endif
