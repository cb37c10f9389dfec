// glibc's malloc tuning (mallopt and its M_* parameters), which Swift's Glibc module does not
// export. Empty where the C library has no <malloc.h> (macOS).
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
