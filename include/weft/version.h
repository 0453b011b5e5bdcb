/* weft — version numbers, the plugin ABI version and the export macro. */
#pragma once

#define WEFT_VERSION "0.2.0"

/* The plugin ABI: a plugin built against major M, minor m loads into a host
 * whose major is M and whose minor is >= m. */
#define WEFT_ABI_MAJOR 1
#define WEFT_ABI_MINOR 3

#if defined(__GNUC__)
#define WEFT_EXPORT __attribute__ ((visibility ("default")))
#else
#define WEFT_EXPORT
#endif

/* Public functions of libweft. */
#define WEFT_API WEFT_EXPORT
