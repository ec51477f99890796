// 2-D convolution forward, backward-data and backward-weights through oneDNN (libdnnl),
// the library PyTorch's CPU convolutions run on. Its jit kernels beat our im2col+GEMM on
// the heavy shapes, so Swift calls these three functions first and falls back to its own
// path when one returns nonzero (no oneDNN, or a shape it refuses).
//
// The caller's buffers are plain NCHW/OIHW. Mostly the primitives pick their own blocked
// layouts (dnnl_format_tag_any) and each call reorders into and out of them; the weights
// are reordered on every call, since they change every step. Primitives and reorders are
// cached per shape in an LRU table, the blocked copies share one workspace, and all of it
// runs under one mutex. Choices measured against PyTorch on ResNet/DenseNet shapes with
// 2 threads (AVX-512): see layout(), winograd() and crop().
#include "OneDNN.h"

#if LK_HAS_ONEDNN
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(call) do { if ((call) != dnnl_success) return 1; } while (0)

enum { FORWARD, BACKWARD_DATA, BACKWARD_WEIGHTS };
enum { SLOTS = 4, ENTRIES = 256 };   // DenseNet-121 has 66 distinct conv shapes, times 3 passes

/// One primitive argument: the user's buffer (from `offset` floats in, zeroed over `clear`
/// bytes first when the primitive writes only part of it) and, when the primitive wants
/// another layout, a buffer in that layout (`bytes` long, in the shared workspace) plus the
/// reorder between them (user->inner for inputs, inner->user for outputs).
typedef struct {
    int arg, output;
    long offset;
    size_t clear, bytes;
    dnnl_memory_t user, inner;
    dnnl_primitive_t reorder;
} lk_slot;

typedef struct {
    lk_conv_shape shape;
    int kind, bias, threads;
} lk_key;

typedef struct {
    lk_key key;
    unsigned long used;   // 0 while empty
    dnnl_primitive_t primitive;
    dnnl_memory_t scratchpad;   // NULL when the primitive needs none
    size_t scratchpad_bytes;
    int count;
    lk_slot slots[SLOTS];
    char impl[64];   // oneDNN's name for the implementation it chose, for lk_dnnl_conv_impl
} lk_entry;

static lk_entry table[ENTRIES];
static unsigned long ticks;
// Blocked copies and scratchpad, shared by all entries, and the kept output gradient.
enum { SCRATCHPAD = SLOTS, KEPT_GRADIENT, WORKSPACES };
static void *workspace[WORKSPACES];
static size_t workspace_size[WORKSPACES];
/// The blocked copy of gy that the latest backward-data pass left in
/// workspace[KEPT_GRADIENT], for the backward-weights pass on the same gy; its ticket
/// changes with every copy, so a stale one is never read.
static struct {
    unsigned long ticket;
    lk_key key;
    const float *gy;
} kept_gradient;
static unsigned long tickets;
// Per thread, so that tests running side by side each see their own passes.
static _Thread_local char last_impl[BACKWARD_WEIGHTS + 1][64];

/// The jit kernels want blocked layouts (nChw16c, OIhw16i16o; format_tag_any lets them
/// choose), which costs a reorder of every argument. Two cases run faster on the plain
/// buffers through oneDNN's GEMM path: backward data into very few channels (the jit pads
/// C up to the vector width) and 1x1 stride-1 convolutions over large images (one GEMM per image).
static dnnl_format_tag_t layout(const lk_conv_shape *s, int kind) {
    int pointwise = s->kernelHeight == 1 && s->kernelWidth == 1 && s->strideHeight == 1 && s->strideWidth == 1
                 && s->padHeight == 0 && s->padWidth == 0;
    if (pointwise && s->outHeight * s->outWidth >= 128) return dnnl_abcd;
    if (kind == BACKWARD_DATA && s->inChannels <= 4) return dnnl_abcd;
    return dnnl_format_tag_any;
}

