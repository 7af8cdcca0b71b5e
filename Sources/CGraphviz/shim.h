#ifndef TOPOGRAPH_CGRAPHVIZ_SHIM_H
#define TOPOGRAPH_CGRAPHVIZ_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
// dladdr is a GNU extension that glibc declares only under _GNU_SOURCE, and defining that
// here would change shared libc structs (fd_set) inside this module and clash with the
// same structs in Foundation's modules on a clean build. Declare just dladdr instead.
#if defined(__APPLE__) || defined(__USE_GNU)
typedef Dl_info tg_dl_info;
#else
typedef struct {
    const char *dli_fname;
    void *dli_fbase;
    const char *dli_sname;
    void *dli_saddr;
} tg_dl_info;
extern int dladdr(const void *address, tg_dl_info *info);
#endif
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include "text_metrics.h"

// Swift 6 refuses to read mutable C globals such as Agdirected; these accessors
// hand out copies so the Swift side never touches the global itself.
static inline Agdesc_t tg_directed(void) { return Agdirected; }

// Deterministic object ids. cgraph's default id discipline uses the address of each
// interned name as the id of a named object, and orders subgraphs by id: cluster order
// (in the layout and in the SVG) then depends on malloc's state, so the second render in
// one process came out in another order than the first. This discipline numbers named
// objects in creation order (even ids, as cgraph expects of named objects) and anonymous
// ones from a counter (odd ids), keeps the names itself and frees them when the graph
// closes. (Declining to map names instead, and leaving them to cgraph's internal map,
// also orders by creation but leaks that map's entries at agclose in Graphviz 2.43.)
typedef struct {
    char **names;
    int *types;
    size_t count, capacity;
    size_t *slots;       /* open addressing: index + 1, 0 = empty */
    size_t slotCount;
    IDTYPE anonymous;
} tg_idstate;

static inline size_t tg_id_hash(int objtype, const char *str) {
    size_t h = 1469598103934665603ULL ^ (size_t)objtype;
    for (; *str; str++) { h ^= (unsigned char)*str; h *= 1099511628211ULL; }
    return h;
}

static inline void *tg_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    tg_idstate *state = calloc(1, sizeof(tg_idstate));
    if (state) state->anonymous = 1;
    return state;
}

static inline int tg_id_grow(tg_idstate *state) {
    size_t capacity = state->capacity ? state->capacity * 2 : 64;
    char **names = realloc(state->names, capacity * sizeof(char *));
    if (!names) return 0;
    state->names = names;
    int *types = realloc(state->types, capacity * sizeof(int));
    if (!types) return 0;
    state->types = types;
    state->capacity = capacity;
    size_t slotCount = capacity * 2;
    size_t *slots = calloc(slotCount, sizeof(size_t));
    if (!slots) return 0;
    for (size_t i = 0; i < state->count; i++) {
        size_t slot = tg_id_hash(state->types[i], state->names[i]) % slotCount;
        while (slots[slot]) slot = (slot + 1) % slotCount;
        slots[slot] = i + 1;
    }
    free(state->slots);
    state->slots = slots;
    state->slotCount = slotCount;
    return 1;
}

static inline long tg_id_map(void *opaque, int objtype, char *str, IDTYPE *id, int createflag) {
    tg_idstate *state = opaque;
    if (!str) {
        *id = state->anonymous;
        state->anonymous += 2;
        return 1;
    }
    if (state->slotCount) {
        size_t slot = tg_id_hash(objtype, str) % state->slotCount;
        while (state->slots[slot]) {
            size_t index = state->slots[slot] - 1;
            if (state->types[index] == objtype && strcmp(state->names[index], str) == 0) {
                *id = (IDTYPE)(index + 1) * 2;
                return 1;
            }
            slot = (slot + 1) % state->slotCount;
        }
    }
    if (!createflag) return 0;
    if (state->count == state->capacity && !tg_id_grow(state)) return 0;
    char *copy = strdup(str);
    if (!copy) return 0;
    size_t index = state->count++;
    state->names[index] = copy;
    state->types[index] = objtype;
    size_t slot = tg_id_hash(objtype, str) % state->slotCount;
    while (state->slots[slot]) slot = (slot + 1) % state->slotCount;
    state->slots[slot] = index + 1;
    *id = (IDTYPE)(index + 1) * 2;
    return 1;
}

static inline long tg_id_alloc(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; return 0; }
static inline void tg_id_free(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; }

