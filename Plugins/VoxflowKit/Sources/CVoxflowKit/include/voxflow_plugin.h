/*
 * The C face of a Voxflow plugin: the one entry symbol and the descriptor it returns.
 *
 * A plugin shared library exports exactly one symbol, VOXFLOW_PLUGIN_ENTRY_SYMBOL, of type
 * voxflow_plugin_entry_fn. The host calls it first and checks `magic`, `abi_major` and
 * `abi_minor` (compiled into the plugin from the macros below) before it calls `create`.
 *
 * ABI rules: the host accepts a plugin whose abi_major equals its own and whose abi_minor is
 * not greater than its own. Bump VOXFLOW_ABI_MINOR for additions, VOXFLOW_ABI_MAJOR for any
 * change to an existing type or protocol requirement in VoxflowKit. Plugins/VoxflowKit/api.txt records the public
 * interface each version promises; the tests fail when it changes and these numbers do not (scripts/sdk-api).
 */
#ifndef VOXFLOW_PLUGIN_H
#define VOXFLOW_PLUGIN_H

#include <stdint.h>

#define VOXFLOW_PLUGIN_MAGIC 0x56584650u /* "VXFP" */
#define VOXFLOW_ABI_MAJOR 3
#define VOXFLOW_ABI_MINOR 0
#define VOXFLOW_PLUGIN_ENTRY_SYMBOL "voxflow_plugin_entry"

typedef struct voxflow_plugin_descriptor {
    uint32_t magic;          /* VOXFLOW_PLUGIN_MAGIC */
    uint16_t abi_major;      /* VOXFLOW_ABI_MAJOR the plugin was compiled with */
    uint16_t abi_minor;      /* VOXFLOW_ABI_MINOR the plugin was compiled with */
    const char *name;        /* plugin name, e.g. "flite" */
    const char *version;     /* plugin version, e.g. "0.1.0" */
    /* Returns a retained Swift object conforming to VoxflowKit.VoxflowPlugin.
       Called once, on the control thread, only after the ABI check passed. */
    void *(*create)(void);
} voxflow_plugin_descriptor;

typedef const voxflow_plugin_descriptor *(*voxflow_plugin_entry_fn)(void);

#endif