/// Winograd F(4x4, 3x3) roughly halves the work of wide 3x3 stride-1 forward and
/// backward-data passes when there are enough well-filled 4x4 output tiles (measured with
/// AVX-512: from 32 tiles, at least 3/4 filled); errors stay near 1e-6. Backward weights
/// stays direct: its Winograd is slower.
static int winograd(const lk_conv_shape *s, int kind) {
    if (kind == BACKWARD_WEIGHTS || s->kernelHeight != 3 || s->kernelWidth != 3 || s->strideHeight != 1
        || s->strideWidth != 1 || s->inChannels < 16 || s->outChannels < 16) return 0;
    long tiles = (long)((s->outHeight + 3) / 4) * ((s->outWidth + 3) / 4);
    return s->batch * tiles >= 32 && 4L * s->outHeight * s->outWidth >= 3 * 16 * tiles;
}

static int conv_desc(const lk_conv_shape *s, int kind, int bias, dnnl_format_tag_t tag, dnnl_alg_kind_t alg,
                     dnnl_convolution_desc_t *d) {
    dnnl_dims_t xd = {s->batch, s->inChannels, s->height, s->width};
    dnnl_dims_t wd = {s->outChannels, s->inChannels, s->kernelHeight, s->kernelWidth};
    dnnl_dims_t yd = {s->batch, s->outChannels, s->outHeight, s->outWidth};
    dnnl_dims_t bd = {s->outChannels};
    dnnl_dims_t strides = {s->strideHeight, s->strideWidth}, left = {s->padHeight, s->padWidth};
    dnnl_dims_t right = {(s->outHeight - 1) * s->strideHeight + s->kernelHeight - s->height - s->padHeight,
                         (s->outWidth - 1) * s->strideWidth + s->kernelWidth - s->width - s->padWidth};
    dnnl_memory_desc_t x, w, y, b;
    CHECK(dnnl_memory_desc_init_by_tag(&x, 4, xd, dnnl_f32, tag));
    CHECK(dnnl_memory_desc_init_by_tag(&w, 4, wd, dnnl_f32, tag));
    CHECK(dnnl_memory_desc_init_by_tag(&y, 4, yd, dnnl_f32, tag));
    CHECK(dnnl_memory_desc_init_by_tag(&b, 1, bd, dnnl_f32, dnnl_a));
    switch (kind) {
    case FORWARD:
        CHECK(dnnl_convolution_forward_desc_init(d, dnnl_forward_training, alg, &x, &w, bias ? &b : NULL, &y,
                                                 strides, left, right));
        break;
    case BACKWARD_DATA:
        CHECK(dnnl_convolution_backward_data_desc_init(d, alg, &x, &w, &y, strides, left, right));
        break;
    default:
        CHECK(dnnl_convolution_backward_weights_desc_init(d, alg, &x, &w, bias ? &b : NULL, &y, strides, left, right));
    }
    return 0;
}

/// Kernel rows (or columns) that only ever meet padding add nothing, e.g. all but the centre
/// of a 3x3 kernel with padding 1 over a 1x1 image. Drops them from both ends, shifts the
/// padding to match and returns the first live one (the first live tap is never past the padding).
static int crop(int size, int out, int stride, int *kernel, int *pad) {
    int first = -1, last = -1;
    for (int i = 0; i < *kernel; i++)
        for (int o = 0; o < out; o++) {
            int at = o * stride - *pad + i;
            if (at >= 0 && at < size) {
                if (first < 0) first = i;
                last = i;
                break;
            }
        }
    if (first < 0) return 0;
    *kernel = last - first + 1;
    *pad -= first;
    return first;
}