static inline char *tg_id_print(void *opaque, int objtype, IDTYPE id) {
    tg_idstate *state = opaque;
    (void)objtype;
    if (id % 2 != 0 || id == 0 || id / 2 > state->count) return NULL;
    return state->names[id / 2 - 1];
}

static inline void tg_id_close(void *opaque) {
    tg_idstate *state = opaque;
    if (!state) return;
    for (size_t i = 0; i < state->count; i++) free(state->names[i]);
    free(state->names);
    free(state->types);
    free(state->slots);
    free(state);
}

static inline void tg_id_register(void *state, int objtype, void *obj) { (void)state; (void)objtype; (void)obj; }

/// Parses DOT text with the deterministic id discipline; NULL on a syntax error.
static inline Agraph_t *tg_read_dot(const char *text) {
    static Agiddisc_t ids = { tg_id_open, tg_id_map, tg_id_alloc, tg_id_free, tg_id_print, tg_id_close, tg_id_register };
    // The graph keeps a pointer to its discipline until agclose: it must outlive the call.
    static Agdisc_t disc;
    disc.mem = &AgMemDisc;
    disc.id = &ids;
    disc.io = &AgIoDisc;
    FILE *stream = fmemopen((void *)text, strlen(text), "r");
    if (!stream) return NULL;
    Agraph_t *graph = agread(stream, &disc);
    fclose(stream);
    return graph;
}
// A context that measures text without fontconfig. `gvContext()` loads every installed
// plugin, pango's text layout among them, and pango asks fontconfig for the installed
// fonts: the same DOT then lays out differently on a machine with other fonts. This
// context knows only three plugins, given as builtins with demand loading off, so no
// config file is read and nothing else is loaded: core (SVG, DOT, JSON renderers), the
// dot layout, and the text layout below, which sizes text from the width table Topograph
// ships (text_metrics.h). The plugin libraries are found beside libgvc
// (`<libdir>/graphviz/`), or in $GVBINDIR as Graphviz itself honours it.

/// Decodes one UTF-8 sequence; malformed bytes count as one character each.
static inline unsigned tg_next_codepoint(const unsigned char **cursor) {
    const unsigned char *p = *cursor;
    unsigned c = *p++;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra) c &= 0x3F >> extra;
    for (int i = 0; i < extra; i++) {
        if ((*p & 0xC0) != 0x80) { *cursor = p; return 0xFFFD; }
        c = (c << 6) | (*p++ & 0x3F);
    }
    *cursor = p;
    return c;
}

/// Width of one character in 1/1000 em: the table, else an estimate by block (combining
/// marks take no room, East Asian wide forms a full em, anything else a wide Latin letter).
static inline unsigned tg_char_width(unsigned c, int bold) {
    if (c >= TG_METRICS_FIRST && c <= TG_METRICS_LAST) {
        unsigned width = (bold ? tg_width_bold : tg_width_regular)[c - TG_METRICS_FIRST];
        if (width) return width;
    }
    if (c < TG_METRICS_FIRST) return 0;
    if (c >= 0x0300 && c <= 0x036F) return 0;
    if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF) return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD))
        return 1000;
    return bold ? 760 : 700;
}

static inline int tg_is_bold(const textfont_t *font) {
    if (font->flags & HTML_BF) return 1;
    return font->name && (strcasestr(font->name, "bold") || strcasestr(font->name, "black") || strcasestr(font->name, "heavy"));
}

static inline boolean tg_textlayout(textspan_t *span, char **fontpath) {
    double size = span->font->size;
    int bold = tg_is_bold(span->font);
    unsigned long total = 0;
    const unsigned char *p = (const unsigned char *)(span->str ? span->str : "");
    while (*p) total += tg_char_width(tg_next_codepoint(&p), bold);
    span->size.x = (double)total * size / 1000.0;
    span->size.y = size * 1.2;          /* Graphviz's LINESPACING */
    span->yoffset_layout = 0.0;
    span->yoffset_centerline = 0.1 * size;
    span->layout = NULL;
    span->free_layout = NULL;
    if (fontpath) *fontpath = "[topograph metrics]";
    return TRUE;
}

static gvtextlayout_engine_t tg_textlayout_engine = { tg_textlayout };
static gvplugin_installed_t tg_textlayout_types[] = {
    { 0, "textlayout", 10, &tg_textlayout_engine, NULL },
    { 0, NULL, 0, NULL, NULL },
};
static gvplugin_api_t tg_metrics_apis[] = {
    { API_textlayout, tg_textlayout_types },
    { (api_t)0, NULL },
};
static gvplugin_library_t gvplugin_topograph_metrics_LTX_library = { "topograph_metrics", tg_metrics_apis };

