/* CVoxflowKit is header-only; SwiftPM needs one source file per C target. */
#include "voxflow_plugin.h"
