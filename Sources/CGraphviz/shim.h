#ifndef TOPOGRAPH_CGRAPHVIZ_SHIM_H
#define TOPOGRAPH_CGRAPHVIZ_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

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
#endif
