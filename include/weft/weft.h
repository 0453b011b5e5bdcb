/* weft — the umbrella header for plugins and programs using libweft. */
#pragma once

#include "weft/version.h"
#include "weft/doc.h"
#include "weft/plugin.h"
