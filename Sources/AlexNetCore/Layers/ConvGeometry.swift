/// The shape of one lowering (im2col) that turns a convolution into one matrix multiply, as darknet's im2col.c:
/// for one image and one channel group, one row per (c, kh, kw) of the receptive field (Cg·K·K rows) and one
/// column per output position; the images of a chunk sit side by side, so they share one GEMM. The loops
/// themselves are `ck_im2col` / `ck_col2im` in CKernels/Lowering.c.
struct ConvGeometry {
    let channels: Int        // Cg: channels in this group
    let height: Int, width: Int
    let kernel: Int, stride: Int, padding: Int
    let outHeight: Int, outWidth: Int
    var rows: Int { channels * kernel * kernel }
    var positions: Int { outHeight * outWidth }
}
