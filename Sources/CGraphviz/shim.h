#ifndef TOPOGRAPH_CGRAPHVIZ_SHIM_H
#define TOPOGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 refuses to read mutable C globals such as Agdirected; these accessors
// hand out copies so the Swift side never touches the global itself.
static inline Agdesc_t tg_directed(void) { return Agdirected; }
static inline Agdesc_t tg_strict_directed(void) { return Agstrictdirected; }
#endif