/// The primitive descriptor, with a scratchpad we pass ourselves: oneDNN's own (thread-local)
/// one crashes its Winograd kernels when a second thread runs a primitive.
static int make_pd_with(const lk_conv_shape *s, int kind, int bias, dnnl_alg_kind_t alg, dnnl_primitive_desc_t *pd) {
    dnnl_format_tag_t tag = layout(s, kind);
    dnnl_convolution_desc_t forward, backward;
    dnnl_primitive_desc_t hint = NULL;
    dnnl_primitive_attr_t attr;
    CHECK(conv_desc(s, FORWARD, bias, tag, alg, &forward));
    CHECK(dnnl_primitive_attr_create(&attr));
    dnnl_status_t status = dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user);
    if (status == dnnl_success && kind == FORWARD)
        status = dnnl_primitive_desc_create(pd, &forward, attr, lk_dnnl_engine, NULL);
    else if (status == dnnl_success) {
        status = conv_desc(s, kind, bias, tag, alg, &backward) ? dnnl_invalid_arguments
               : dnnl_primitive_desc_create(&hint, &forward, NULL, lk_dnnl_engine, NULL);
        if (status == dnnl_success) status = dnnl_primitive_desc_create(pd, &backward, attr, lk_dnnl_engine, hint);
        if (hint) dnnl_primitive_desc_destroy(hint);
    }
    dnnl_primitive_attr_destroy(attr);
    return status != dnnl_success;
}

/// The primitive descriptor (backward ones take a forward one in the same layout as hint):
/// Winograd where it pays and the machine has it, else direct.
static int make_pd(const lk_conv_shape *s, int kind, int bias, dnnl_primitive_desc_t *pd) {
    if (winograd(s, kind) && !make_pd_with(s, kind, bias, dnnl_convolution_winograd, pd)) return 0;
    return make_pd_with(s, kind, bias, dnnl_convolution_direct, pd);
}

/// Adds the argument `arg`, whose layout the primitive reports under (what, index); the
/// user's buffer is plain and dense unless `view` describes it.
static int add_slot(lk_entry *e, const_dnnl_primitive_desc_t pd, int arg, dnnl_query_t what, int index, int output,
                    const dnnl_memory_desc_t *view) {
    const dnnl_memory_desc_t *inner = dnnl_primitive_desc_query_md(pd, what, index);
    if (!inner || inner->ndims == 0) return 1;
    lk_slot *slot = &e->slots[e->count++];
    slot->arg = arg;
    slot->output = output;
    dnnl_memory_desc_t user;
    if (view) user = *view;
    else CHECK(dnnl_memory_desc_init_by_tag(&user, inner->ndims, inner->dims, dnnl_f32,
                                            inner->ndims == 1 ? dnnl_a : dnnl_abcd));
    CHECK(dnnl_memory_create(&slot->user, &user, lk_dnnl_engine, DNNL_MEMORY_NONE));
    if (dnnl_memory_desc_equal(&user, inner)) {
        slot->inner = slot->user;
        return 0;
    }
    slot->bytes = dnnl_memory_desc_get_size(inner);
    CHECK(dnnl_memory_create(&slot->inner, inner, lk_dnnl_engine, DNNL_MEMORY_NONE));
    dnnl_primitive_desc_t reorder;
    CHECK(output ? dnnl_reorder_primitive_desc_create(&reorder, inner, lk_dnnl_engine, &user, lk_dnnl_engine, NULL)
                 : dnnl_reorder_primitive_desc_create(&reorder, &user, lk_dnnl_engine, inner, lk_dnnl_engine, NULL));
    dnnl_status_t status = dnnl_primitive_create(&slot->reorder, reorder);
    dnnl_primitive_desc_destroy(reorder);
    return status != dnnl_success;
}

static void release(lk_entry *e) {
    for (int i = 0; i < e->count; i++) {
        lk_slot *slot = &e->slots[i];
        if (slot->reorder) dnnl_primitive_destroy(slot->reorder);
        if (slot->inner && slot->inner != slot->user) dnnl_memory_destroy(slot->inner);
        if (slot->user) dnnl_memory_destroy(slot->user);
    }
    if (e->primitive) dnnl_primitive_destroy(e->primitive);
    if (e->scratchpad) dnnl_memory_destroy(e->scratchpad);
    memset(e, 0, sizeof *e);
}

