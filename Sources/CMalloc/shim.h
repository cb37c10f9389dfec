// glibc's <malloc.h> (mallopt and its M_* parameters), which Swift's Glibc module does not
// export. Empty elsewhere: ToyEngine calls mallopt only where Glibc is available.
#if __has_include(<malloc.h>) && defined(__linux__)
#include <malloc.h>
#endif
