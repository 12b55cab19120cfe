#include <cblas.h>
// Debian's cblas.h from OpenBLAS declares these; repeated here so the module documents what we use.
int openblas_get_num_threads(void);
void openblas_set_num_threads(int num_threads);
char *openblas_get_corename(void);

#include <xmmintrin.h>
#include <pmmintrin.h>
/// Flush denormal results to zero and treat denormal inputs as zero on this thread (MXCSR FTZ|DAZ).
/// Gradients that shrink below 1e-38 otherwise make every multiply ~100× slower, for no effect on learning.
static inline void alexnet_flush_denormals(void) {
    _MM_SET_FLUSH_ZERO_MODE(_MM_FLUSH_ZERO_ON);
    _MM_SET_DENORMALS_ZERO_MODE(_MM_DENORMALS_ZERO_ON);
}