/// Builds the primitive and its slots, in the order the public functions pass their buffers.
/// The primitive runs on the kernel cropped to its live taps; the weights are then a strided
/// view into the caller's OIHW buffer.
static int build(lk_entry *e) {
    const lk_conv_shape *s = &e->key.shape;
    lk_conv_shape c = *s;
    int top = crop(s->height, s->outHeight, s->strideHeight, &c.kernelHeight, &c.padHeight);
    int left = crop(s->width, s->outWidth, s->strideWidth, &c.kernelWidth, &c.padWidth);
    int cropped = c.kernelHeight != s->kernelHeight || c.kernelWidth != s->kernelWidth;
    dnnl_dims_t dims = {c.outChannels, c.inChannels, c.kernelHeight, c.kernelWidth};
    dnnl_dims_t strides = {(long)s->inChannels * s->kernelHeight * s->kernelWidth,
                           s->kernelHeight * s->kernelWidth, s->kernelWidth, 1};
    dnnl_memory_desc_t view;
    CHECK(dnnl_memory_desc_init_by_strides(&view, 4, dims, dnnl_f32, strides));
    const dnnl_memory_desc_t *weights = cropped ? &view : NULL;
    dnnl_primitive_desc_t pd;
    if (make_pd(&c, e->key.kind, e->key.bias, &pd)) return 1;
    const char *impl = NULL;
    if (dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, &impl) == dnnl_success && impl)
        snprintf(e->impl, sizeof e->impl, "%s", impl);
    int failed;
    switch (e->key.kind) {
    case FORWARD:
        failed = add_slot(e, pd, DNNL_ARG_SRC, dnnl_query_src_md, 0, 0, NULL)
              || add_slot(e, pd, DNNL_ARG_WEIGHTS, dnnl_query_weights_md, 0, 0, weights)
              || add_slot(e, pd, DNNL_ARG_DST, dnnl_query_dst_md, 0, 1, NULL)
              || (e->key.bias && add_slot(e, pd, DNNL_ARG_BIAS, dnnl_query_weights_md, 1, 0, NULL));
        break;
    case BACKWARD_DATA:
        failed = add_slot(e, pd, DNNL_ARG_DIFF_DST, dnnl_query_diff_dst_md, 0, 0, NULL)
              || add_slot(e, pd, DNNL_ARG_WEIGHTS, dnnl_query_weights_md, 0, 0, weights)
              || add_slot(e, pd, DNNL_ARG_DIFF_SRC, dnnl_query_diff_src_md, 0, 1, NULL);
        break;
    default:
        failed = add_slot(e, pd, DNNL_ARG_SRC, dnnl_query_src_md, 0, 0, NULL)
              || add_slot(e, pd, DNNL_ARG_DIFF_DST, dnnl_query_diff_dst_md, 0, 0, NULL)
              || add_slot(e, pd, DNNL_ARG_DIFF_WEIGHTS, dnnl_query_diff_weights_md, 0, 1, weights)
              || (e->key.bias && add_slot(e, pd, DNNL_ARG_DIFF_BIAS, dnnl_query_diff_weights_md, 1, 1, NULL));
    }
    failed = failed || dnnl_primitive_create(&e->primitive, pd) != dnnl_success;
    const dnnl_memory_desc_t *scratchpad = dnnl_primitive_desc_query_md(pd, dnnl_query_scratchpad_md, 0);
    e->scratchpad_bytes = scratchpad ? dnnl_memory_desc_get_size(scratchpad) : 0;
    if (!failed && e->scratchpad_bytes)
        failed = dnnl_memory_create(&e->scratchpad, scratchpad, lk_dnnl_engine, DNNL_MEMORY_NONE) != dnnl_success;
    dnnl_primitive_desc_destroy(pd);
    lk_slot *w = &e->slots[e->key.kind == BACKWARD_WEIGHTS ? 2 : 1];
    if (!failed && cropped) {
        w->offset = (long)top * s->kernelWidth + left;
        if (w->output) w->clear = (size_t)strides[0] * s->outChannels * sizeof(float);
    }
    return failed;
}

/// The cached entry for key, if it is in the table (never built here).
static lk_entry *find(const lk_key *key) {
    for (int i = 0; i < ENTRIES; i++)
        if (table[i].used && !memcmp(&table[i].key, key, sizeof *key)) return &table[i];
    return NULL;
}

