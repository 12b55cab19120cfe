#ifndef CJPEGSHIM_H
#define CJPEGSHIM_H

#include <stddef.h>

// libjpeg reports errors by calling error_exit, which must not return; the usual answer is a longjmp
// back to the caller, which Swift cannot do (it would skip Swift frames and their cleanup). These two
// functions do the setjmp in C and turn every libjpeg error and warning into a return code and a message.

/// What a JPEG header says, and libjpeg's message when something failed.
typedef struct {
    int width;
    int height;
    /// Colour components in the file: 1 (grey), 3 (YCbCr/RGB) or 4 (CMYK/YCCK).
    int components;
    int progressive;
    char message[200];
} cjpeg_info;

/// Reads the header only (no pixel buffers are allocated). Returns 0 on success.
int cjpeg_read_info(const unsigned char *data, size_t size, cjpeg_info *info);

/// Decodes the whole image into `out` as 8-bit grey (`grey` != 0, width*height bytes) or interleaved
/// RGB (width*height*3 bytes); `out_size` must be that size. With `out` NULL only the header is read. Any libjpeg warning (corrupt or
/// truncated data, which libjpeg would otherwise paper over with grey pixels) is an error here.
/// Returns 0 on success.
int cjpeg_decode(const unsigned char *data, size_t size, int grey, unsigned char *out, size_t out_size,
                 cjpeg_info *info);

#endif
