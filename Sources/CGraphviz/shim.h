#ifndef TOPOGRAPH_CGRAPHVIZ_SHIM_H
#define TOPOGRAPH_CGRAPHVIZ_SHIM_H
#include <stdio.h>
#include <string.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 refuses to read mutable C globals such as Agdirected; these accessors
// hand out copies so the Swift side never touches the global itself.
static inline Agdesc_t tg_directed(void) { return Agdirected; }

// Deterministic object ids. cgraph's default id discipline uses the address of each
// interned name as the id of a named object, and orders subgraphs by id: cluster order
// (in the layout and in the SVG) then depends on malloc's state, so the second render in
// one process came out in another order than the first. This discipline declines to map
// names, which makes cgraph give every object the next number from a counter and keep
// the names in its own internal map: ids follow creation order, every time.
static inline void *tg_id_open(Agraph_t *g, Agdisc_t *disc) { (void)disc; return g; }
static inline long tg_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    static IDTYPE counter = 1;
    (void)state; (void)objtype; (void)createflag;
    if (str) return 0;
    *id = counter;
    counter += 2;
    return 1;
}
static inline long tg_id_alloc(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; return 0; }
static inline void tg_id_free(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; }
static inline char *tg_id_print(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; return NULL; }
static inline void tg_id_close(void *state) { (void)state; }
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
#endif