/// The cached entry for key, built on a miss in place of the least recently used one.
static lk_entry *lookup(const lk_key *key) {
    lk_entry *e = find(key);
    if (e) {
        e->used = ++ticks;
        return e;
    }
    lk_entry *victim = &table[0];
    for (int i = 1; i < ENTRIES; i++)
        if (table[i].used < victim->used) victim = &table[i];
    release(victim);
    victim->key = *key;
    if (build(victim)) {
        release(victim);
        return NULL;
    }
    victim->used = ++ticks;
    return victim;
}

/// Slot i's blocked buffer, grown to at least `bytes`.
static void *scratch(int i, size_t bytes) {
    if (workspace_size[i] < bytes) {
        free(workspace[i]);
        size_t size = (bytes + 4095) & ~(size_t)4095;
        workspace[i] = aligned_alloc(4096, size);
        workspace_size[i] = workspace[i] ? size : 0;
    }
    return workspace[i];
}

static int execute(dnnl_primitive_t primitive, int count, const dnnl_exec_arg_t *args) {
    CHECK(dnnl_primitive_execute(primitive, lk_dnnl_stream, count, args));
    return 0;
}

/// Runs the entry on the caller's buffers, reordering inputs in and outputs out. Input
/// slot `given_slot` (-1 for none) reads `given`, already in its layout, instead; input
/// slot `keep_slot` (-1 for none) is reordered into workspace[KEPT_GRADIENT].
static int run(lk_entry *e, void *const *buffers, int given_slot, void *given, int keep_slot) {
    dnnl_exec_arg_t args[SLOTS + 1];
    for (int i = 0; i < e->count; i++) {
        lk_slot *slot = &e->slots[i];
        if (slot->clear) memset(buffers[i], 0, slot->clear);
        CHECK(dnnl_memory_set_data_handle(slot->user, (float *)buffers[i] + slot->offset));
        int reads_given = i == given_slot && slot->reorder;
        void *blocked = reads_given ? given : !slot->reorder ? NULL
                      : scratch(i == keep_slot ? KEPT_GRADIENT : i, slot->bytes);
        if (slot->reorder && (!blocked || dnnl_memory_set_data_handle(slot->inner, blocked))) return 1;
        args[i] = (dnnl_exec_arg_t){slot->arg, slot->inner};
        dnnl_exec_arg_t pair[2] = {{DNNL_ARG_FROM, slot->user}, {DNNL_ARG_TO, slot->inner}};
        if (slot->reorder && !slot->output && !reads_given && execute(slot->reorder, 2, pair)) return 1;
    }
    int count = e->count;
    if (e->scratchpad) {
        void *pad = scratch(SCRATCHPAD, e->scratchpad_bytes);
        if (!pad || dnnl_memory_set_data_handle(e->scratchpad, pad)) return 1;
        args[count++] = (dnnl_exec_arg_t){DNNL_ARG_SCRATCHPAD, e->scratchpad};
    }
    if (execute(e->primitive, count, args)) return 1;
    for (int i = 0; i < e->count; i++) {
        lk_slot *slot = &e->slots[i];
        dnnl_exec_arg_t pair[2] = {{DNNL_ARG_FROM, slot->inner}, {DNNL_ARG_TO, slot->user}};
        if (slot->reorder && slot->output && execute(slot->reorder, 2, pair)) return 1;
    }
    CHECK(dnnl_stream_wait(lk_dnnl_stream));
    return 0;
}

static int valid(const lk_conv_shape *s) {
    return s->batch > 0 && s->inChannels > 0 && s->height > 0 && s->width > 0 && s->outChannels > 0
        && s->kernelHeight > 0 && s->kernelWidth > 0 && s->strideHeight > 0 && s->strideWidth > 0
        && s->padHeight >= 0 && s->padWidth >= 0 && s->outHeight > 0 && s->outWidth > 0;
}

