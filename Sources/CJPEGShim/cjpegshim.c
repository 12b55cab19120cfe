#include "CJPEGShim.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    cjpeg_info *info;
} shim_error;

static void shim_error_exit(j_common_ptr cinfo) {
    shim_error *err = (shim_error *)cinfo->err;
    char text[JMSG_LENGTH_MAX];
    err->base.format_message(cinfo, text);
    snprintf(err->info->message, sizeof err->info->message, "%s", text);
    longjmp(err->jump, 1);
}

// Warnings (level -1) include "Premature end of JPEG file" and "Corrupt JPEG data": treat them as
// errors so a damaged file is reported instead of decoded into grey blocks. Trace messages are ignored.
static void shim_emit_message(j_common_ptr cinfo, int level) {
    if (level < 0) shim_error_exit(cinfo);
}

// A progressive file may hold any number of scans, each a pass over the whole image: 2,090 scans of an 8192² image
// took 30 s to decode. Real encoders write about ten; libjpeg-turbo's own tools refuse past a limit the same way.
#define CJPEG_MAX_SCANS 100

static void shim_progress(j_common_ptr cinfo) {
    if (cinfo->is_decompressor && ((j_decompress_ptr)cinfo)->input_scan_number > CJPEG_MAX_SCANS) {
        shim_error *err = (shim_error *)cinfo->err;
        snprintf(err->info->message, sizeof err->info->message,
                 "the progressive JPEG has more than %d scans; real encoders write about ten", CJPEG_MAX_SCANS);
        longjmp(err->jump, 1);
    }
}

static void fill_info(struct jpeg_decompress_struct *cinfo, cjpeg_info *info) {
    info->width = (int)cinfo->image_width;
    info->height = (int)cinfo->image_height;
    info->components = cinfo->num_components;
    info->progressive = jpeg_has_multiple_scans(cinfo) ? 1 : 0;
}

int cjpeg_read_info(const unsigned char *data, size_t size, cjpeg_info *info) {
    return cjpeg_decode(data, size, 0, NULL, 0, info);
}

int cjpeg_decode(const unsigned char *data, size_t size, int grey, unsigned char *out, size_t out_size,
                 cjpeg_info *info) {
    struct jpeg_decompress_struct cinfo;
    shim_error err;
    memset(info, 0, sizeof *info);
    cinfo.err = jpeg_std_error(&err.base);
    err.base.error_exit = shim_error_exit;
    err.base.emit_message = shim_emit_message;
    err.info = info;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return 1;
    }
    jpeg_create_decompress(&cinfo);
    struct jpeg_progress_mgr progress = { .progress_monitor = shim_progress };
    cinfo.progress = &progress;
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    fill_info(&cinfo, info);
    if (out == NULL) {  /* the header was all that was asked for */
        jpeg_destroy_decompress(&cinfo);
        return 0;
    }
    cinfo.out_color_space = grey ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(&cinfo);
    size_t row = (size_t)cinfo.output_width * (size_t)cinfo.output_components;
    if (row * (size_t)cinfo.output_height != out_size) {
        snprintf(info->message, sizeof info->message, "decoded size %ux%ux%d does not match the header",
                 cinfo.output_width, cinfo.output_height, cinfo.output_components);
        jpeg_destroy_decompress(&cinfo);
        return 1;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW line = out + (size_t)cinfo.output_scanline * row;
        jpeg_read_scanlines(&cinfo, &line, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return 0;
}