static inline void *tg_open_plugin(const char *dir, const char *name) {
    char path[4096];
    if (dir && *dir) {
        snprintf(path, sizeof path, "%s/%s", dir, name);
        void *handle = dlopen(path, RTLD_NOW | RTLD_GLOBAL);
        if (handle) return handle;
    }
    return NULL;
}


static inline void *tg_find_plugin(const char *name) {
    void *handle = tg_open_plugin(getenv("GVBINDIR"), name);
    if (handle) return handle;
    tg_dl_info info;
    if (dladdr((void *)gvContext, &info) && info.dli_fname) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", info.dli_fname);
        char *slash = strrchr(dir, '/');
        if (slash) {
            snprintf(slash, sizeof dir - (size_t)(slash - dir), "/graphviz");
            handle = tg_open_plugin(dir, name);
            if (handle) return handle;
        }
    }
    return dlopen(name, RTLD_NOW | RTLD_GLOBAL);
}

/// NULL (with `*missing` naming the plugin) when a plugin library cannot be loaded.
static inline GVC_t *tg_context_builtin_metrics(const char **missing) {
    static lt_symlist_t builtins[4];
    static int ready = 0;
    if (!ready) {
        void *core = tg_find_plugin("libgvplugin_core.so.6");
        if (!core) { *missing = "libgvplugin_core.so.6"; return NULL; }
        void *dot = tg_find_plugin("libgvplugin_dot_layout.so.6");
        if (!dot) { *missing = "libgvplugin_dot_layout.so.6"; return NULL; }
        void *coreLibrary = dlsym(core, "gvplugin_core_LTX_library");
        void *dotLibrary = dlsym(dot, "gvplugin_dot_layout_LTX_library");
        if (!coreLibrary) { *missing = "gvplugin_core_LTX_library"; return NULL; }
        if (!dotLibrary) { *missing = "gvplugin_dot_layout_LTX_library"; return NULL; }
        builtins[0].name = "gvplugin_core_LTX_library";
        builtins[0].address = coreLibrary;
        builtins[1].name = "gvplugin_dot_layout_LTX_library";
        builtins[1].address = dotLibrary;
        builtins[2].name = "gvplugin_topograph_metrics_LTX_library";
        builtins[2].address = &gvplugin_topograph_metrics_LTX_library;
        builtins[3].name = NULL;
        builtins[3].address = NULL;
        ready = 1;
    }
    return gvContextPlugins(builtins, 0);
}

// Laid-out geometry for scoring candidate layouts in Swift (the fields are macros over
// Graphviz's layout structs, which Swift cannot expand). Points, y up, as the layout has them.
static inline void tg_node_box(Agnode_t *n, double *box) {
    pointf c = ND_coord(n);
    double w = ND_width(n) * 36.0, h = ND_height(n) * 36.0;
    box[0] = c.x - w; box[1] = c.y - h; box[2] = c.x + w; box[3] = c.y + h;
}
static inline Agnode_t *tg_edge_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *tg_edge_head(Agedge_t *e) { return aghead(e); }
// The edge's Bézier control points (p0, c1, c2, p1, c1, ...) of every piece, written as
// x, y pairs into xy (room for `capacity` points); returns how many the edge has.
static inline int tg_edge_points(Agedge_t *e, double *xy, int capacity) {
    splines *spl = ED_spl(e);
    if (!spl) return 0;
    int total = 0;
    for (int i = 0; i < spl->size; i++) {
        bezier *bz = &spl->list[i];
        for (int k = 0; k < bz->size; k++, total++) {
            if (total < capacity) { xy[2 * total] = bz->list[k].x; xy[2 * total + 1] = bz->list[k].y; }
        }
    }
    return total;
}

// A cluster's box and its title's box (zeros when it has no title), in points.
static inline void tg_cluster_boxes(Agraph_t *g, double *box, double *title) {
    boxf bb = GD_bb(g);
    box[0] = bb.LL.x; box[1] = bb.LL.y; box[2] = bb.UR.x; box[3] = bb.UR.y;
    textlabel_t *label = GD_label(g);
    if (label && label->set) {
        title[0] = label->pos.x - label->dimen.x / 2; title[1] = label->pos.y - label->dimen.y / 2;
        title[2] = label->pos.x + label->dimen.x / 2; title[3] = label->pos.y + label->dimen.y / 2;
    } else {
        title[0] = title[1] = title[2] = title[3] = 0;
    }
}

#endif