/// The kept blocked gy, if `ticket` names the latest copy, of this very gy, in the
/// layout that slot `index` of e wants; else NULL.
static void *kept_gradient_for(const lk_entry *e, int index, const float *gy, unsigned long ticket) {
    if (!ticket || ticket != kept_gradient.ticket || gy != kept_gradient.gy || !e->slots[index].reorder) return NULL;
    const lk_entry *source = find(&kept_gradient.key);
    const dnnl_memory_desc_t *made, *wanted;
    if (!source || dnnl_memory_get_memory_desc(source->slots[0].inner, &made) != dnnl_success
        || dnnl_memory_get_memory_desc(e->slots[index].inner, &wanted) != dnnl_success
        || !dnnl_memory_desc_equal(made, wanted)) return NULL;
    return workspace[KEPT_GRADIENT];
}

/// Looks up (or builds) the primitive for this shape and runs it on buffers, in slot order.
/// Backward data keeps its blocked gy and sets *ticket (when not NULL); backward weights
/// reads that copy for its gy when `ticket` still names it.
static int call(lk_conv_shape s, int kind, int bias, void *const *buffers, unsigned long *ticket_out,
                unsigned long ticket) {
    last_impl[kind][0] = 0;
    if (ticket_out) *ticket_out = 0;
    if (!valid(&s)) return 1;
    lk_key key;
    memset(&key, 0, sizeof key);
    key.shape = s;
    key.kind = kind;
    key.bias = bias;
    int status = lk_dnnl_enter();
    if (!status) {
        key.threads = lk_dnnl_threads;
        lk_entry *e = lookup(&key);
        int keep = e && ticket_out && e->slots[0].reorder;
        void *given = e && kind == BACKWARD_WEIGHTS ? kept_gradient_for(e, 1, buffers[1], ticket) : NULL;
        status = e ? run(e, buffers, given ? 1 : -1, given, keep ? 0 : -1) : 1;
        if (keep) {
            // The copy in workspace[KEPT_GRADIENT] is now this gy's (or, on failure, no one's).
            kept_gradient.ticket = status ? 0 : ++tickets;
            kept_gradient.key = key;
            kept_gradient.gy = buffers[0];
            *ticket_out = kept_gradient.ticket;
        }
        if (!status) snprintf(last_impl[kind], sizeof last_impl[kind], "%s", e->impl);
    }
    lk_dnnl_leave();
    return status;
}

int lk_dnnl_conv_forward(lk_conv_shape s, const float *x, const float *weight, const float *bias, float *y) {
    void *buffers[] = {(void *)x, (void *)weight, y, (void *)bias};
    return call(s, FORWARD, bias != NULL, buffers, NULL, 0);
}

int lk_dnnl_conv_backward_data(lk_conv_shape s, const float *gy, const float *weight, float *gx, unsigned long *ticket) {
    void *buffers[] = {(void *)gy, (void *)weight, gx};
    return call(s, BACKWARD_DATA, 0, buffers, ticket, 0);
}

int lk_dnnl_conv_backward_weights(lk_conv_shape s, const float *x, const float *gy, float *gweight, float *gbias,
                                  unsigned long ticket) {
    void *buffers[] = {(void *)x, (void *)gy, gweight, gbias};
    return call(s, BACKWARD_WEIGHTS, gbias != NULL, buffers, NULL, ticket);
}

const char *lk_dnnl_conv_impl(int pass) {
    return pass >= FORWARD && pass <= BACKWARD_WEIGHTS ? last_impl[pass] : "";
}

#else   // built without oneDNN's headers: every call asks for the fallback

int lk_dnnl_conv_forward(lk_conv_shape s, const float *x, const float *w, const float *b, float *y) {
    (void)s, (void)x, (void)w, (void)b, (void)y;
    return 1;
}
int lk_dnnl_conv_backward_data(lk_conv_shape s, const float *gy, const float *w, float *gx, unsigned long *ticket) {
    (void)s, (void)gy, (void)w, (void)gx;
    if (ticket) *ticket = 0;
    return 1;
}
int lk_dnnl_conv_backward_weights(lk_conv_shape s, const float *x, const float *gy, float *gw, float *gb,
                                  unsigned long ticket) {
    (void)s, (void)x, (void)gy, (void)gw, (void)gb, (void)ticket;
    return 1;
}
const char *lk_dnnl_conv_impl(int pass) {
    (void)pass;
    return "";
}
#endif
