#include <cblas.h>
// Debian's cblas.h from OpenBLAS declares these; repeated here so the module documents what we use.
int openblas_get_num_threads(void);
void openblas_set_num_threads(int num_threads);
char *openblas_get_corename(void);
